from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization
from accounts.roles import organization_ids_of, state_ids_of
from core.languages import ContentLanguage, content_language
from core.uploads import DOCUMENTS, UploadValidator, accept_attribute
from gcm.models import MemberState, Objective, Principle
from gcm.selectors import member_state_choices

from .currencies import currency_choices
from .enums import PledgeScope, PledgeStatus, PledgeType, ProgressStatus
from .models import Pledge
from .services import NARRATIVE_MAX, NARRATIVE_MIN


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def pledger_choices(user):
    """'state:<id>' and 'org:<id>' choices for the States and organizations `user` may pledge for."""
    states = MemberState.objects.filter(pk__in=state_ids_of(user))
    organizations = Organization.objects.filter(pk__in=organization_ids_of(user), verified=True)
    return [(f"state:{s.pk}", s.name) for s in states] + [(f"org:{o.pk}", str(o)) for o in organizations]


class PledgeForm(forms.Form):
    """One pledge per form. Formats are checked here; completeness is checked on submission (services)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    pledger = forms.ChoiceField(label=_("Pledging on behalf of"))
    title = forms.CharField(label=_("Title"), max_length=200)
    narrative = forms.CharField(
        label=_("Narrative"), required=False, widget=forms.Textarea(attrs={"rows": 10}),
    )
    language = forms.ChoiceField(label=_("Language of the pledge"), choices=ContentLanguage.choices, required=False,
                                 help_text=_("The language the title and narrative are written in."))
    types = forms.MultipleChoiceField(label=_("Type of pledge"), choices=PledgeType.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple, help_text=_("Several are allowed."))
    scope = forms.ChoiceField(label=_("Scope"), choices=PledgeScope.choices, required=False,
                              widget=forms.RadioSelect)
    objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"), queryset=Objective.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one objective or guiding principle that the pledge advances."),
    )
    principles = forms.ModelMultipleChoiceField(label=_("Guiding principles"), queryset=Principle.objects.all(),
                                                required=False, widget=forms.CheckboxSelectMultiple)
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries concerned"), queryset=MemberState.objects.all(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DateInput())
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DateInput())
    amount = forms.DecimalField(label=_("Amount"), required=False, min_value=0, max_digits=16, decimal_places=2,
                                help_text=_("Financial pledges only."))
    currency = forms.ChoiceField(label=_("Currency"), required=False)
    to_mptf = forms.BooleanField(label=_("This financial pledge goes to the Migration Multi-Partner Trust Fund"),
                                 required=False)
    matches_reference = forms.CharField(
        label=_("Matches the published pledge"), required=False, max_length=30,
        help_text=_("Optional: the public reference of another published pledge you match, e.g. IMRF2030-P-0042."),
    )
    partner_states = forms.ModelMultipleChoiceField(
        label=_("Partner Member States"), queryset=MemberState.objects.all(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("For a joint pledge. Their focal points are invited to confirm when you submit."),
    )
    partner_organizations = forms.ModelMultipleChoiceField(
        label=_("Partner organizations"), queryset=Organization.objects.filter(verified=True), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Their members are invited to confirm when you submit."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    supporting_file = forms.FileField(
        label=_("Supporting file"), required=False, validators=[UploadValidator(DOCUMENTS)],
        widget=forms.ClearableFileInput(attrs={"accept": accept_attribute(DOCUMENTS)}),
        help_text=_("Optional, one file of at most 25 MB: PDF, Word, Excel, PowerPoint or OpenDocument."),
    )

    def __init__(self, *args, user, pledge=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.pledge = user, pledge
        self.fields["pledger"].choices = pledger_choices(user)
        self.fields["language"].initial = content_language(get_language()) or ContentLanguage.EN
        # Interpolated per request, so the help text follows the active language.
        self.fields["narrative"].help_text = gettext(
            "Between %(min)s and %(max)s characters: what you commit to, for whom, and how."
        ) % {"min": f"{NARRATIVE_MIN:,}", "max": f"{NARRATIVE_MAX:,}"}
        self.fields["currency"].choices = [("", "—")] + currency_choices()
        for name in ("countries", "partner_states"):
            self.fields[name].choices = member_state_choices()
        narrative = self.fields["narrative"].widget
        narrative.attrs.update({"data-min": NARRATIVE_MIN, "data-max": NARRATIVE_MAX,
                                "aria-describedby": "narrative-count id_narrative_helptext"})
        if pledge is not None and pledge.supporting_file:
            self.fields["supporting_file"].widget = forms.FileInput(attrs={"accept": accept_attribute(DOCUMENTS)})

    @staticmethod
    def initial_for(pledge):
        partners = list(pledge.partners.all())
        return {
            "version": pledge.version,
            "pledger": f"state:{pledge.member_state_id}" if pledge.member_state_id else f"org:{pledge.organization_id}",
            **{name: getattr(pledge, name) for name in (
                "title", "narrative", "types", "scope", "start_date", "target_date", "amount", "currency",
                "to_mptf", "contact_name", "contact_email", "language")},
            "objectives": list(pledge.objectives.all()),
            "principles": list(pledge.principles.all()),
            "countries": list(pledge.countries.all()),
            "matches_reference": pledge.matches.reference if pledge.matches_id else "",
            "partner_states": [p.member_state_id for p in partners if p.member_state_id],
            "partner_organizations": [p.organization_id for p in partners if p.organization_id],
        }

    def clean_narrative(self):
        text = self.cleaned_data["narrative"].replace("\r\n", "\n")
        if len(text) > NARRATIVE_MAX:
            raise ValidationError(
                ngettext("The narrative has %(count)s characters; at most %(max)s are allowed. Please shorten it "
                         "by %(excess)s character.",
                         "The narrative has %(count)s characters; at most %(max)s are allowed. Please shorten it "
                         "by %(excess)s characters.", len(text) - NARRATIVE_MAX),
                code="too_long", params={"count": len(text), "max": NARRATIVE_MAX, "excess": len(text) - NARRATIVE_MAX},
            )
        return text

    def clean_matches_reference(self):
        reference = self.cleaned_data["matches_reference"].strip().upper()
        if not reference:
            return None
        match = Pledge.objects.filter(reference=reference, status=PledgeStatus.PUBLISHED).first()
        if match is None:
            raise ValidationError(_("No published pledge has the reference “%(ref)s”."), params={"ref": reference})
        if self.pledge is not None and match.pk == self.pledge.pk:
            raise ValidationError(_("A pledge cannot match itself."))
        return match

    def clean(self):
        data = super().clean()
        start, target = data.get("start_date"), data.get("target_date")
        if start and target and target < start:
            self.add_error("target_date", _("The target date must come after the start date."))
        if data.get("amount") and not data.get("currency"):
            self.add_error("currency", _("Choose the currency of the amount."))
        if data.get("amount") is not None and PledgeType.FINANCIAL not in data.get("types", []):
            self.add_error("types", _("An amount is given: tick “Financial” among the types, or remove the amount."))
        return data

    def service_data(self):
        """The cleaned values, as the services expect them."""
        data = dict(self.cleaned_data)
        kind, _sep, pk = data.pop("pledger").partition(":")
        data["member_state"] = MemberState.objects.get(pk=pk) if kind == "state" else None
        data["organization"] = Organization.objects.get(pk=pk) if kind == "org" else None
        data["matches"] = data.pop("matches_reference")
        data["types"] = [t for t in PledgeType.values if t in data["types"]]
        data["currency"] = data.get("currency") or ""
        # Left out (an older form, a script): keep the pledge's language, or take the page's.
        data["language"] = data.get("language") or getattr(self.pledge, "language", None) or \
            self.fields["language"].initial
        for name in ("version", "supporting_file"):
            data.pop(name, None)
        return data


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comments for the pledger"), widget=forms.Textarea(attrs={"rows": 3}),
                              max_length=4000)


class ReasonForm(forms.Form):
    comment = forms.CharField(label=_("Reason (the pledger sees it)"), widget=forms.Textarea(attrs={"rows": 3}),
                              max_length=4000)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ProgressUpdateForm(forms.Form):
    progress = forms.ChoiceField(label=_("Progress"), choices=ProgressStatus.choices, widget=forms.RadioSelect)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    narrative = forms.CharField(label=_("What happened"), max_length=NARRATIVE_MAX,
                                widget=forms.Textarea(attrs={"rows": 6}))
    language = forms.ChoiceField(label=_("Language of the update"), choices=ContentLanguage.choices, required=False)
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")
    evidence_file = forms.FileField(
        label=_("Evidence file"), required=False, validators=[UploadValidator(DOCUMENTS)],
        widget=forms.FileInput(attrs={"accept": accept_attribute(DOCUMENTS)}),
        help_text=_("Optional, at most 25 MB: PDF, Word, Excel, PowerPoint or OpenDocument."),
    )
