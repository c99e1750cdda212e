from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SummaryKind(models.TextChoices):
    OVERVIEW = "overview", _("Preparation overview")
    ROUND_TABLE = "round_table", _("Round table input")
    CYCLE_STATUS = "cycle_status", _("Cycle status report")
    COMPENDIUM = "compendium", _("Compendium of published voluntary reviews")
    PRACTICE_DIGEST = "practice_digest", _("Practice repository digest")
    PLEDGE_CAMPAIGN = "pledge_campaign", _("Pledge campaign summary")
    COMPILATION = "compilation", _("Round-table compilation of contributions")


ROUND_TABLE_KINDS = (SummaryKind.ROUND_TABLE, SummaryKind.COMPILATION)  # documents about one round table


class SummaryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


def summary_path(document, filename):
    return f"summaries/{document.created_at:%Y/%m}/{filename}"


class SummaryDocument(models.Model):
    """A PDF summary requested by the secretariat, built by a Celery task, downloadable when done."""

    kind = models.CharField(_("kind"), max_length=20, choices=SummaryKind.choices)
    round_table = models.ForeignKey(
        "gcm.RoundTable", verbose_name=_("round table"), null=True, blank=True, on_delete=models.CASCADE
    )
    cycle = models.ForeignKey("gcm.Cycle", verbose_name=_("IMRF cycle"), on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=SummaryStatus.choices,
                              default=SummaryStatus.PENDING)
    file = models.FileField(upload_to=summary_path, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(_("build started"), null=True, blank=True)
    # The Celery task id of the build holding the "running" document: the same task, redelivered after its worker
    # died, takes the build over; any other build leaves it alone.
    build_id = models.CharField(max_length=64, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("summary document")
        indexes = [models.Index(fields=["status", "started_at"])]

    def __str__(self):
        return self.title

    @property
    def title(self):
        if self.kind == SummaryKind.ROUND_TABLE and self.round_table_id:
            return f"{self.cycle.name} — {self.round_table}"
        if self.kind == SummaryKind.COMPILATION and self.round_table_id:
            return f"{self.cycle.name} — {self.get_kind_display()}: {self.round_table}"
        return f"{self.cycle.name} — {self.get_kind_display()}"


class MailingAudience(models.TextChoices):
    STATES_NOT_SUBMITTED = "states_not_submitted", _("Focal points of the States that have not submitted")
    PLEDGERS_WITHOUT_UPDATE = "pledgers_without_update", _("Pledgers with no progress update this year")


class BulkMailing(models.Model):
    """One e-mail sent by the secretariat to a whole audience, through the outbox. `token` is unique: the same
    form posted twice sends nothing the second time."""

    token = models.CharField(max_length=64, unique=True)
    audience = models.CharField(_("recipients"), max_length=30, choices=MailingAudience.choices)
    cycle = models.ForeignKey("gcm.Cycle", verbose_name=_("IMRF cycle"), on_delete=models.PROTECT, related_name="+")
    templates = models.JSONField(default=dict, help_text="{language: {subject, body}}")
    recipient_count = models.PositiveIntegerField(default=0)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bulk e-mail")
        verbose_name_plural = _("bulk e-mails")

    def __str__(self):
        return f"{self.get_audience_display()} ({self.created_at:%Y-%m-%d})"


class DigestSent(models.Model):
    """One row per day the secretariat digest went out: the unique day means it is never sent twice."""

    day = models.DateField(unique=True)
    sent_at = models.DateTimeField(default=timezone.now)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("daily digest sent")

    def __str__(self):
        return self.day.isoformat()
