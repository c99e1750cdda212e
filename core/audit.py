"""The audit trail: every state change is recorded with actor, time, from, to and comment."""

from django.contrib.contenttypes.models import ContentType

from .bulk import copy_rows
from .models import AuditEvent


def record_event(obj, action, *, actor=None, comment="", from_status="", to_status=""):
    """Write one audit row about `obj`. Call it inside the service's transaction."""
    event = audit_event(obj, action, actor=actor, comment=comment, from_status=from_status, to_status=to_status)
    event.save()
    return event


def audit_event(obj, action, *, actor=None, comment="", from_status="", to_status=""):
    """The unsaved audit row about `obj` (record_event saves one, record_events many at once)."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        action=action,
        actor=actor,
        comment=comment or "",
        from_status=from_status or "",
        to_status=to_status or "",
    )


def record_events(events):
    """Write many unsaved audit rows (from audit_event) in one insert per thousand. Inside the transaction."""
    return AuditEvent.objects.bulk_create(events, batch_size=1000)


AUDIT_FIELDS = ("content_type_id", "object_id", "action", "comment", "from_status", "to_status")


def record_bulk_events(model, items, action, *, from_status="", to_status=""):
    """Write one audit row with no actor (a sweep's) for each (pk, comment) of `items`, objects of `model`: rows
    streamed in one COPY on PostgreSQL, no model instance built. Inside the transaction."""
    content_type_id = ContentType.objects.get_for_model(model).pk
    copy_rows(AuditEvent, ((content_type_id, str(pk), action, comment or "", from_status, to_status)
                           for pk, comment in items), fields=AUDIT_FIELDS)


def events_for(obj):
    """The audit events of `obj`, newest first, with their actors."""
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")


ADMIN_ACTIONS = {1: "admin_added", 2: "admin_changed", 3: "admin_deleted"}


def record_admin_entries(entries):
    """Copy Django admin LogEntry rows into the audit trail (changes made outside the services)."""
    from django.utils import translation

    if entries is None:
        return
    for entry in entries if isinstance(entries, (list, tuple)) else [entries]:
        with translation.override("en"):
            comment = entry.get_change_message() or entry.object_repr
        AuditEvent.objects.create(
            content_type_id=entry.content_type_id, object_id=str(entry.object_id),
            action=ADMIN_ACTIONS.get(entry.action_flag, "admin"), actor_id=entry.user_id, comment=comment,
        )


def install_admin_audit():
    """Make every ModelAdmin record its additions, changes and deletions in the audit trail too. Wraps the
    three logging hooks of ModelAdmin once, so every admin class (ours and third-party) is covered."""
    from django.contrib.admin import ModelAdmin

    if getattr(ModelAdmin, "_femi_audited", False):
        return
    for name in ("log_addition", "log_change", "log_deletions"):
        original = getattr(ModelAdmin, name)

        def audited(self, request, *args, _original=original, **kwargs):
            entries = _original(self, request, *args, **kwargs)
            record_admin_entries(entries)
            return entries

        setattr(ModelAdmin, name, audited)
    ModelAdmin._femi_audited = True
