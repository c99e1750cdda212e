"""iCalendar (RFC 5545) files for dialogues: one event per session, its UID stable for the session's life, its
SEQUENCE raised on every change, so calendars update the event in place; METHOD:CANCEL when a session is
cancelled. The join link goes only into files meant for a registered participant."""

from datetime import UTC, datetime

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from .timezones import zone_or_none

PRODID = "-//UN Network on Migration//FEMI Portal//EN"
MIMETYPE = "text/calendar"


def dialogue_uid(dialogue):
    host = settings.SITE_URL.split("://", 1)[-1].strip("/") or "femi-portal"
    return f"dialogue-{dialogue.pk}@{host}"


def _event(dialogue, *, join_url=False, cancelled=False):
    zone = zone_or_none(dialogue.time_zone) or UTC
    event = icalendar.Event()
    event.add("uid", dialogue_uid(dialogue))
    event.add("dtstamp", datetime.now(UTC))
    event.add("sequence", dialogue.ics_sequence)
    event.add("dtstart", dialogue.starts_at.astimezone(zone))
    event.add("dtend", dialogue.ends_at.astimezone(zone))
    event.add("summary", dialogue.title)
    event.add("url", f"{settings.SITE_URL}{dialogue.get_absolute_url()}")
    location = dialogue.location or (_("Online") if dialogue.is_online else "")
    if join_url and dialogue.join_url:
        location = dialogue.join_url
    if location:
        event.add("location", location)
    description = dialogue.description
    if join_url and dialogue.join_url:
        description = f"{_('Join link:')} {dialogue.join_url}\n\n{description}"
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if cancelled or dialogue.is_cancelled else "CONFIRMED")
    return event


def _calendar(events, method):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", method)
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode()


def dialogue_ics(dialogue, *, join_url=False):
    """The session as a REQUEST (or CANCEL if cancelled), for an e-mail attachment or a download."""
    method = "CANCEL" if dialogue.is_cancelled else "REQUEST"
    return _calendar([_event(dialogue, join_url=join_url)], method)


def feed_ics(dialogues):
    """A subscription feed of sessions: never a join link."""
    return _calendar([_event(d) for d in dialogues], "PUBLISH")


def ics_attachment(dialogue, *, join_url=True):
    return {"filename": f"dialogue-{dialogue.pk}.ics", "content": dialogue_ics(dialogue, join_url=join_url),
            "mimetype": f"{MIMETYPE}; method={'CANCEL' if dialogue.is_cancelled else 'REQUEST'}"}
