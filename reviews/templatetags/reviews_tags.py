from datetime import date

from django import template
from django_countries import countries

register = template.Library()


@register.filter
def state_name(iso2):
    """A country's name in the active language (for e-mails, whose context holds codes, not objects)."""
    return str(countries.name(iso2)) or iso2


@register.filter
def as_date(value):
    """An ISO date string from an e-mail context as a date, for the |date filter."""
    return date.fromisoformat(value) if isinstance(value, str) and value else value


@register.filter
def category_labels(values):
    """Labels of stakeholder category codes."""
    from gcm.enums import StakeholderCategory

    labels = dict(StakeholderCategory.choices)
    return [labels.get(value, value) for value in values or []]
