"""Search and filters of the public pledge list, the dashboard and the exports (one definition for all)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.languages import ContentLanguage
from core.search import matching
from gcm.enums import Region, StakeholderCategory
from gcm.filters import RoundTableFilter
from gcm.models import Cycle, MemberState, Objective, Principle

from .enums import PledgeScope, PledgeType, ProgressStatus

STATES = "states"
CATEGORY_CHOICES = [(STATES, _("Member States")), *StakeholderCategory.choices]
JOINT_CHOICES = [("joint", _("Joint pledges")), ("single", _("Single pledges"))]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
INACTIVE = "inactive"
ALL = _("All")
STATUS_CHOICES = [*ProgressStatus.choices, (INACTIVE, _("Inactive (no update for a year)"))]


def _objective_choices():
    return [(o.number, str(o)) for o in Objective.objects.all()]


def _principle_choices():
    return [(p.slug, p.title) for p in Principle.objects.all()]


def _country_choices():
    return [(s.iso3, s.name) for s in MemberState.objects.all().sorted_by_name()]


def _cycle_choices():
    return [(c.year, c.name) for c in Cycle.objects.all()]


def type_q(value):
    """Pledges having type `value`: `types` is a JSON list of codes; a quoted-code match works everywhere."""
    return Q(types__icontains=f'"{value}"')


class PledgeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    type = django_filters.ChoiceFilter(label=_("Type"), choices=PledgeType.choices, method="filter_type")
    scope = django_filters.ChoiceFilter(label=_("Scope"), choices=PledgeScope.choices)
    objective = django_filters.ChoiceFilter(label=_("GCM objective"), choices=_objective_choices,
                                            method="filter_objective")
    round_table = RoundTableFilter(lookup="objectives__round_table__number")
    principle = django_filters.ChoiceFilter(label=_("Guiding principle"), choices=_principle_choices,
                                            field_name="principles__slug")
    category = django_filters.ChoiceFilter(label=_("Pledger"), choices=CATEGORY_CHOICES, method="filter_category")
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices, method="filter_region")
    country = django_filters.ChoiceFilter(label=_("Country"), choices=_country_choices, method="filter_country")
    joint = django_filters.ChoiceFilter(label=_("Joint or single"), choices=JOINT_CHOICES, method="filter_joint")
    mptf = django_filters.ChoiceFilter(label=_("To the Migration MPTF"), choices=YES_NO, method="filter_mptf")
    status = django_filters.ChoiceFilter(label=_("Progress"), choices=STATUS_CHOICES, method="filter_status")
    cycle = django_filters.ChoiceFilter(label=_("IMRF cycle"), choices=_cycle_choices, method="filter_cycle")
    language = django_filters.ChoiceFilter(label=_("Content language"), choices=ContentLanguage.choices)

    def filter_q(self, queryset, name, value):
        """Every word in the title, narrative, reference or pledger; on PostgreSQL also the title and narrative
        full-text, stemmed in the pledge's language (see core.search)."""
        condition = Q()
        for word in value.split()[:8]:
            condition &= (
                Q(title__icontains=word) | Q(narrative__icontains=word) | Q(reference__icontains=word)
                | Q(organization__name__icontains=word) | Q(organization__acronym__iexact=word)
            )
        match = matching(queryset.model.objects.all(), text=value, fields=["title", "narrative"])
        if match.query is None:
            return queryset.filter(condition)
        # A subquery, so the full-text match reads its GIN index even beside the joined conditions.
        return queryset.filter(Q(pk__in=match.queryset.filter(match.condition).values("pk")) | condition)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            if name != "q":
                field.empty_label = ALL
                field.widget.choices = field.choices

    def filter_objective(self, queryset, name, value: int):
        return queryset.filter(objectives__number=int(value))

    def filter_cycle(self, queryset, name, value):
        return queryset.filter(cycle__year=int(value))

    def filter_type(self, queryset, name, value):
        return queryset.filter(type_q(value))

    def filter_category(self, queryset, name, value):
        if value == STATES:
            return queryset.filter(member_state__isnull=False)
        return queryset.filter(organization__category=value)

    def filter_region(self, queryset, name, value):
        return queryset.filter(Q(member_state__region=value) | Q(organization__country__region=value))

    def filter_country(self, queryset, name, value: str):
        from .models import Pledge

        concerning = Pledge.objects.filter(countries__iso3=value).values("pk")
        return queryset.filter(
            Q(member_state__iso3=value) | Q(organization__country__iso3=value) | Q(pk__in=concerning)
        )

    def filter_joint(self, queryset, name, value):
        return queryset.filter(is_joint=value == "joint")

    def filter_mptf(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(type_q(PledgeType.FINANCIAL), to_mptf=True)
        return queryset.exclude(type_q(PledgeType.FINANCIAL) & Q(to_mptf=True))

    def filter_status(self, queryset, name, value):
        if value == INACTIVE:
            return queryset.filter(is_inactive=True)
        return queryset.filter(progress_status=value, is_inactive=False)
