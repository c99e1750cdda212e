"""Workflow helpers shared by the domain apps: domain errors and status moves checked against a map."""

from django.utils.translation import gettext as _


class DomainError(Exception):
    """A refused action, with a message fit to show the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(DomainError):
    pass


class InvalidTransition(DomainError):
    pass


def require(condition, message=None):
    """Raise NotAllowed unless `condition` holds."""
    if not condition:
        raise NotAllowed(message or _("You are not allowed to do this."))


def move(obj, to, transitions, *, field="status"):
    """Set obj.<field> to `to` if the map allows it from the current value; return the old value.

    `transitions` maps a status to the set of statuses reachable from it.
    """
    current = getattr(obj, field)
    if to not in transitions.get(current, ()):
        raise InvalidTransition(
            _("This action is not possible while the item is “%(status)s”.")
            % {"status": _label(obj, field, current)}
        )
    setattr(obj, field, to)
    return current


def _label(obj, field, value):
    display = getattr(obj, f"get_{field}_display", None)
    return display() if display else value
