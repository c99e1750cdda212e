"""Statuses of voluntary reviews and deadline extensions, the moves each allows, and the questionnaire's sections."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned for changes")
    ACCEPTED = "accepted", _("accepted")
    PUBLISHED = "published", _("published")
    WITHDRAWN = "withdrawn", _("withdrawn")


S = ReviewStatus
# The State's focal points and co-editors may edit (and submit) only in these statuses.
EDITABLE = frozenset({S.DRAFT, S.RETURNED})
# "Not submitted" for deadline reminders and the public overview.
NOT_SUBMITTED = frozenset({S.DRAFT, S.RETURNED})
# Shown as "submitted" in the public overview: in the secretariat's hands.
IN_PROCESS = frozenset({S.SUBMITTED, S.ACCEPTED})

REVIEW_TRANSITIONS = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.RETURNED, S.ACCEPTED, S.WITHDRAWN},
    S.RETURNED: {S.SUBMITTED, S.WITHDRAWN},
    S.ACCEPTED: {S.PUBLISHED, S.RETURNED, S.WITHDRAWN},
    S.PUBLISHED: {S.ACCEPTED, S.WITHDRAWN},  # published -> accepted is "unpublish"
    S.WITHDRAWN: set(),
}


class PublicStatus(models.TextChoices):
    """What the public overview of all States shows."""

    PUBLISHED = "published", _("published")
    SUBMITTED = "submitted", _("submitted")
    NOT_YET = "not_yet", _("not yet submitted")


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")


EXTENSION_TRANSITIONS = {
    ExtensionStatus.PENDING: {ExtensionStatus.GRANTED, ExtensionStatus.REFUSED},
    ExtensionStatus.GRANTED: set(),
    ExtensionStatus.REFUSED: set(),
}


class Section(models.TextChoices):
    """The questionnaire's sections, in order. Every one but attachments must be complete to submit."""

    CONTACT = "contact", _("Contact and consultation process")
    POLICY = "policy", _("Policy and institutional environment")
    OBJECTIVES = "objectives", _("Progress per GCM objective")
    PRINCIPLES = "principles", _("Guiding principles")
    MEANS = "means", _("Means of implementation and partnerships")
    NEXT_STEPS = "next-steps", _("Next steps and priorities")
    ATTACHMENTS = "attachments", _("National report and annexes")


REQUIRED_SECTIONS = tuple(s for s in Section if s != Section.ATTACHMENTS)


class AttachmentKind(models.TextChoices):
    NATIONAL_REPORT = "report", _("national report")
    ANNEX = "annex", _("annex")


class ReminderKind(models.TextChoices):
    """Deadline reminders, each sent once per State and cycle. The number is the days left before the deadline."""

    DAYS_30 = "d30", _("30 days before the deadline")
    DAYS_14 = "d14", _("14 days before the deadline")
    DAYS_7 = "d7", _("7 days before the deadline")
    DAYS_1 = "d1", _("1 day before the deadline")
    OVERDUE = "overdue", _("overdue")


REMINDER_DAYS = ((1, ReminderKind.DAYS_1), (7, ReminderKind.DAYS_7), (14, ReminderKind.DAYS_14),
                 (30, ReminderKind.DAYS_30))

# Languages a State may submit in: the six official UN languages, in UN order.
SUBMISSION_LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
