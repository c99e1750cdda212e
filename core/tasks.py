from celery import shared_task

from . import notifications


@shared_task(name="core.deliver_notification", acks_late=True, autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def deliver_notification_task(*, notification_id):
    return notifications.deliver(notification_id)


@shared_task(name="core.deliver_pending_notifications", acks_late=True)
def deliver_pending_notifications():
    """Periodic: send every pending notification that is due (covers broker outages and retries)."""
    return sum(1 for pk in notifications.pending_ids() if notifications.deliver(pk))


@shared_task(name="core.deliver_notifications", acks_late=True, autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def deliver_notifications_task(*, notification_ids):
    """A chunk queued by a sweep: each is sent once (delivery locks the row; a sent one is skipped)."""
    return sum(1 for pk in notification_ids if notifications.deliver(pk))
