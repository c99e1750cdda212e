import django_filters
from django.utils.translation import gettext_lazy as _

from gcm.enums import Region
from gcm.models import Cycle, RoundTable

from .enums import ContentLanguage, DialogueKind
from .models import Contribution, Dialogue


class DialogueFilter(django_filters.FilterSet):
    cycle = django_filters.ModelChoiceFilter(queryset=Cycle.objects.all(), label=_("IMRF cycle"),
                                             empty_label=_("All cycles"))
    kind = django_filters.ChoiceFilter(choices=DialogueKind.choices, label=_("Kind"), empty_label=_("All kinds"))
    region = django_filters.ChoiceFilter(choices=Region.choices, label=_("Region"), empty_label=_("All regions"))
    round_table = django_filters.ModelChoiceFilter(field_name="round_tables", queryset=RoundTable.objects.all(),
                                                   to_field_name="number", label=_("Round table"),
                                                   empty_label=_("All round tables"))
    language = django_filters.ChoiceFilter(choices=ContentLanguage.choices, label=_("Content language"),
                                           empty_label=_("All languages"))

    class Meta:
        model = Dialogue
        fields = ["cycle", "kind", "region", "round_table", "language"]


class ContributionFilter(django_filters.FilterSet):
    """Filters of the published contributions in the open data."""

    dialogue = django_filters.ModelChoiceFilter(queryset=Dialogue.objects.all(), label=_("Dialogue"))
    round_table = django_filters.ModelChoiceFilter(queryset=RoundTable.objects.all(), to_field_name="number",
                                                   label=_("Round table"))
    language = django_filters.ChoiceFilter(choices=ContentLanguage.choices, label=_("Content language"))

    class Meta:
        model = Contribution
        fields = ["dialogue", "round_table", "language"]
