import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core import notifications
from core.models import Notification, NotificationStatus
from core.tasks import deliver_pending_notifications
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_notify_is_delivered_after_commit_in_the_recipient_language(django_capture_on_commit_callbacks):
    user = UserFactory(preferred_language="fr", full_name="Awa Ndiaye")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notifications.notify(user, "core_test", context={"note": "ok"})
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "Awa Ndiaye" in mail.outbox[0].body
    assert notification.language == "fr"


def test_nothing_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                notifications.notify(user, "core_test", context={"note": "rolled back"})
                raise RuntimeError("the change failed")
        except RuntimeError:
            pass
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_same_dedupe_key_is_queued_once():
    user = UserFactory()
    first = notifications.notify(user, "core_test", context={"note": "a"}, dedupe_key="reminder:1")
    second = notifications.notify(user, "core_test", context={"note": "b"}, dedupe_key="reminder:1")
    assert first is not None and second is None
    assert Notification.objects.filter(dedupe_key="reminder:1").count() == 1


def test_delivering_twice_sends_once():
    notification = notifications.notify(UserFactory(), "core_test", context={"note": "x"})
    assert notifications.deliver(notification.pk) is True
    assert notifications.deliver(notification.pk) is False
    assert deliver_pending_notifications() == 0
    assert len(mail.outbox) == 1


def test_a_broker_outage_leaves_the_row_pending_for_the_periodic_task(monkeypatch, django_capture_on_commit_callbacks):
    from core.tasks import deliver_notification_task

    def broker_down(*args, **kwargs):
        raise OSError("Connection refused")

    monkeypatch.setattr(deliver_notification_task, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        notification = notifications.notify(UserFactory(), "core_test", context={"note": "later"})
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING
    assert mail.outbox == []
    assert deliver_pending_notifications() == 1
    assert len(mail.outbox) == 1


def test_a_failed_send_is_retried_later_with_backoff(monkeypatch, settings):
    settings.EMAIL_BACKEND = "tests.core.test_notifications.BrokenBackend"
    notification = notifications.notify(UserFactory(), "core_test", context={"note": "x"})
    assert notifications.deliver(notification.pk) is False
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING
    assert notification.attempts == 1
    assert notification.next_attempt_at > timezone.now()
    assert "SMTP down" in notification.last_error
    assert deliver_pending_notifications() == 0  # not due yet


def test_after_the_last_attempt_the_notification_is_marked_failed(settings):
    settings.EMAIL_BACKEND = "tests.core.test_notifications.BrokenBackend"
    settings.NOTIFICATION_MAX_ATTEMPTS = 1
    notification = notifications.notify(UserFactory(), "core_test", context={"note": "x"})
    notifications.deliver(notification.pk)
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.FAILED


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP down")
