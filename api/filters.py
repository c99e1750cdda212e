from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from rest_framework.exceptions import ValidationError


class StrictFilterBackend(filters.DjangoFilterBackend):
    """The apps' filter sets, stricter than on the web: a parameter that is given but empty, or that the form
    cannot read (``is_champion=maybe``), is a bad parameter (400) rather than silently ignored."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is None or not filterset.is_valid():
            return filterset
        errors = {}
        for name in filterset.form.fields:
            raw = request.query_params.getlist(name)
            if not raw:
                continue
            if len(raw) > 1:
                errors[name] = [_("Give this parameter once.")]
            elif filterset.form.cleaned_data.get(name) in (None, "", []):
                errors[name] = [_("Give a valid value or leave the parameter out.")]
        if errors:
            raise ValidationError(errors)
        return filterset
