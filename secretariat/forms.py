from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.enums import ReviewerKind, WorkingLanguage
from gcm.enums import Region, StakeholderCategory
from gcm.models import Cycle, Objective, RoundTable

from .mailing import default_template, template_problems
from .models import ROUND_TABLE_KINDS, MailingAudience, SummaryKind


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
        help_text=_("Only for a round table input document or a round-table compilation."),
    )
    cycle = forms.ModelChoiceField(label=_("IMRF cycle"), queryset=Cycle.objects.all(), empty_label=None)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def clean(self):
        data = super().clean()
        if data.get("kind") in ROUND_TABLE_KINDS and not data.get("round_table"):
            self.add_error("round_table", _("Choose the round table."))
        return data


class BulkActionForm(forms.Form):
    """The decision to apply to the items ticked in a bulk moderation queue."""

    ids = forms.TypedMultipleChoiceField(label=_("Items"), coerce=int, choices=[],
                                         error_messages={"required": _("Tick at least one item.")})
    action = forms.ChoiceField(label=_("Decision"), choices=[])
    comment = forms.CharField(label=_("Comment or reason (shown to the authors)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, queue, item_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.queue = queue
        self.fields["action"].choices = [(key, spec.label) for key, spec in queue.actions.items()]
        self.fields["ids"].choices = [(pk, pk) for pk in item_ids]

    def clean(self):
        data = super().clean()
        spec = self.queue.actions.get(data.get("action"))
        if spec and spec.needs_comment and not data.get("comment", "").strip():
            self.add_error("comment", _("This decision needs a comment or reason: the authors will see it."))
        return data


class MailingForm(forms.Form):
    """A bulk e-mail: the audience and, for each portal language, a subject and body with placeholders."""

    audience = forms.ChoiceField(label=_("Recipients"), choices=MailingAudience.choices)
    cycle = forms.ModelChoiceField(label=_("IMRF cycle"), queryset=Cycle.objects.all(), empty_label=None)
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name}, max_length=200)
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Message (%(language)s)") % {"language": name}, widget=forms.Textarea(attrs={"rows": 9}))

    def language_fields(self):
        return [(name, self[f"subject_{code}"], self[f"body_{code}"]) for code, name in settings.LANGUAGES]

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        if not audience:
            return data
        for code, _name in settings.LANGUAGES:
            for part in ("subject", "body"):
                text = data.get(f"{part}_{code}")
                for problem in template_problems(audience, text) if text else []:
                    self.add_error(f"{part}_{code}", problem)
        return data

    def templates(self):
        return {code: {"subject": self.cleaned_data[f"subject_{code}"], "body": self.cleaned_data[f"body_{code}"]}
                for code, _name in settings.LANGUAGES}

    @staticmethod
    def initial_for(audience, cycle, token):
        initial = {"audience": audience, "cycle": cycle, "token": token}
        for code, _name in settings.LANGUAGES:
            template = default_template(audience, code)
            initial[f"subject_{code}"], initial[f"body_{code}"] = template["subject"], template["body"]
        return initial
