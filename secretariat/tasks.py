from celery import shared_task

from .services import summary_build


@shared_task(name="secretariat.build_summary", acks_late=True, autoretry_for=(OSError,), retry_backoff=True,
             max_retries=3)
def build_summary_task(*, document_id):
    summary_build(document_id=document_id)
