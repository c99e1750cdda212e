from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import https_url_formfield
from core.uploads import DOCUMENTS, accept_attribute
from gcm.enums import StakeholderCategory
from gcm.models import Objective, RoundTable

from .enums import ContentLanguage
from .models import Consultation, Dialogue, Material, Recording
from .timezones import time_zone_choices, zone_or_none

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
MAX_CONTRIBUTION = 6000


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class DialogueForm(forms.ModelForm):
    """The start and end are typed as wall-clock times in the session's own time zone, stored in UTC."""

    class Meta:
        formfield_callback = https_url_formfield
        model = Dialogue
        fields = ["cycle", "kind", "title", "language", "description", "time_zone", "starts_at", "ends_at",
                  "is_online", "location", "region", "round_tables", "objectives", "join_url", "summary",
                  "registration_open", "capacity"]
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "round_tables": forms.CheckboxSelectMultiple(),
            "objectives": forms.CheckboxSelectMultiple(),
        }


    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices,
                                                     help_text=_("The start and end are entered in this time zone."))
        zone = zone_or_none(self.instance.time_zone) if self.instance.pk else None
        for name in ("starts_at", "ends_at"):
            value = getattr(self.instance, name, None)
            if zone and value:
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone = zone_or_none(cleaned.get("time_zone"))
        for name in ("starts_at", "ends_at"):
            value = cleaned.get(name)
            if zone and value:
                cleaned[name] = value.replace(tzinfo=None).replace(tzinfo=zone)
        self.instance.starts_at, self.instance.ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        return cleaned


class RecordingForm(forms.ModelForm):

    class Meta:
        formfield_callback = https_url_formfield
        model = Recording
        fields = ["url", "language"]


class MaterialForm(forms.ModelForm):

    class Meta:
        formfield_callback = https_url_formfield
        model = Material
        fields = ["title", "url", "file", "language"]
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": accept_attribute(DOCUMENTS)})}


class ContributionForm(forms.Form):
    text = forms.CharField(label=_("Your contribution"), max_length=MAX_CONTRIBUTION,
                           widget=forms.Textarea(attrs={"rows": 6}),
                           help_text=_("Markdown is allowed. The secretariat reads every contribution before it is "
                                       "published."))
    language = forms.ChoiceField(label=_("Language of your contribution"), choices=ContentLanguage.choices)
    round_table = forms.ModelChoiceField(label=_("Round table it feeds"), queryset=RoundTable.objects.none(),
                                         required=False, empty_label=_("The dialogue as a whole"))

    def __init__(self, *args, dialogue, language=None, **kwargs):
        kwargs.setdefault("initial", {"language": language if language in ContentLanguage.values else "en"})
        super().__init__(*args, **kwargs)
        linked = dialogue.round_tables.all()
        self.fields["round_table"].queryset = linked if linked else RoundTable.objects.all()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason, shown to the author"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Why should the secretariat look at this contribution?"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 4}))


class DismissForm(forms.Form):
    comment = forms.CharField(label=_("Note for the audit trail"), max_length=2000, required=False)


class ConsultationForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(label=_("Languages of the inputs"), choices=ContentLanguage.choices,
                                          widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Consultation
        fields = ["cycle", "round_table", "guiding_question", "question_language", "opens_on", "closes_on",
                  "languages"]
        widgets = {"opens_on": forms.DateInput(attrs={"type": "date"}),
                   "closes_on": forms.DateInput(attrs={"type": "date"}),
                   "guiding_question": forms.Textarea(attrs={"rows": 3})}


class ConsultationEditForm(ConsultationForm):
    class Meta(ConsultationForm.Meta):
        fields = ["guiding_question", "question_language", "opens_on", "closes_on", "languages"]


class ConsultationInputForm(forms.Form):
    text = forms.CharField(label=_("Your input"), max_length=MAX_CONTRIBUTION, widget=forms.Textarea(attrs={"rows": 6}),
                           help_text=_("Markdown is allowed. The secretariat reads every input before it is "
                                       "published."))
    language = forms.ChoiceField(label=_("Language of your input"))
    objective = forms.ModelChoiceField(label=_("GCM objective it concerns"), queryset=Objective.objects.none(),
                                       required=False, empty_label=_("The round table as a whole"))
    stakeholder_category = forms.ChoiceField(label=_("You write as"), choices=StakeholderCategory.choices)

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ContentLanguage.choices)
        self.fields["language"].choices = [(code, labels[code]) for code in consultation.languages]
        self.fields["objective"].queryset = Objective.objects.filter(round_table=consultation.round_table)
