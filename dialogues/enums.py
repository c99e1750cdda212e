"""Kinds of dialogue, statuses of contributions and reports, with the moves each allows."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import ContentLanguage  # noqa: F401 - re-exported: the language of user content


class DialogueKind(models.TextChoices):
    GLOBAL = "global", _("Migration dialogue")
    REGIONAL = "regional", _("Regional round table")


class ContributionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("awaiting moderation")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")


C = ContributionStatus
# A published contribution may still be taken down (rejected with a reason) after a report.
CONTRIBUTION_TRANSITIONS = {
    C.SUBMITTED: {C.PUBLISHED, C.REJECTED},
    C.PUBLISHED: {C.REJECTED},
    C.REJECTED: set(),
}


class ReportStatus(models.TextChoices):
    OPEN = "open", _("open")
    DISMISSED = "dismissed", _("dismissed")
    UPHELD = "upheld", _("upheld: contribution removed")


R = ReportStatus
REPORT_TRANSITIONS = {
    R.OPEN: {R.DISMISSED, R.UPHELD},
    R.DISMISSED: set(),
    R.UPHELD: set(),
}


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("registered")
    WAITING = "waiting", _("on the waiting list")


class ReminderKind(models.TextChoices):
    DAY_BEFORE = "day_before", _("the day before")
    HOUR_BEFORE = "hour_before", _("one hour before")


DEFAULT_TIME_ZONE = "America/New_York"  # the IMRF meets at UN Headquarters
