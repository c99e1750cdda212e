from celery import shared_task

from . import services


@shared_task(name="reviews.send_deadline_reminders", acks_late=True)
def send_deadline_reminders_task():
    """Daily: reminders to focal points of States that have not submitted (each once per State and kind)."""
    return services.send_deadline_reminders()


@shared_task(name="reviews.build_pdf", acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def build_review_pdf_task(*, review_id):
    return services.review_build_pdf(review_id=review_id)
