from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import DOCUMENTS, UploadValidator
from gcm.enums import Region

from .enums import ContentLanguage, ContributionStatus, DialogueKind, ReportStatus


class DialogueQuerySet(models.QuerySet):
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
    starts_at = models.DateTimeField(_("starts at (UTC)"))
    ends_at = models.DateTimeField(_("ends at (UTC)"))
    is_online = models.BooleanField(_("held online"), default=True)
    location = models.CharField(_("location"), max_length=200, blank=True,
                                help_text=_("Venue, or the platform of an online meeting."))
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True,
                              help_text=_("For regional round tables."))
    round_tables = models.ManyToManyField("gcm.RoundTable", blank=True, related_name="dialogues",
                                          verbose_name=_("IMRF round tables it feeds"))
    objectives = models.ManyToManyField("gcm.Objective", blank=True, related_name="dialogues",
                                        verbose_name=_("GCM objectives discussed"))
    recording_url = models.URLField(_("recording"), blank=True)
    registration_open = models.BooleanField(_("registration open"), default=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True,
                                           help_text=_("Leave empty for no limit."))
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
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dialogue_registrations")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["dialogue", "user"], name="dialogue_registration_unique")]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.user} → {self.dialogue}"


class ContributionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ContributionStatus.PUBLISHED)


class Contribution(models.Model):
    """A written contribution to a dialogue; moderated before it is public."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="contributions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="dialogue_contributions")
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
        ]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self):
        return _("Contribution %(id)s to %(dialogue)s") % {"id": self.pk, "dialogue": self.dialogue_id}

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
