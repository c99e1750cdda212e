import django_filters
from django.utils.translation import gettext_lazy as _

from gcm.enums import Region, StakeholderCategory
from gcm.filters import RoundTableFilter

from .enums import GOVERNMENT, ContentLanguage, Theme
from .selectors import practice_search

SORTS = {
    "relevance": None,
    "newest": ["-published_at", "-pk"],
    "oldest": ["published_at", "pk"],
    "title": ["title", "pk"],
}
SORT_CHOICES = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("title", _("Title (A–Z)")),
]
CATEGORY_CHOICES = [(GOVERNMENT, _("Member States")), *StakeholderCategory.choices]


class PracticeFilter(django_filters.FilterSet):
    """Search, facets and sorting of the public repository. Facet values are stable codes (objective number,
    principle slug, ISO3 or "global") so links and exports can be shared."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    # Bounded so an absurd number is a form error, not a database overflow.
    objective = django_filters.NumberFilter(label=_("Objective"), field_name="objectives__number", min_value=1,
                                            max_value=99)
    round_table = RoundTableFilter(lookup="objectives__round_table__number")
    principle = django_filters.CharFilter(label=_("Guiding principle"), field_name="principles__slug")
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices)
    country = django_filters.CharFilter(label=_("Country"), method="filter_country")
    category = django_filters.ChoiceFilter(label=_("Submitter"), choices=CATEGORY_CHOICES, method="filter_category")
    theme = django_filters.ChoiceFilter(label=_("Theme"), choices=Theme.choices, field_name="theme_rows__theme")
    language = django_filters.ChoiceFilter(label=_("Content language"), choices=ContentLanguage.choices)
    year = django_filters.NumberFilter(label=_("Year"), field_name="published_at__year", min_value=1900,
                                       max_value=9999)
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORT_CHOICES, method="filter_sort",
                                       empty_label=None)

    def filter_q(self, queryset, name, value):
        return practice_search(queryset, value)

    def filter_country(self, queryset, name, value):
        if value == "global":
            return queryset.filter(is_global=True)
        return queryset.filter(countries__iso3=value.upper())

    def filter_category(self, queryset, name, value):
        if value == GOVERNMENT:
            return queryset.filter(member_state__isnull=False)
        return queryset.filter(organization__category=value)

    def filter_sort(self, queryset, name, value):
        return queryset  # applied in `qs`, after every filter

    @property
    def qs(self):
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.form.is_valid() else None
        searching = bool(self.form.cleaned_data.get("q")) if self.form.is_valid() else False
        if (sort in (None, "", "relevance")) and searching and "rank" in queryset.query.annotations:
            return queryset.order_by("-rank", "-published_at", "-pk")
        return queryset.order_by(*(SORTS.get(sort) or SORTS["newest"]))


