from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import DOCUMENTS, UploadValidator
from gcm.enums import Region, StakeholderCategory

from .enums import (
    DEFAULT_TIME_ZONE,
    ContentLanguage,
    ContributionStatus,
    DialogueKind,
    RegistrationStatus,
    ReminderKind,
    ReportStatus,
)
from .timezones import validate_time_zone


class DialogueQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")


class Dialogue(models.Model):
    """An online migration dialogue or a regional round table of one IMRF cycle."""

    cycle = models.ForeignKey("gcm.Cycle", on_delete=models.PROTECT, related_name="dialogues",
                              verbose_name=_("IMRF cycle"))
    kind = models.CharField(_("kind"), max_length=10, choices=DialogueKind.choices, default=DialogueKind.GLOBAL)
    title = models.CharField(_("title"), max_length=250)
    language = models.CharField(_("language of the title and description"), max_length=5,
                                choices=ContentLanguage.choices, default=ContentLanguage.EN)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is allowed."))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(_("time zone"), max_length=64, default=DEFAULT_TIME_ZONE,
                                 validators=[validate_time_zone],
                                 help_text=_("The start and end are entered in this time zone."))
    is_online = models.BooleanField(_("held online"), default=True)
    location = models.CharField(_("location"), max_length=200, blank=True,
                                help_text=_("Venue, or the platform of an online meeting."))
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True,
                              help_text=_("For regional round tables."))
    round_tables = models.ManyToManyField("gcm.RoundTable", blank=True, related_name="dialogues",
                                          verbose_name=_("IMRF round tables it feeds"))
    objectives = models.ManyToManyField("gcm.Objective", blank=True, related_name="dialogues",
                                        verbose_name=_("GCM objectives discussed"))
    join_url = models.URLField(_("join link"), blank=True,
                               help_text=_("Shown only to registered participants, and in their e-mails."))
    summary = models.TextField(_("summary"), blank=True,
                               help_text=_("Published on the page after the session. Markdown is allowed."))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    ics_sequence = models.PositiveIntegerField(default=0, editable=False)
    registration_open = models.BooleanField(_("registration open"), default=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True,
                                           help_text=_("Leave empty for no limit."))
    # Kept by the services (dialogues/counters.py) so the public pages never count ~22,000 rows per request.
    published_contribution_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["cycle", "starts_at"]), models.Index(fields=["ends_at"])]
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})
        if self.kind == DialogueKind.REGIONAL and not self.region:
            raise ValidationError({"region": _("A regional round table needs a region.")})

    def get_absolute_url(self):
        return reverse("dialogues:detail", args=[self.pk])

    @property
    def is_upcoming(self):
        return self.ends_at >= timezone.now()

    @property
    def recording_url(self):
        """The first recording's link (for the API and open data, which predate several recordings)."""
        first = next(iter(self.recordings.all()), None)
        return first.url if first else ""

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def has_ended(self):
        return self.ends_at < timezone.now()


class Recording(models.Model):
    """A link to the recording of a dialogue, in one language (the floor, or an interpretation channel)."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="recordings")
    url = models.URLField(_("link"))
    language = models.CharField(_("language"), max_length=5, choices=ContentLanguage.choices,
                                default=ContentLanguage.EN)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")

    def __str__(self):
        return self.url


class Material(models.Model):
    """A document or link shared for a dialogue: concept note, agenda, summary, presentation."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=250)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="dialogues/materials/%Y/", blank=True,
                            validators=[UploadValidator(DOCUMENTS)])
    language = models.CharField(_("language"), max_length=5, choices=ContentLanguage.choices,
                                default=ContentLanguage.EN)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.url) == bool(self.file):
            raise ValidationError(_("Give either a link or a file, not both."))

    @property
    def href(self):
        return reverse("dialogues:material", args=[self.pk]) if self.file else self.url


