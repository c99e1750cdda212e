from celery import shared_task

from .digest import digest_send
from .services import summary_build


@shared_task(name="secretariat.build_summary", acks_late=True, autoretry_for=(OSError,), retry_backoff=True,
             max_retries=3)
def build_summary_task(*, document_id):
    summary_build(document_id=document_id)


@shared_task(name="secretariat.send_daily_digest", acks_late=True)
def send_daily_digest_task():
    """Daily (beat): the digest of the secretariat's queues; sends nothing twice the same day."""
    return digest_send()
