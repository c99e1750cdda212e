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
