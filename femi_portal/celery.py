"""The Celery application. Configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")

app = Celery("femi_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _load_pdf_renderer(**_kwargs):
    """Import WeasyPrint once in the worker's parent process (about 1.5 s), so the forked children share it and
    no PDF build pays for it."""
    import weasyprint  # noqa: F401
