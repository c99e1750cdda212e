from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SummaryKind(models.TextChoices):
    OVERVIEW = "overview", _("Preparation overview")
    ROUND_TABLE = "round_table", _("Round table input")


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
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("summary document")

    def __str__(self):
        return self.title

    @property
    def title(self):
        if self.kind == SummaryKind.ROUND_TABLE and self.round_table_id:
            return f"{self.cycle.name} — {self.round_table}"
        return f"{self.cycle.name} — {self.get_kind_display()}"
