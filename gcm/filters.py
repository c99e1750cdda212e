import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .enums import Region, RegionalCommission, StateStatus
from .models import MemberState, RoundTable


def _round_table_choices():
    return [(rt.number, str(rt)) for rt in RoundTable.objects.all()]


@extend_schema_field(OpenApiTypes.INT)  # the round table's number, in the open-data API's schema
class RoundTableFilter(django_filters.ChoiceFilter):
    """Items on any objective of an IMRF round table (by its number 1-4), for every list of the portal.

    `lookup` goes from the listed model to the round table (e.g. "objectives__round_table__number"); the match
    is a subquery on primary keys, so an item on two objectives of the table is listed once."""

    def __init__(self, *args, lookup, **kwargs):
        self.lookup = lookup
        kwargs.setdefault("label", _("Round table"))
        kwargs.setdefault("choices", _round_table_choices)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        matching = qs.model._default_manager.filter(**{self.lookup: int(value)}).values("pk")
        return qs.filter(pk__in=matching)


class MemberStateFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(choices=Region.choices, label=_("Region"))
    regional_commission = django_filters.ChoiceFilter(choices=RegionalCommission.choices,
                                                      label=_("regional commission"))
    status = django_filters.ChoiceFilter(choices=StateStatus.choices, label=_("status"))
    is_champion = django_filters.BooleanFilter(label=_("champion country"))

    class Meta:
        model = MemberState
        fields = ["region", "regional_commission", "status", "is_champion"]
