"""The audit trail: every state change is recorded with actor, time, from, to and comment."""

from django.contrib.contenttypes.models import ContentType

from .models import AuditEvent


def record_event(obj, action, *, actor=None, comment="", from_status="", to_status=""):
    """Write one audit row about `obj`. Call it inside the service's transaction."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        action=action,
        actor=actor,
        comment=comment or "",
        from_status=from_status or "",
        to_status=to_status or "",
    )


def events_for(obj):
    """The audit events of `obj`, newest first, with their actors."""
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")
