from celery import shared_task

from .services import send_reviewer_reminders


@shared_task(name="practices.send_reviewer_reminders", acks_late=True, autoretry_for=(OSError,), retry_backoff=True)
def send_reviewer_reminders_task():
    """Daily (beat): reminders before the due date and when overdue, each once; expiry of stale invitations."""
    return {str(k): v for k, v in send_reviewer_reminders().items()}
