import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from gcm.enums import Region, RegionalCommission
from gcm.filters import RoundTableFilter
from gcm.models import Objective

from .models import Review

CHAMPION_CHOICES = [("yes", _("Champion countries only"))]


@extend_schema_field(OpenApiTypes.INT)  # the objective's number, for the open-data API's schema
class ObjectiveChoiceFilter(django_filters.ModelChoiceFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=Review.objects.filter(entries__objective=value).values("pk"))


class ReviewFilter(django_filters.FilterSet):
    """Filters of the public list of published reviews."""

    region = django_filters.ChoiceFilter(field_name="member_state__region", choices=Region.choices,
                                         label=_("Region"), empty_label=_("All regions"))
    commission = django_filters.ChoiceFilter(
        field_name="member_state__regional_commission", choices=RegionalCommission.choices,
        label=_("Regional commission"), empty_label=_("All regional commissions"),
    )
    champion = django_filters.ChoiceFilter(method="filter_champion", choices=CHAMPION_CHOICES,
                                           label=_("Champion countries"), empty_label=_("All States"))
    objective = ObjectiveChoiceFilter(
        queryset=Objective.objects.all(), to_field_name="number", label=_("Objective reported"),
        empty_label=_("Any objective"), widget=forms.Select,
    )
    round_table = RoundTableFilter(lookup="entries__objective__round_table__number",
                                   label=_("Round table reported"), empty_label=_("Any round table"))

    class Meta:
        model = Review
        fields = ["region", "commission", "champion", "objective", "round_table"]

    def filter_champion(self, queryset, name, value):
        return queryset.filter(member_state__is_champion=True) if value == "yes" else queryset


class PublishedReviewFilter(ReviewFilter):
    """The public list's filters plus the cycle (by year), for the open data across cycles."""

    cycle = django_filters.NumberFilter(field_name="cycle__year", label=_("IMRF cycle"), min_value=1900,
                                        max_value=9999)

    class Meta(ReviewFilter.Meta):
        fields = ["cycle", *ReviewFilter.Meta.fields]
