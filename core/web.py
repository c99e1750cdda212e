"""Small helpers shared by the views of every app."""

from django.contrib import messages

from .workflow import DomainError


def run_service(request, action, success=None):
    """Call one service (a no-argument callable); a refusal becomes an error message instead of an error page.

    Returns the service's result (True when it returns nothing), or None when it was refused.
    """
    try:
        result = action()
    except DomainError as err:
        messages.error(request, err.message)
        return None
    if success:
        messages.success(request, success)
    return result if result is not None else True
