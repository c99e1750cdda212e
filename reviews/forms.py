"""Forms of the questionnaire and the workflow. Every questionnaire field is optional here: drafts save partial
data; completeness is checked when the State submits."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import accept_attribute, validate_upload
from gcm.enums import StakeholderCategory
from gcm.models import Objective, Principle

from .enums import AttachmentKind, Section
from .models import ObjectiveEntry, Review
from .questionnaire import SECTION_FIELDS, SECTION_M2M

TEXTAREA = {"rows": 5}
# The national report and annexes: PDF, DOCX, ODT, XLSX (see core.uploads.KINDS).
ATTACHMENT_KINDS = ("pdf", "docx", "odt", "xlsx")


class VersionedForm(forms.ModelForm):
    """Carries the review's version the user started from (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class SectionForm(VersionedForm):
    class Meta:
        model = Review
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.update(TEXTAREA)
        self.fields["version"].required = True


class ContactForm(SectionForm):
    stakeholders_consulted = forms.MultipleChoiceField(
        label=_("Stakeholder categories consulted"), choices=StakeholderCategory.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )

    class Meta(SectionForm.Meta):
        fields = SECTION_FIELDS[Section.CONTACT]


class PolicyForm(SectionForm):
    class Meta(SectionForm.Meta):
        fields = SECTION_FIELDS[Section.POLICY]


class PrinciplesForm(SectionForm):
    principles = forms.ModelMultipleChoiceField(
        label=_("Guiding principles applied"), queryset=Principle.objects.all(),
        widget=forms.CheckboxSelectMultiple, required=False,
    )

    class Meta(SectionForm.Meta):
        fields = [*SECTION_M2M[Section.PRINCIPLES], *SECTION_FIELDS[Section.PRINCIPLES]]


class MeansForm(SectionForm):
    class Meta(SectionForm.Meta):
        fields = SECTION_FIELDS[Section.MEANS]


class NextStepsForm(SectionForm):
    class Meta(SectionForm.Meta):
        fields = SECTION_FIELDS[Section.NEXT_STEPS]


SECTION_FORMS = {
    Section.CONTACT: ContactForm,
    Section.POLICY: PolicyForm,
    Section.PRINCIPLES: PrinciplesForm,
    Section.MEANS: MeansForm,
    Section.NEXT_STEPS: NextStepsForm,
}


class EntryForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ObjectiveEntry
        fields = ["progress", "challenges", "good_practices", "support_needed"]
        widgets = {name: forms.Textarea(attrs=TEXTAREA) for name in fields}


class ObjectiveChoiceForm(forms.Form):
    objective = forms.ModelChoiceField(queryset=Objective.objects.none(), label=_("Objective to report on"),
                                       to_field_name="number", empty_label=_("Choose an objective"))

    def __init__(self, *args, exclude=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = Objective.objects.exclude(pk__in=exclude)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AttachmentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word (DOCX), OpenDocument text (ODT) or Excel (XLSX)."),
        widget=forms.ClearableFileInput(attrs={"accept": accept_attribute(ATTACHMENT_KINDS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload, kinds=ATTACHMENT_KINDS)
        return upload


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Comments for the State"), widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Shown to the State's focal points, who can then revise and resubmit."))


class ExtensionRequestForm(forms.Form):
    requested_until = forms.DateField(label=_("New deadline requested"),
                                      widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def clean_requested_until(self):
        value = self.cleaned_data["requested_until"]
        if value <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date in the future."))
        return value


class ExtensionDecisionForm(forms.Form):
    until = forms.DateField(label=_("New deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("Leave empty to grant the date requested."))
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's e-mail address"))
