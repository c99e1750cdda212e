"""Statuses of pledges, partners and progress updates, with the moves each allows."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PledgeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


PLEDGE_TRANSITIONS = {
    PledgeStatus.DRAFT: {PledgeStatus.SUBMITTED, PledgeStatus.WITHDRAWN},
    PledgeStatus.SUBMITTED: {PledgeStatus.PUBLISHED, PledgeStatus.RETURNED, PledgeStatus.REJECTED,
                             PledgeStatus.WITHDRAWN},
    PledgeStatus.RETURNED: {PledgeStatus.SUBMITTED, PledgeStatus.WITHDRAWN},
    PledgeStatus.PUBLISHED: {PledgeStatus.WITHDRAWN},
    PledgeStatus.REJECTED: set(),
    PledgeStatus.WITHDRAWN: set(),
}
EDITABLE_STATUSES = {PledgeStatus.DRAFT, PledgeStatus.RETURNED}


class PledgeType(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    MATERIAL = "material", _("Material")
    TECHNICAL = "technical", _("Technical")
    POLITICAL_LEGAL = "political_legal", _("Political / legal")


class PledgeScope(models.TextChoices):
    LOCAL = "local", _("Local")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    INTERNATIONAL = "international", _("International")


class PartnerStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


PARTNER_TRANSITIONS = {
    PartnerStatus.INVITED: {PartnerStatus.CONFIRMED, PartnerStatus.DECLINED},
    PartnerStatus.CONFIRMED: set(),
    PartnerStatus.DECLINED: set(),
}


class ProgressStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    FULFILLED = "fulfilled", _("Fulfilled")


class UpdateStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


UPDATE_TRANSITIONS = {
    UpdateStatus.SUBMITTED: {UpdateStatus.PUBLISHED, UpdateStatus.REJECTED},
    UpdateStatus.PUBLISHED: set(),
    UpdateStatus.REJECTED: set(),
}


# Audit actions recorded by the services, as the pledge's history shows them.
ACTION_LABELS = {
    "created": _("Draft created"),
    "submitted": _("Submitted"),
    "published": _("Published"),
    "returned": _("Returned for changes"),
    "rejected": _("Rejected"),
    "withdrawn": _("Withdrawn"),
    "partner_confirmed": _("Partner confirmed"),
    "partner_declined": _("Partner declined"),
    "progress_reported": _("Progress reported"),
    "progress_requested": _("Progress update requested"),
    "marked_inactive": _("Marked inactive"),
}
