from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import DOCUMENTS, IMAGES, UploadValidator, stored_upload_name
from gcm.enums import Region

from .enums import (
    ACTIVE_ASSIGNMENT,
    AssignmentStatus,
    AttachmentKind,
    ContentLanguage,
    Criterion,
    DeclineReason,
    ImplementationStatus,
    PracticeStatus,
    Recommendation,
    Theme,
)


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PracticeStatus.PUBLISHED)


class Practice(models.Model):
    """A practice that implements the Global Compact, submitted by an organization or a State and peer-reviewed
    before publication. Status changes only in practices.services."""

    # Content
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Two or three sentences."))
    description = models.TextField(_("full description"), blank=True, help_text=_("Markdown is allowed."))
    results = models.TextField(_("results and evidence of impact"), blank=True)
    narrative_innovative = models.TextField(_("Why is it innovative?"), blank=True)
    narrative_replicable = models.TextField(_("Why is it replicable?"), blank=True)
    narrative_sustainable = models.TextField(_("Why is it sustainable?"), blank=True)
    narrative_relevant = models.TextField(_("Why is it relevant to the Global Compact?"), blank=True)
    narrative_coherent = models.TextField(_("How is it coherent with the guiding principles?"), blank=True)
    narrative_timely = models.TextField(_("Why is it timely?"), blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One web address per line."))
    language = models.CharField(
        _("language of the practice"), max_length=5, choices=ContentLanguage.choices, default=ContentLanguage.EN
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    # Who submits
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submitted_practices"
    )
    organization = models.ForeignKey(
        "accounts.Organization", verbose_name=_("submitting organization"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="practices",
    )
    member_state = models.ForeignKey(
        "gcm.MemberState", verbose_name=_("submitting State"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="submitted_practices",
    )
    partners = models.ManyToManyField(
        "accounts.Organization", verbose_name=_("implementing partners"), blank=True, related_name="partner_practices"
    )
    # Where, what, when
    countries = models.ManyToManyField(
        "gcm.MemberState", verbose_name=_("countries of implementation"), blank=True, related_name="practices"
    )
    is_global = models.BooleanField(_("global practice"), default=False)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True)
    objectives = models.ManyToManyField("gcm.Objective", verbose_name=_("GCM objectives"), blank=True,
                                        related_name="practices")
    primary_objective = models.ForeignKey(
        "gcm.Objective", verbose_name=_("primary objective"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="primary_practices",
    )
    principles = models.ManyToManyField("gcm.Principle", verbose_name=_("guiding principles applied"), blank=True,
                                        related_name="practices")
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    implementation_status = models.CharField(
        _("implementation status"), max_length=10, choices=ImplementationStatus.choices, blank=True
    )
    # Workflow
    status = models.CharField(
        _("status"), max_length=15, choices=PracticeStatus.choices, default=PracticeStatus.DRAFT, db_index=True
    )
    review_round = models.PositiveSmallIntegerField(_("review round"), default=1)
    decision_reason = models.TextField(_("reason given with the decision"), blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Kept up to date by services on PostgreSQL (GIN index created by migration 0002 there).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.pk])

    @property
    def submitter_label(self):
        """The public name of who submits: the organization or the State, never the person."""
        if self.member_state_id:
            return _("Government of %(state)s") % {"state": self.member_state.name}
        return str(self.organization or "")

    @property
    def is_government(self):
        return self.member_state_id is not None

    def narratives(self):
        return [(c.label, getattr(self, f"narrative_{c.value}")) for c in Criterion]

    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class PracticeTheme(models.Model):
    """One cross-cutting theme of a practice (a row per theme, so facets count in the database)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="theme_rows")
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["practice", "theme"], name="unique_practice_theme")]

    def __str__(self):
        return self.get_theme_display()


def attachment_path(instance, filename):
    return stored_upload_name(f"practices/{instance.practice_id}", filename)


class Attachment(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=attachment_path)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]

    @staticmethod
    def validator_for(kind):
        return UploadValidator(IMAGES if kind == AttachmentKind.IMAGE else DOCUMENTS)


class AssignmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_ASSIGNMENT)


class Assignment(models.Model):
    """A reviewer invited to review one practice in one review round."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="practice_assignments"
    )
    round = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.INVITED, db_index=True
    )
    due_date = models.DateField(_("due date"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("reason"), max_length=12, choices=DeclineReason.choices, blank=True)
    decline_comment = models.TextField(_("comment"), blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "reviewer", "round"], name="unique_assignment_per_round")
        ]
        verbose_name = _("review assignment")

    def __str__(self):
        return f"{self.reviewer} → {self.practice} (round {self.round})"

    def get_absolute_url(self):
        return reverse("practices:assignment", args=[self.pk])


def _score_field(criterion):
    return models.PositiveSmallIntegerField(
        criterion.label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class Review(models.Model):
    """A reviewer's scores and comments. Comments for the submitter are shown anonymised; confidential comments
    only to the secretariat."""

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    score_innovative = _score_field(Criterion.INNOVATIVE)
    score_replicable = _score_field(Criterion.REPLICABLE)
    score_sustainable = _score_field(Criterion.SUSTAINABLE)
    score_relevant = _score_field(Criterion.RELEVANT)
    score_coherent = _score_field(Criterion.COHERENT)
    score_timely = _score_field(Criterion.TIMELY)
    comments_for_submitter = models.TextField(_("comments for the submitter"), blank=True)
    confidential_comments = models.TextField(_("confidential comments for the secretariat"), blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=15, choices=Recommendation.choices, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review")

    def __str__(self):
        return f"Review of {self.assignment}"

    def scores(self):
        return {c.value: getattr(self, f"score_{c.value}") for c in Criterion}


class Clarification(models.Model):
    """A reviewer's question to the submitter, and the answer, which reaches the reviewer."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="clarifications")
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"), blank=True)
    asked_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["asked_at", "pk"]

    def __str__(self):
        return self.question[:60]
