from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import https_url_formfield
from core.timezones import time_zone_choices
from gcm.enums import Region, StakeholderCategory
from gcm.models import MemberState, Objective
from gcm.selectors import member_state_choices

from .enums import FocalPointKind, Gender, MembershipRole, ReviewerKind, WorkingLanguage
from .models import Organization, User


def _states_by_name(field):
    """Member States sorted by their translated name (validated against the full queryset)."""
    field.queryset = MemberState.objects.all()
    field.choices = [("", "—")] + member_state_choices()


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"), required=False,
        help_text=_("Session times are shown in this zone. Leave empty to use the zone of your browser."),
    )

    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "time_zone"]
        help_texts = {"preferred_language": _("Used for the interface and for the e-mails the portal sends you.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [("", _("The zone of my browser"))] + time_zone_choices()


class OrganizationSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or acronym"), required=False)
    category = forms.ChoiceField(
        label=_("Stakeholder category"), required=False,
        choices=[("", _("All categories"))] + list(StakeholderCategory.choices),
    )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organization"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tell the administrators who you are and your role in the organization."),
    )


class OrganizationProposalForm(forms.ModelForm):
    message = forms.CharField(
        label=_("Message to the secretariat"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your role in the organization, and anything that helps the secretariat verify it."),
    )

    class Meta:
        formfield_callback = https_url_formfield
        model = Organization
        fields = ["name", "acronym", "category", "country", "website"]
        help_texts = {"country": _("Where the organization is based; leave empty for global organizations.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _states_by_name(self.fields["country"])


class OrganizationForm(forms.ModelForm):
    class Meta:
        formfield_callback = https_url_formfield
        model = Organization
        fields = ["name", "acronym", "category", "country", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _states_by_name(self.fields["country"])


class ApproveForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER)


class ReasonForm(forms.Form):
    comment = forms.CharField(
        label=_("Reason"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The person concerned receives this text by e-mail."),
    )


class FocalPointForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"),
                             help_text=_("The person must already have an account on the portal."))
    member_state = forms.ModelChoiceField(label=_("Member State"), queryset=MemberState.objects.none())
    kind = forms.ChoiceField(label=_("Role"), choices=FocalPointKind.choices, initial=FocalPointKind.FOCAL_POINT)
    position = forms.CharField(label=_("Position / ministry"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _states_by_name(self.fields["member_state"])


class ReviewerForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"),
                             help_text=_("The person must already have an account on the portal."))
    kind = forms.ChoiceField(label=_("Reviewer type"), choices=ReviewerKind.choices)
    organization = forms.ModelChoiceField(label=_("Organization"), required=False,
                                          queryset=Organization.objects.none())
    country = forms.ModelChoiceField(label=_("Country"), required=False, queryset=MemberState.objects.none())
    objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives of expertise"), required=False, queryset=Objective.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.MultipleChoiceField(label=_("Regions of expertise"), required=False, choices=Region.choices,
                                        widget=forms.CheckboxSelectMultiple)
    languages = forms.MultipleChoiceField(label=_("Working languages"), required=False,
                                          choices=WorkingLanguage.choices, widget=forms.CheckboxSelectMultiple)
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=[("", "—")] + list(Gender.choices))
    max_active_reviews = forms.IntegerField(label=_("Maximum active reviews"), min_value=1, max_value=50, initial=5)

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.filter(verified=True)
        _states_by_name(self.fields["country"])
        self.fields["objectives"].queryset = Objective.objects.order_by("number")
        self.fields["objectives"].label_from_instance = lambda o: f"{o.number}. {o.short_title}"
        if editing:
            del self.fields["email"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == ReviewerKind.INTERNAL and not data.get("organization"):
            self.add_error("organization", _("An internal reviewer belongs to a UN system organization."))
        return data

    def profile_fields(self):
        data = dict(self.cleaned_data)
        data.pop("email", None)
        return data
