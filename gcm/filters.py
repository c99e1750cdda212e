import django_filters
from django.utils.translation import gettext_lazy as _

from .enums import Region, RegionalCommission, StateStatus
from .models import MemberState


class MemberStateFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(choices=Region.choices, label=_("Region"))
    regional_commission = django_filters.ChoiceFilter(choices=RegionalCommission.choices,
                                                      label=_("regional commission"))
    status = django_filters.ChoiceFilter(choices=StateStatus.choices, label=_("status"))
    is_champion = django_filters.BooleanFilter(label=_("champion country"))

    class Meta:
        model = MemberState
        fields = ["region", "regional_commission", "status", "is_champion"]
