"""A Redis outage (cache and Celery broker both down) loses nothing: drafts save, submission goes through, and
the e-mails wait in the outbox until the broker is back."""

import pytest
from django.test import override_settings
from django.urls import reverse
from kombu.exceptions import OperationalError

from core.models import Notification, NotificationStatus
from core.tasks import deliver_notification_task, deliver_pending_notifications
from reviews.enums import ReviewStatus
from reviews.models import Review
from reviews.tasks import build_review_pdf_task
from tests.factories import SecretariatFactory
from tests.reviews.factories import complete_review

pytestmark = pytest.mark.django_db

REDIS_DOWN = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    for task in (deliver_notification_task, build_review_pdf_task):
        monkeypatch.setattr(task, "delay", refuse)


@override_settings(CACHES=REDIS_DOWN)
def test_a_review_is_saved_and_submitted_while_redis_is_down(client, focal_point, broker_down,
                                                             django_capture_on_commit_callbacks):
    SecretariatFactory(email="desk@un.example")
    review = complete_review()
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(reverse("reviews:section", args=[review.pk, "policy"]),
                            {"version": review.version, "policy_environment": "Written during the outage."})
        submitted = client.post(reverse("reviews:submit", args=[review.pk]))
    assert saved.status_code == 302 and submitted.status_code == 302
    review.refresh_from_db()
    assert review.policy_environment == "Written during the outage."
    assert review.status == ReviewStatus.SUBMITTED
    waiting = Notification.objects.filter(status=NotificationStatus.PENDING).count()
    assert waiting >= 1
    # The broker is back: the periodic task sends what waited.
    assert deliver_pending_notifications() == waiting
    assert not Notification.objects.filter(status=NotificationStatus.PENDING).exists()
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.SUBMITTED
