"""Redis stops while 24 users submit reviews, practices and pledges; then it comes back.

The Celery app is really pointed at a dead port (127.0.0.1:1), so every enqueue after commit fails on a real
connection attempt; the cache is down too. Every submission must still be saved, its e-mails must wait in the
outbox, and once the app points at the live broker again the periodic sweep, run by a real worker through Redis,
delivers each of them exactly once.
"""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from core.models import Notification, NotificationStatus
from core.tasks import deliver_pending_notifications
from femi_portal.celery import app
from gcm.models import Objective
from pledges.enums import PledgeStatus
from pledges.models import Pledge
from practices.enums import PracticeStatus
from practices.models import Practice
from reviews.enums import ReviewStatus
from reviews.models import Review
from tests.factories import FocalPointFactory, MembershipFactory, OrganizationFactory, SecretariatFactory
from tests.pledges.factories import NARRATIVE
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review

pytestmark = pytest.mark.worker

DEAD_BROKER = "redis://127.0.0.1:1/0"
DEAD_CACHE = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}
STATES = ["COL", "MEX", "ECU", "CRI", "SLV", "HND", "PER", "CHL"]
ELIGIBILITY = {name: "on" for name in ("implemented", "relevant", "principles", "evidence", "consent")}


def _use_broker(url):
    """Point the app's publisher (what the web processes use) at `url`; None: back to the configured broker.

    `broker_write_url`, because Celery prefers the CELERY_BROKER_URL environment variable to `broker_url`. The
    app then looks its connection pool up again (kombu keeps one per URL).
    """
    app.conf.broker_write_url = url
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def broker_at(url):
    _use_broker(url)
    try:
        yield
    finally:
        _use_broker(None)


def _review_submission():
    review = complete_review(iso3=STATES.pop())
    focal_point = FocalPointFactory(member_state=review.member_state).user
    return focal_point, reverse("reviews:submit", args=[review.pk]), {}


def _practice_submission():
    practice = PracticeFactory()
    return practice.submitter, reverse("practices:submit", args=[practice.pk]), ELIGIBILITY


def _pledge_submission():
    organization = OrganizationFactory()
    member = MembershipFactory(organization=organization).user
    return member, reverse("pledges:create"), {
        "pledger": f"org:{organization.pk}", "title": f"Centres for migrants {organization.pk}",
        "narrative": NARRATIVE, "types": ["technical"], "scope": "national",
        # By primary key, looked up: after a transactional test reloaded the reference data, objective 4 is no
        # longer row 4 on PostgreSQL (its sequences are not reset).
        "objectives": [str(Objective.objects.get(number=4).pk)],
        "start_date": "2026-01-01", "target_date": "2027-01-01", "contact_name": "Ana",
        "contact_email": "ana@example.org", "submit": "1",
    }


def _submit(submission):
    """One user, on their own thread and database connection, submits through the web form."""
    user, url, data = submission
    try:
        client = Client()
        client.force_login(user)
        return client.post(url, data).status_code
    finally:
        connection.close()


def _wait_for(condition, seconds=60):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not condition():
        time.sleep(0.2)
    return condition()


def test_submissions_during_a_redis_outage_are_saved_and_mailed_once_after_recovery(postgres, broker,
                                                                                   reference_data, caplog):
    desk = SecretariatFactory(email="desk@un.example")
    submissions = [make() for make in (_review_submission, _practice_submission, _pledge_submission)
                   for _ in range(8)]
    users = len(submissions)
    assert users >= 20

    with broker_at(DEAD_BROKER), override_settings(CACHES=DEAD_CACHE):
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(_submit, submissions))
        assert statuses == [302] * users
        # N/N saved while Redis is down.
        assert Review.objects.filter(status=ReviewStatus.SUBMITTED).count() == 8
        assert Practice.objects.filter(status=PracticeStatus.SUBMITTED).count() == 8
        assert Pledge.objects.filter(status=PledgeStatus.SUBMITTED).count() == 8
        waiting = Notification.objects.filter(status=NotificationStatus.PENDING).count()
        assert waiting == Notification.objects.count() > 0
        assert mail.outbox == []
        # Each of them really tried the dead broker after its commit, and was refused.
        refused = [r for r in caplog.records if r.getMessage().startswith("Could not enqueue notification")]
        assert len(refused) == waiting
        assert all("Connection refused" in str(r.exc_info[1]) for r in refused)

    # Redis is back: a real worker runs the periodic sweep, sent twice through the live broker (beat ticks).
    assert app.conf.broker_write_url == broker
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10, loglevel="WARNING"):
        deliver_pending_notifications.delay()
        deliver_pending_notifications.delay()
        assert _wait_for(lambda: not Notification.objects.filter(status=NotificationStatus.PENDING).exists())
        assert _wait_for(lambda: len(mail.outbox) >= waiting)

    # N/N delivered, 0 duplicates: the desk has one e-mail per submission, each focal point one confirmation.
    per_recipient = Counter(address for message in mail.outbox for address in message.to)
    focal_points = {user.email for user, url, _ in submissions if "/reviews/" in url}
    assert per_recipient == Counter({desk.email: users, **{email: 1 for email in focal_points}})
    assert len(mail.outbox) == waiting == Notification.objects.filter(status=NotificationStatus.SENT).count()
    assert len({(m.to[0], m.subject) for m in mail.outbox}) == waiting
