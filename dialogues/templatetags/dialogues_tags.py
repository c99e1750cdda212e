from datetime import datetime

from django import template

register = template.Library()


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
