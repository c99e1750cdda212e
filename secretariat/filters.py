import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from core.models import AuditEvent


def _audited_types(request):
    return ContentType.objects.filter(pk__in=AuditEvent.objects.order_by().values("content_type_id").distinct())


def _actions():
    return [(a, a) for a in AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct()]


class AuditEventFilter(django_filters.FilterSet):
    """Filters of the audit trail: object type, actor, action, date range."""

    content_type = django_filters.ModelChoiceFilter(label=_("Object type"), queryset=_audited_types,
                                                    empty_label=_("All types"))
    actor = django_filters.CharFilter(label=_("Actor (e-mail)"), field_name="actor__email", lookup_expr="icontains")
    action = django_filters.ChoiceFilter(label=_("Action"), choices=_actions, empty_label=_("All actions"))
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Date range"), widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}))
    object_id = django_filters.CharFilter(widget=forms.HiddenInput)

    class Meta:
        model = AuditEvent
        fields = ["content_type", "actor", "action", "created_at", "object_id"]
