"""IANA time zones people may choose (a session's zone, a user's profile zone): the list and its validation."""

import zoneinfo
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=1)
def _names():
    return sorted(name for name in zoneinfo.available_timezones() if "/" in name and not name.startswith("Etc/"))


@lru_cache(maxsize=1)
def _accepted():
    return frozenset(_names()) | {"UTC"}


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in _names()]


def validate_time_zone(value):
    if zone_or_none(value) is None:
        raise ValidationError(_("Choose a time zone from the list, for example America/New_York."))


def zone_or_none(name):
    """The ZoneInfo called `name`, or None for an empty or unknown name (never raises on user input)."""
    if not name or name not in _accepted():
        return None
    return zoneinfo.ZoneInfo(name)
