"""The daily reminder sweeps work in bulk: the same number of SQL queries for a few due items as for three times
as many, and each due item handled exactly once (tests/reviews, practices, pledges and dialogues pin what each
reminder says and to whom)."""

import datetime
import threading
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import AuditEvent, Notification
from dialogues import services as dialogues
from gcm.models import Cycle, MemberState
from pledges import services as pledges
from pledges.models import Pledge, ProgressRequest
from practices import services as practices
from practices.enums import AssignmentStatus
from reviews import services as reviews
from reviews.models import ReminderSent
from tests.dialogues.factories import DialogueFactory, RegistrationFactory
from tests.factories import FocalPointFactory, MembershipFactory, OrganizationFactory
from tests.pledges.factories import PublishedPledgeFactory
from tests.practices.factories import AssignmentFactory

pytestmark = pytest.mark.django_db
SIZES = (2, 6)


def _queries(sweep):
    with CaptureQueriesContext(connection) as ctx:
        result = sweep()
    return result, len(ctx.captured_queries)


def _constant(add_due, sweep, handled):
    """Run `sweep` after adding each size of due items; every new item is handled, with the same query count."""
    ContentType.objects.get_for_models(*apps.get_models())  # the audit's type cache, warm as in a running worker
    counts = []
    for n in SIZES:
        add_due(n)
        result, queries = _queries(sweep)
        assert handled(result) == n
        counts.append(queries)
    assert counts[0] == counts[1], counts


def test_review_deadline_reminders_keep_their_query_count():
    states = iter(MemberState.objects.members().order_by("iso3"))
    today = Cycle.objects.active().review_deadline - timedelta(days=7)

    def add_due(n):
        for state in [next(states) for _ in range(n)]:
            FocalPointFactory.create_batch(2, member_state=state)

    _constant(add_due, lambda: reviews.send_deadline_reminders(today=today), lambda sent: sent)
    assert ReminderSent.objects.count() == sum(SIZES)
    assert Notification.objects.filter(template="reviews_reminder").count() == 2 * sum(SIZES)


def test_reviewer_reminders_and_expiry_keep_their_query_count(secretariat_user):
    today = timezone.localdate()

    def add_due(n):
        AssignmentFactory.create_batch(n, due_date=today - datetime.timedelta(days=1))
        AssignmentFactory.create_batch(n, status=AssignmentStatus.ACCEPTED, due_date=today + datetime.timedelta(days=1))
        AssignmentFactory.create_batch(n, status=AssignmentStatus.ACCEPTED, due_date=today - datetime.timedelta(days=2))

    results = []
    _constant(add_due, lambda: practices.send_reviewer_reminders(today=today),
              lambda counts: results.append(counts) or counts["expired"])
    assert [(r["before_due"], r["overdue"]) for r in results] == [(n, n) for n in SIZES]
    assert AuditEvent.objects.filter(action="expired").count() == sum(SIZES)
    assert Notification.objects.filter(recipient=secretariat_user).count() == sum(SIZES)


def test_pledge_progress_requests_keep_their_query_count():
    def add_due(n):
        for _ in range(n):
            organization = OrganizationFactory()
            MembershipFactory.create_batch(2, organization=organization)
            PublishedPledgeFactory(organization=organization, published_at=timezone.now() - timedelta(days=200))

    _constant(add_due, pledges.pledges_request_progress_updates, lambda asked: asked)
    assert ProgressRequest.objects.filter(period=1).count() == sum(SIZES)
    assert Notification.objects.filter(template="pledges_progress_request").count() == 2 * sum(SIZES)


def test_pledges_marked_inactive_keep_their_query_count():
    def add_due(n):
        organization = OrganizationFactory()
        MembershipFactory(organization=organization)
        PublishedPledgeFactory.create_batch(n, organization=organization,
                                            published_at=timezone.now() - timedelta(days=400),
                                            last_progress_at=timezone.now() - timedelta(days=370))

    _constant(add_due, pledges.pledges_mark_inactive, lambda flagged: flagged)
    assert Pledge.objects.filter(is_inactive=True).count() == sum(SIZES)
    assert Notification.objects.filter(template="pledges_inactive").count() == sum(SIZES)


def test_dialogue_reminders_keep_their_query_count():
    now = timezone.now()
    online = DialogueFactory(starts_at=now + timedelta(minutes=50), ends_at=now + timedelta(hours=2), is_online=True)

    _constant(lambda n: RegistrationFactory.create_batch(n, dialogue=online),
              lambda: dialogues.reminders_send(now=now), lambda queued: queued // 2)
    assert Notification.objects.filter(template="dialogues_reminder").count() == 2 * sum(SIZES)


def _at_once(sweep):
    """`sweep` in two threads (two database connections) started at the same moment; their results."""
    barrier, results = threading.Barrier(2), []

    def run():
        barrier.wait()
        try:
            results.append(sweep())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_reviewer_sweeps_run_twice_at_once_expire_and_remind_once(reference_data):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers with a database lock.")
    today = timezone.localdate()
    AssignmentFactory.create_batch(3, due_date=today - datetime.timedelta(days=1))
    AssignmentFactory.create_batch(2, status=AssignmentStatus.ACCEPTED, due_date=today + datetime.timedelta(days=1))
    results = _at_once(lambda: practices.send_reviewer_reminders(today=today))
    assert sorted((r["expired"], r["before_due"]) for r in results) == [(0, 0), (3, 2)]
    assert AuditEvent.objects.filter(action="expired").count() == 3
    assert Notification.objects.filter(template="practices_reminder_before_due").count() == 2


@pytest.mark.django_db(transaction=True)
def test_pledge_sweeps_run_twice_at_once_ask_and_flag_once(reference_data):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers with a database lock.")
    organization = OrganizationFactory()
    MembershipFactory(organization=organization)
    PublishedPledgeFactory.create_batch(2, organization=organization, published_at=timezone.now() - timedelta(days=400),
                                        last_progress_at=timezone.now() - timedelta(days=370))
    assert sorted(_at_once(pledges.pledges_request_progress_updates)) == [0, 2]
    assert sorted(_at_once(pledges.pledges_mark_inactive)) == [0, 2]
    assert ProgressRequest.objects.count() == 2
    assert Notification.objects.filter(template__in=["pledges_progress_request", "pledges_inactive"]).count() == 4
