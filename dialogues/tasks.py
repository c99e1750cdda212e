from celery import shared_task

from . import services


@shared_task(name="dialogues.send_reminders", acks_late=True)
def send_reminders_task():
    """Periodic: queue the reminders that are due; safe to run twice or concurrently."""
    return services.reminders_send()
