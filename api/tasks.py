from celery import shared_task

from .opendata import open_data_build


@shared_task(name="api.build_open_data", acks_late=True, autoretry_for=(OSError,), retry_backoff=True,
             max_retries=3)
def build_open_data_task():
    """Nightly: today's ZIP of CSV files of everything published (idempotent: rewrites today's file)."""
    open_data_build()
