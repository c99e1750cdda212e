"""Time zones of sessions and viewers: every date is stored in UTC, entered in the session's own zone and shown in
the viewer's zone and in New York time (where the IMRF meets), each with its zone named."""

import zoneinfo
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NEW_YORK = "America/New_York"
VIEWER_COOKIE = "femi_tz"


@lru_cache(maxsize=1)
def _names():
    return sorted(name for name in zoneinfo.available_timezones() if "/" in name and not name.startswith("Etc/"))


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in _names()]


def validate_time_zone(value):
    if zone_or_none(value) is None:
        raise ValidationError(_("Choose a time zone from the list, for example America/New_York."))


def zone_or_none(name):
    """The ZoneInfo called `name`, or None for an empty or unknown name (never raises on user input)."""
    if not name or name not in set(_names()) | {"UTC"}:
        return None
    return zoneinfo.ZoneInfo(name)


def viewer_zone(request):
    """The viewer's zone: their profile's, else the one their browser reported in a cookie, else None."""
    user = getattr(request, "user", None)
    zone = zone_or_none(getattr(user, "time_zone", "") if getattr(user, "is_authenticated", False) else "")
    return zone or zone_or_none(request.COOKIES.get(VIEWER_COOKIE, ""))


def utc_offset(moment):
    """'UTC−05:00' style offset of an aware datetime already converted to its zone."""
    total = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if total >= 0 else "\u2212"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"
