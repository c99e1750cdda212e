"""Reads of the secretariat console: the queues every app contributes, and the cycle's figures, read through
the other apps' selectors."""

import csv

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import AuditEvent
from core.registry import collect
from dialogues.selectors import registration_count
from pledges.enums import PledgeStatus
from pledges.selectors import pledge_status_counts
from practices.enums import PracticeStatus
from practices.selectors import practice_status_counts
from reviews.selectors import submissions_by_region

from .bulk import BULK_FOR_QUEUE
from .filters import AuditEventFilter


def console_queues(user, *, now=None):
    """Every queue contributed to the "secretariat" registry slot, each with the age in days of its oldest
    item (`age_days`, None when the queue is empty or its age unknown)."""
    now = now or timezone.now()
    queues = collect("secretariat", user)
    for item in queues:
        item["age_days"] = _age_days(item.get("oldest"), now) if item.get("count") else None
        if item.get("key") in BULK_FOR_QUEUE:
            item["bulk_url"] = reverse("secretariat:bulk", args=[BULK_FOR_QUEUE[item["key"]]])
    return queues


def waiting_queues(user, *, now=None):
    """The queues with something waiting (informative counts such as the roster size left out)."""
    return [q for q in console_queues(user, now=now) if q["count"] and not q.get("informative")]


def _age_days(oldest, now):
    if oldest is None:
        return None
    if hasattr(oldest, "hour"):
        return max((now - oldest).days, 0)
    return max((timezone.localdate(now) - oldest).days, 0)


def cycle_figures(cycle):
    """The cycle's figures: review submissions by region, practices by status, pledges by status,
    dialogue registrations."""
    practices = practice_status_counts()
    pledges = pledge_status_counts(cycle)
    return {
        "regions": submissions_by_region(cycle),
        "practices": [(label, practices.get(value, 0)) for value, label in PracticeStatus.choices
                      if value != PracticeStatus.DRAFT],
        "pledges": [(label, pledges.get(value, 0)) for value, label in PledgeStatus.choices
                    if value != PledgeStatus.DRAFT],
        "registrations": registration_count(cycle),
    }


# --- Audit trail --------------------------------------------------------------------------------------------------

def audit_filter(params):
    """An AuditEventFilter over every audit event with its actor and object type."""
    return AuditEventFilter(params, queryset=AuditEvent.objects.select_related("actor", "content_type"))


def object_events(content_type, object_id):
    """The audit events of one object, newest first (a list)."""
    return list(AuditEvent.objects.filter(content_type=content_type, object_id=str(object_id))
                .select_related("actor", "content_type"))


class _Echo:
    def write(self, value):
        return value


def audit_csv_rows(events):
    """CSV lines of `events`, header first, read from the database in chunks (for a streamed response)."""
    writer = csv.writer(_Echo())
    yield writer.writerow([_("time"), _("object type"), _("object id"), _("action"), _("from"), _("to"),
                           _("actor"), _("comment")])
    for e in events.iterator(chunk_size=2000):
        yield writer.writerow([e.created_at.isoformat(), e.content_type.model, e.object_id, e.action,
                               e.from_status, e.to_status, e.actor.email if e.actor else "", e.comment])
