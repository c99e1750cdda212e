from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.uploads import DOCUMENTS, UploadValidator, stored_upload_name

from .enums import (
    SUBMISSION_LANGUAGES,
    AttachmentKind,
    ExtensionStatus,
    ReminderKind,
    ReviewStatus,
)


class ReviewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReviewStatus.PUBLISHED)


class Review(models.Model):
    """The voluntary review of one Member State for one IMRF cycle: a questionnaire in sections.

    `version` is bumped by every content save (optimistic locking between co-editors; it also tells whether the
    stored PDF is still current). Status moves only through reviews.services.
    """

    cycle = models.ForeignKey("gcm.Cycle", verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="reviews")
    member_state = models.ForeignKey(
        "gcm.MemberState", verbose_name=_("Member State"), on_delete=models.PROTECT, related_name="reviews"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(default=1)
    language = models.CharField(_("language of the submission"), max_length=5, choices=SUBMISSION_LANGUAGES,
                                blank=True)

    # Contact and consultation process
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_position = models.CharField(_("position and institution"), max_length=300, blank=True)
    government_bodies = models.TextField(
        _("government bodies consulted"), blank=True,
        help_text=_("Ministries, agencies and local governments that took part (whole-of-government)."),
    )
    stakeholders_consulted = models.JSONField(_("stakeholder categories consulted"), default=list, blank=True)
    consultation_process = models.TextField(
        _("how and when the consultation took place"), blank=True,
        help_text=_("Meetings, surveys, dates and the role stakeholders played (whole-of-society)."),
    )
    # Policy and institutional environment
    policy_environment = models.TextField(
        _("policy environment"), blank=True,
        help_text=_("Laws, policies and strategies adopted or revised to implement the Global Compact."),
    )
    institutional_arrangements = models.TextField(
        _("institutional arrangements"), blank=True,
        help_text=_("Coordination mechanisms, national migration networks and responsible institutions."),
    )
    # Guiding principles
    principles = models.ManyToManyField("gcm.Principle", verbose_name=_("guiding principles applied"), blank=True,
                                        related_name="reviews")
    principles_narrative = models.TextField(_("how the guiding principles are applied"), blank=True)
    # Means of implementation
    means_of_implementation = models.TextField(
        _("means of implementation"), blank=True, help_text=_("Funding, capacity building and data.")
    )
    partnerships = models.TextField(_("partnerships"), blank=True)
    # Next steps
    next_steps = models.TextField(_("next steps and priorities"), blank=True)

    deadline_extended_to = models.DateField(_("extended deadline"), null=True, blank=True)
    return_comment = models.TextField(_("comments from the secretariat"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    pdf_file = models.FileField(upload_to="reviews/pdf/", blank=True)
    pdf_version = models.PositiveIntegerField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["pdf_file", "pdf_version", "updated_at"])
    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-cycle__year", "member_state__iso3"]
        constraints = [models.UniqueConstraint(fields=["cycle", "member_state"], name="one_review_per_state_cycle")]
        verbose_name = _("voluntary review")
        verbose_name_plural = _("voluntary reviews")

    def __str__(self):
        return _("Voluntary review of %(state)s, %(cycle)s") % {"state": self.member_state.name,
                                                                   "cycle": self.cycle.name}

    @property
    def deadline(self):
        return self.deadline_extended_to or self.cycle.review_deadline

    @property
    def is_published(self):
        return self.status == ReviewStatus.PUBLISHED

    @property
    def pdf_is_current(self):
        return bool(self.pdf_file) and self.pdf_version == self.version

    def get_absolute_url(self):
        return reverse("reviews:detail", args=[self.cycle.year, self.member_state.iso3])

    def get_workspace_url(self):
        return reverse("reviews:workspace", args=[self.pk])


class ObjectiveEntry(models.Model):
    """What a State reports on one GCM objective it chose."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="entries")
    objective = models.ForeignKey("gcm.Objective", verbose_name=_("objective"), on_delete=models.PROTECT,
                                  related_name="review_entries")
    progress = models.TextField(_("progress"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    good_practices = models.TextField(_("good practices"), blank=True)
    support_needed = models.TextField(_("support needed"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["objective__number"]
        constraints = [models.UniqueConstraint(fields=["review", "objective"], name="one_entry_per_objective")]
        verbose_name = _("objective entry")
        verbose_name_plural = _("objective entries")

    def __str__(self):
        return str(self.objective)


def attachment_path(instance, filename):
    return stored_upload_name(
        f"reviews/attachments/{instance.review.cycle.year}/{instance.review.member_state.iso3}", filename)


class ReviewAttachment(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices,
                            default=AttachmentKind.NATIONAL_REPORT)
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=attachment_path, validators=[UploadValidator(DOCUMENTS)])
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.filename

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]


class DeadlineExtension(models.Model):
    """A State's request for more time, granted (with a date) or refused by the secretariat."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="extensions")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    requested_until = models.DateField(_("new deadline requested"))
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=10, choices=ExtensionStatus.choices,
                              default=ExtensionStatus.PENDING, db_index=True)
    granted_until = models.DateField(_("new deadline granted"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")

    def __str__(self):
        return f"{self.review} → {self.requested_until} ({self.status})"


class CoEditorInvitation(models.Model):
    """A focal point's invitation to a colleague of the same government; accepting makes them a co-editor."""

    member_state = models.ForeignKey("gcm.MemberState", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("co-editor invitation")

    def __str__(self):
        return f"{self.email} → {self.member_state_id}"


class ReminderSent(models.Model):
    """One deadline reminder sent to a State's focal points. Unique per (cycle, State, kind): never sent twice."""

    cycle = models.ForeignKey("gcm.Cycle", on_delete=models.CASCADE, related_name="+")
    member_state = models.ForeignKey("gcm.MemberState", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    deadline = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "member_state", "kind"], name="one_reminder_per_state_kind")
        ]

    def __str__(self):
        return f"{self.kind} {self.member_state_id} {self.cycle_id}"