class Registration(models.Model):
    """A seat at a dialogue, or a place on its waiting list (first come, first promoted)."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dialogue_registrations")
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.REGISTERED)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted from the waiting list at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["dialogue", "user"], name="dialogue_registration_unique")]
        indexes = [models.Index(fields=["dialogue", "status", "created_at"])]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.user} → {self.dialogue}"


class Reminder(models.Model):
    """A reminder queued for one registration. The unique constraint is what makes it go exactly once."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=12, choices=ReminderKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "kind"], name="dialogue_reminder_once")]

    def __str__(self):
        return f"{self.kind} → {self.registration_id}"


class Consultation(models.Model):
    """A dated online consultation space for one IMRF round table; its inputs feed the background note."""

    cycle = models.ForeignKey("gcm.Cycle", on_delete=models.PROTECT, related_name="consultations",
                              verbose_name=_("IMRF cycle"))
    round_table = models.ForeignKey("gcm.RoundTable", on_delete=models.PROTECT, related_name="consultations",
                                    verbose_name=_("round table"))
    guiding_question = models.TextField(_("guiding question"))
    question_language = models.CharField(_("language of the question"), max_length=5,
                                         choices=ContentLanguage.choices, default=ContentLanguage.EN)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), help_text=_("Inputs are accepted until the end of this day (UTC)."))
    languages = models.JSONField(_("languages of the inputs"), default=list)
    published_input_count = models.PositiveIntegerField(default=0, editable=False)  # kept like the dialogue's
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-opens_on", "round_table__number", "pk"]
        constraints = [models.UniqueConstraint(fields=["cycle", "round_table"], name="dialogue_consultation_unique")]
        verbose_name = _("round-table consultation")
        verbose_name_plural = _("round-table consultations")

    def __str__(self):
        return _("Consultation for %(rt)s") % {"rt": self.round_table}

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date cannot come before the opening date.")})
        unknown = set(self.languages or []) - set(ContentLanguage.values)
        if not self.languages or unknown:
            raise ValidationError({"languages": _("Choose at least one of the six official languages.")})

    def get_absolute_url(self):
        return reverse("dialogues:consultation", args=[self.pk])

    @property
    def is_open(self):
        today = timezone.now().date()
        return self.opens_on <= today <= self.closes_on

    def get_languages_display(self):
        labels = dict(ContentLanguage.choices)
        return [labels[code] for code in ContentLanguage.values if code in self.languages]


class ContributionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ContributionStatus.PUBLISHED)


class Contribution(models.Model):
    """A written contribution to a dialogue; moderated before it is public."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="contributions", null=True,
                                 blank=True)
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="inputs", null=True,
                                     blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="dialogue_contributions")
    objective = models.ForeignKey("gcm.Objective", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="consultation_inputs", verbose_name=_("GCM objective"))
    stakeholder_category = models.CharField(_("stakeholder category"), max_length=20,
                                            choices=StakeholderCategory.choices, blank=True)
    round_table = models.ForeignKey("gcm.RoundTable", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="dialogue_contributions", verbose_name=_("round table"))
    text = models.TextField(_("contribution"))
    language = models.CharField(_("language"), max_length=5, choices=ContentLanguage.choices,
                                default=ContentLanguage.EN)
    status = models.CharField(_("status"), max_length=10, choices=ContributionStatus.choices,
                              default=ContributionStatus.SUBMITTED)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["dialogue", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["round_table", "status"]),
            models.Index(fields=["consultation", "status", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(dialogue__isnull=False, consultation__isnull=True)
                           | models.Q(dialogue__isnull=True, consultation__isnull=False)),
                name="dialogue_contribution_one_place"),
        ]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self):
        return _("Contribution %(id)s") % {"id": self.pk}

    @property
    def place(self):
        """The dialogue or the consultation this contribution was posted to."""
        return self.dialogue if self.dialogue_id else self.consultation

    @property
    def place_title(self):
        return self.dialogue.title if self.dialogue_id else str(self.consultation)

    def get_absolute_url(self):
        return reverse("dialogues:contribution", args=[self.pk])


class Report(models.Model):
    """A user's report that a published contribution breaks the rules; the secretariat decides."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="dialogue_reports")
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["contribution", "reporter"], name="dialogue_report_unique"),
        ]
        indexes = [models.Index(fields=["status", "contribution"])]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return _("Report on contribution %(id)s") % {"id": self.contribution_id}
