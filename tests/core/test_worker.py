"""A real Celery worker, started by the test, delivers an outbox notification through the real broker (Redis).

Runs in the PostgreSQL/Redis pass of CI, where CELERY_BROKER_URL is set; the SQLite pass runs tasks eagerly.
"""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from core.models import Notification, NotificationStatus
from core.notifications import notify
from femi_portal.celery import app
from tests.factories import UserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(settings):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs CELERY_BROKER_URL (Redis): the PostgreSQL/Redis pass of CI runs this test")
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10, loglevel="WARNING"):
        yield


def test_a_real_worker_delivers_an_outbox_notification_through_redis(worker):
    user = UserFactory(preferred_language="es")
    notification = notify(user, "core_test", context={"note": "worker"})  # autocommit: enqueued at once
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        notification.refresh_from_db()
        if notification.status == NotificationStatus.SENT:
            break
        time.sleep(0.2)
    assert notification.status == NotificationStatus.SENT
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert Notification.objects.filter(status=NotificationStatus.PENDING).count() == 0
