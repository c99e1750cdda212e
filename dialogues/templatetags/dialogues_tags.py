from datetime import datetime

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import translation

from core.languages import content_language

register = template.Library()

# A session's day and time spelled out, with its weekday, in each language's own order ("Thursday 3 December 2026,
# 14:00"; "2026年12月3日 星期四 14:00"; "Четверг, 3 декабря 2026 г., 14:00"). Django has no named format for it.
WEEKDAY_DATETIME = {"zh": "Y年n月j日 l H:i", "ar": "l j F Y، H:i", "ru": "l, j E Y г., H:i"}
WEEKDAY_DATETIME_DEFAULT = "l j F Y, H:i"


@register.filter(expects_localtime=True)
def weekday_datetime(value):
    """The date, weekday and time of `value` in the active language (see WEEKDAY_DATETIME)."""
    code = content_language(translation.get_language())
    return date_filter(value, WEEKDAY_DATETIME.get(code, WEEKDAY_DATETIME_DEFAULT))


@register.filter
def isodatetime(value):
    """An ISO 8601 string (as stored in e-mail contexts) back to a datetime, for the `date` filter."""
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.filter
def public_name(user):
    """The name shown publicly next to a contribution: never the e-mail address."""
    from django.utils.translation import gettext

    return (getattr(user, "full_name", "") or "").strip() or gettext("Participant")


@register.inclusion_tag("dialogues/_session_time.html", takes_context=True)
def session_time(context, dialogue, viewer_zone=None, compact=False):
    """The session's time in New York (always, with the UTC offset, so it reads right without JavaScript) and in
    the viewer's zone when known and different; `data-` attributes let the static script show the browser's."""
    from dialogues.timezones import NEW_YORK, utc_offset, zone_or_none

    new_york = zone_or_none(NEW_YORK)
    start, end = dialogue.starts_at.astimezone(new_york), dialogue.ends_at.astimezone(new_york)
    local = None
    if viewer_zone is not None and str(viewer_zone) != NEW_YORK:
        local = {"start": dialogue.starts_at.astimezone(viewer_zone), "end": dialogue.ends_at.astimezone(viewer_zone),
                 "zone": str(viewer_zone).replace("_", " ")}
        local["offset"] = utc_offset(local["start"])
    return {"start": start, "end": end, "offset": utc_offset(start), "local": local, "compact": compact,
            "utc_start": dialogue.starts_at, "utc_end": dialogue.ends_at}
