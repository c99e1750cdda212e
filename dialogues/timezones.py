"""Time zones of sessions and viewers: every date is stored in UTC, entered in the session's own zone and shown in
the viewer's zone and in New York time (where the IMRF meets), each with its zone named."""

from core.timezones import time_zone_choices, validate_time_zone, zone_or_none

__all__ = ["NEW_YORK", "VIEWER_COOKIE", "time_zone_choices", "utc_offset", "validate_time_zone", "viewer_zone",
           "zone_or_none"]

NEW_YORK = "America/New_York"
VIEWER_COOKIE = "femi_tz"


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
