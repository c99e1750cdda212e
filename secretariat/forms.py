from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.enums import ReviewerKind, WorkingLanguage
from gcm.enums import Region, StakeholderCategory
from gcm.models import Cycle, Objective, RoundTable

from .models import SummaryKind


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or acronym"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("All")), ("unverified", _("Awaiting verification")), ("verified", _("Verified")),
    ])
    category = forms.ChoiceField(label=_("Stakeholder category"), required=False,
                                 choices=[("", _("All categories"))] + list(StakeholderCategory.choices))

    def params(self):
        data = self.cleaned_data if self.is_valid() else {}
        verified = {"verified": True, "unverified": False}.get(data.get("status"))
        return {"text": data.get("q", ""), "verified": verified, "category": data.get("category", "")}


class FocalPointFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False)

    def params(self):
        return {"text": self.cleaned_data.get("q", "") if self.is_valid() else ""}


class ReviewerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False)
    kind = forms.ChoiceField(label=_("Reviewer type"), required=False,
                             choices=[("", _("All"))] + list(ReviewerKind.choices))
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("All"))] + list(Region.choices))
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("All"))] + list(WorkingLanguage.choices))
    objective = forms.ModelChoiceField(label=_("Objective"), required=False, queryset=Objective.objects.none(),
                                       empty_label=_("All"))
    active = forms.ChoiceField(label=_("Roster status"), required=False, choices=[
        ("", _("All")), ("1", _("In the roster")), ("0", _("Deactivated")),
    ])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = Objective.objects.order_by("number")

    def params(self):
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "text": data.get("q", ""), "kind": data.get("kind", ""), "region": data.get("region", ""),
            "language": data.get("language", ""), "objective": data.get("objective"),
            "active": {"1": True, "0": False}.get(data.get("active")),
        }


class SummaryRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=SummaryKind.choices)
    round_table = forms.ModelChoiceField(
        label=_("Round table"), queryset=RoundTable.objects.all(), required=False,
        help_text=_("Only for a round table input document."),
    )
    cycle = forms.ModelChoiceField(label=_("IMRF cycle"), queryset=Cycle.objects.all(), empty_label=None)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def clean(self):
        data = super().clean()
        if data.get("kind") == SummaryKind.ROUND_TABLE and not data.get("round_table"):
            self.add_error("round_table", _("Choose the round table."))
        return data
