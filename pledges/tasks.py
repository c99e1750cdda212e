"""Daily pledge tasks (beat schedule in settings): thin wrappers around one service each."""

from celery import shared_task

from . import services


@shared_task(name="pledges.request_progress_updates", acks_late=True, autoretry_for=(OSError,), retry_backoff=True)
def request_progress_updates_task():
    """Ask pledgers for an update every six months; each request is recorded once, so a rerun sends nothing."""
    return services.pledges_request_progress_updates()


@shared_task(name="pledges.mark_inactive", acks_late=True, autoretry_for=(OSError,), retry_backoff=True)
def mark_inactive_task():
    """Flag published pledges with no progress for a year; idempotent."""
    return services.pledges_mark_inactive()
