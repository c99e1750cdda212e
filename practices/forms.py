from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization
from accounts.roles import organization_ids_of, state_ids_of
from core.uploads import DOCUMENTS, IMAGES, accept_attribute
from gcm.models import MemberState, Objective, Principle
from gcm.selectors import member_state_choices

from .enums import (
    CRITERION_GUIDANCE,
    SCORES,
    AttachmentKind,
    Criterion,
    Decision,
    DeclineReason,
    Recommendation,
    Theme,
)
from .models import Practice, Review

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ObjectiveChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class PracticeForm(forms.ModelForm):
    """The submission form. Drafts save with partial data; completeness is checked when submitting."""

    submitted_as = forms.ChoiceField(label=_("Submitted on behalf of"), required=False)
    countries = forms.TypedMultipleChoiceField(
        label=_("Countries of implementation"), required=False, coerce=int,
        help_text=_("Hold Ctrl (or Cmd) to choose several. Leave empty for a global practice."),
    )
    objectives = ObjectiveChoiceField(
        label=_("GCM objectives"), queryset=Objective.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("At least one; mark one as primary below."),
    )
    principles = forms.ModelMultipleChoiceField(
        label=_("Guiding principles applied"), queryset=Principle.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.MultipleChoiceField(label=_("Cross-cutting themes"), choices=Theme.choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)
    partners = forms.ModelMultipleChoiceField(
        label=_("Implementing partner organizations"), queryset=Organization.objects.filter(verified=True),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Practice
        fields = [
            "title", "summary", "description", "partners", "countries", "is_global", "region", "objectives",
            "primary_objective", "principles", "start_date", "end_date", "implementation_status", "results",
            "narrative_innovative", "narrative_replicable", "narrative_sustainable", "narrative_relevant",
            "narrative_coherent", "narrative_timely", "links", "language", "contact_name", "contact_email",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "results": forms.Textarea(attrs={"rows": 5}),
            "links": forms.Textarea(attrs={"rows": 3}),
            "start_date": DATE,
            "end_date": DATE,
            "implementation_status": forms.RadioSelect,
            **{f"narrative_{c.value}": forms.Textarea(attrs={"rows": 4}) for c in Criterion},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["submitted_as"].choices = self._identity_choices()
        self.fields["countries"].choices = member_state_choices()
        self.fields["primary_objective"].queryset = Objective.objects.all()
        self.fields["implementation_status"].choices = [
            c for c in self.fields["implementation_status"].choices if c[0]
        ]
        instance = self.instance
        if instance.pk:  # partners chosen before (verified since, or not) stay choosable; proposals stay private
            self.fields["partners"].queryset = Organization.objects.filter(
                Q(verified=True) | Q(pk__in=instance.partners.values("pk"))).distinct()
            self.initial.setdefault("version", instance.version)
            self.initial.setdefault("themes", list(instance.theme_rows.values_list("theme", flat=True)))
            self.initial.setdefault("countries", list(instance.countries.values_list("pk", flat=True)))
            if instance.organization_id:
                self.initial.setdefault("submitted_as", f"org:{instance.organization_id}")
            elif instance.member_state_id:
                self.initial.setdefault("submitted_as", f"state:{instance.member_state_id}")

    def _identity_choices(self):
        orgs = Organization.objects.filter(pk__in=organization_ids_of(self.user))
        states = MemberState.objects.filter(pk__in=state_ids_of(self.user))
        choices = [("", "—")]
        choices += [(f"org:{o.pk}", str(o)) for o in orgs]
        choices += [(f"state:{s.pk}", _("Government of %(state)s") % {"state": s.name}) for s in states]
        instance = self.instance
        current = {c[0] for c in choices}
        if instance.organization_id and f"org:{instance.organization_id}" not in current:
            choices.append((f"org:{instance.organization_id}", str(instance.organization)))
        if instance.member_state_id and f"state:{instance.member_state_id}" not in current:
            choices.append((f"state:{instance.member_state_id}", str(instance.member_state)))
        return choices

    def clean_links(self):
        validate = URLValidator(schemes=["http", "https"])
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        for line in lines:
            try:
                validate(line)
            except ValidationError as err:
                raise ValidationError(_("“%(line)s” is not a web address (https://…)."), params={"line": line}) \
                    from err
        return "\n".join(lines)

    def clean_countries(self):
        return list(MemberState.objects.filter(pk__in=self.cleaned_data["countries"]))

    def clean(self):
        data = super().clean()
        identity = data.pop("submitted_as", "") or ""
        kind, _sep, pk = identity.partition(":")
        data["organization"] = Organization.objects.filter(pk=pk).first() if kind == "org" and pk else None
        data["member_state"] = MemberState.objects.filter(pk=pk).first() if kind == "state" and pk else None
        primary, objectives = data.get("primary_objective"), data.get("objectives")
        if primary and objectives is not None and primary not in objectives:
            self.add_error("primary_objective", _("The primary objective must be one of the objectives chosen."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        return data


class EligibilityForm(forms.Form):
    """The published criteria, confirmed before submission."""

    implemented = forms.BooleanField(label=_("The practice is fully or mostly implemented (not only planned)."))
    relevant = forms.BooleanField(label=_("It advances at least one objective of the Global Compact."))
    principles = forms.BooleanField(label=_("It is coherent with the guiding principles of the Global Compact."))
    evidence = forms.BooleanField(label=_("The results described are supported by evidence."))
    consent = forms.BooleanField(label=_("I agree that the practice is peer-reviewed and, if accepted, published "
                                         "in the public repository."))


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AttachmentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": accept_attribute(DOCUMENTS + IMAGES)}),
        help_text=_("Documents (PDF, Word, Excel, PowerPoint, OpenDocument) or images (JPEG, PNG, WebP)."),
    )

    def clean(self):
        data = super().clean()
        if data.get("file") and data.get("kind"):
            try:
                from .models import Attachment

                Attachment.validator_for(data["kind"])(data["file"])
            except ValidationError as err:
                self.add_error("file", err)
        return data


class WithdrawForm(forms.Form):
    comment = forms.CharField(label=_("Why do you withdraw the practice? (optional)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=DeclineReason.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReviewForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Review
        fields = [*[f"score_{c.value}" for c in Criterion], "comments_for_submitter", "confidential_comments",
                  "recommendation"]
        widgets = {
            "comments_for_submitter": forms.Textarea(attrs={"rows": 5}),
            "confidential_comments": forms.Textarea(attrs={"rows": 4}),
            "recommendation": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in Criterion:
            name = f"score_{criterion.value}"
            self.fields[name] = forms.TypedChoiceField(
                label=criterion.label, choices=SCORES, coerce=int, required=False, empty_value=None,
                widget=forms.RadioSelect, help_text=CRITERION_GUIDANCE[criterion],
                initial=getattr(self.instance, name),
            )
        self.fields["recommendation"].choices = Recommendation.choices
        self.fields["recommendation"].required = False
        self.fields["comments_for_submitter"].help_text = _(
            "Shown to the submitter without your name.")
        self.fields["confidential_comments"].help_text = _("Only the secretariat reads these.")
        self.initial.setdefault("version", self.instance.version if self.instance.pk else 1)


class ClarificationForm(forms.Form):
    question = forms.CharField(label=_("Your question to the submitter"), widget=forms.Textarea(attrs={"rows": 3}),
                               help_text=_("The submitter will not see your name."))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 3}))


class AssignForm(forms.Form):
    reviewer = forms.IntegerField(widget=forms.HiddenInput)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Message to the submitter"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required for a rejection; for a revision, say what should change."),
    )
