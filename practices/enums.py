"""Statuses of practices and review assignments, with the moves each allows, and the fixed vocabularies."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import ContentLanguage  # noqa: F401 - re-exported: the language of user content


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    IN_REVIEW = "in_review", _("in review")
    CLARIFICATION_REQUESTED = "clarification", _("clarification requested")
    REVISION_REQUESTED = "revision", _("revision requested")
    RESUBMITTED = "resubmitted", _("resubmitted")
    ACCEPTED = "accepted", _("accepted")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


S = PracticeStatus
# Statuses during which reviewers work on the practice.
REVIEWING = frozenset({S.IN_REVIEW, S.CLARIFICATION_REQUESTED, S.RESUBMITTED})
# Statuses in which the submitter may edit the text.
EDITABLE = frozenset({S.DRAFT, S.REVISION_REQUESTED})
# Statuses in which the submitter may still withdraw.
WITHDRAWABLE = frozenset({S.DRAFT, S.SUBMITTED, *REVIEWING, S.REVISION_REQUESTED, S.ACCEPTED})

PRACTICE_TRANSITIONS = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.IN_REVIEW, S.REJECTED, S.WITHDRAWN},
    S.IN_REVIEW: {S.CLARIFICATION_REQUESTED, S.REVISION_REQUESTED, S.ACCEPTED, S.REJECTED, S.WITHDRAWN},
    S.CLARIFICATION_REQUESTED: {S.RESUBMITTED, S.REVISION_REQUESTED, S.ACCEPTED, S.REJECTED, S.WITHDRAWN},
    S.REVISION_REQUESTED: {S.RESUBMITTED, S.WITHDRAWN},
    S.RESUBMITTED: {S.IN_REVIEW, S.CLARIFICATION_REQUESTED, S.REVISION_REQUESTED, S.ACCEPTED, S.REJECTED,
                    S.WITHDRAWN},
    S.ACCEPTED: {S.PUBLISHED, S.WITHDRAWN},
    S.PUBLISHED: set(),
    S.REJECTED: set(),
    S.WITHDRAWN: set(),
}


class AssignmentStatus(models.TextChoices):
    INVITED = "invited", _("invited")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    COMPLETED = "completed", _("completed")
    EXPIRED = "expired", _("expired")


A = AssignmentStatus
# Assignments that occupy a reviewer slot and count in the reviewer's load.
ACTIVE_ASSIGNMENT = frozenset({A.INVITED, A.ACCEPTED})

ASSIGNMENT_TRANSITIONS = {
    A.INVITED: {A.ACCEPTED, A.DECLINED, A.EXPIRED},
    A.ACCEPTED: {A.COMPLETED, A.EXPIRED},
    A.DECLINED: set(),
    A.COMPLETED: set(),
    A.EXPIRED: set(),
}


class DeclineReason(models.TextChoices):
    CONFLICT = "conflict", _("I have a conflict of interest")
    UNAVAILABLE = "unavailable", _("I am not available in time")
    EXPERTISE = "expertise", _("Outside my expertise")
    OTHER = "other", _("Other reason")


class Recommendation(models.TextChoices):
    PUBLISH = "publish", _("publish")
    MINOR_REVISION = "minor_revision", _("minor revision")
    MAJOR_REVISION = "major_revision", _("major revision")
    REJECT = "reject", _("reject")


class Decision(models.TextChoices):
    PUBLISH = "publish", _("Publish the practice")
    ACCEPT = "accept", _("Accept the practice, publish it later")
    REVISION = "revision", _("Request a revision")
    REJECT = "reject", _("Reject the practice")


class Criterion(models.TextChoices):
    INNOVATIVE = "innovative", _("Innovative")
    REPLICABLE = "replicable", _("Replicable")
    SUSTAINABLE = "sustainable", _("Sustainable")
    RELEVANT = "relevant", _("Relevant")
    COHERENT = "coherent", _("Coherent with the guiding principles")
    TIMELY = "timely", _("Timely")


CRITERION_GUIDANCE = {
    Criterion.INNOVATIVE: _("Does the practice bring a new approach, tool or partnership to the issue it addresses?"),
    Criterion.REPLICABLE: _("Could other States or stakeholders adapt and repeat it in another context?"),
    Criterion.SUSTAINABLE: _("Will its results last beyond the initial funding or project period?"),
    Criterion.RELEVANT: _("Does it clearly advance at least one objective of the Global Compact?"),
    Criterion.COHERENT: _("Does it respect the guiding principles, such as human rights and gender-responsiveness?"),
    Criterion.TIMELY: _("Does it answer a current need, ideally implemented after December 2018?"),
}

# 1–5 scale, shown beside each score.
SCORES = [
    (1, _("1 – very weak")),
    (2, _("2 – weak")),
    (3, _("3 – adequate")),
    (4, _("4 – strong")),
    (5, _("5 – excellent")),
]


class ImplementationStatus(models.TextChoices):
    FULLY = "fully", _("fully implemented")
    MOSTLY = "mostly", _("mostly implemented")


class Theme(models.TextChoices):
    GENDER = "gender", _("Gender equality")
    CHILDREN = "children", _("Children and youth")
    CLIMATE = "climate", _("Climate change and environment")
    DIGITAL = "digital", _("Digital technology")
    HEALTH = "health", _("Health")
    DISABILITY = "disability", _("Persons with disabilities")
    LOCAL = "local", _("Local governance")
    PARTNERSHIPS = "partnerships", _("Partnerships")


class AttachmentKind(models.TextChoices):
    DOCUMENT = "document", _("document")
    IMAGE = "image", _("image")


class ReminderKind(models.TextChoices):
    BEFORE_DUE = "before_due", _("before the due date")
    OVERDUE = "overdue", _("overdue")


GOVERNMENT = "government"  # submitter category of practices submitted by a State
