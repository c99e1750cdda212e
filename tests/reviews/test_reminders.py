"""Deadline reminders: 30, 14, 7 and 1 days before, then overdue; each once per State and kind."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection

from core.models import Notification
from gcm.models import Cycle
from reviews import services
from reviews.enums import ReminderKind, ReviewStatus
from reviews.models import ReminderSent
from reviews.tasks import send_deadline_reminders_task
from tests.factories import FocalPointFactory, member_state

from .factories import ReviewFactory, complete_review

pytestmark = pytest.mark.django_db


def _deadline():
    return Cycle.objects.active().review_deadline


@pytest.mark.parametrize("days_left,kind", [
    (45, None), (31, None), (30, "d30"), (20, "d30"), (14, "d14"), (8, "d14"), (7, "d7"), (2, "d7"), (1, "d1"),
    (0, "d1"), (-1, "overdue"), (-60, "overdue"),
])
def test_reminder_kind_by_days_left(days_left, kind):
    assert services.reminder_kind(days_left) == kind


def test_reminders_run_twice_send_each_reminder_once(focal_point, django_capture_on_commit_callbacks):
    today = _deadline() - timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_deadline_reminders(today=today) == 1
        assert services.send_deadline_reminders(today=today) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [focal_point.email]
    assert "7 days left" in mail.outbox[0].subject
    assert ReminderSent.objects.get().kind == ReminderKind.DAYS_7


def test_reminders_send_every_kind_once_over_the_whole_period(focal_point, django_capture_on_commit_callbacks):
    deadline = _deadline()
    with django_capture_on_commit_callbacks(execute=True):
        for days_before in range(40, -5, -1):
            services.send_deadline_reminders(today=deadline - timedelta(days=days_before))
    kinds = sorted(ReminderSent.objects.filter(member_state=member_state("COL")).values_list("kind", flat=True))
    assert kinds == sorted(["d30", "d14", "d7", "d1", "overdue"])
    subjects = [m.subject for m in mail.outbox if "Colombia" in m.subject]
    assert len(subjects) == 5 and subjects[-1] == "Voluntary review of Colombia overdue"


def test_beat_schedule_task_name_runs_the_service(settings, focal_point):
    from femi_portal.celery import app

    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert send_deadline_reminders_task.name == "reviews.send_deadline_reminders" in names
    assert "reviews.send_deadline_reminders" in app.tasks
    assert send_deadline_reminders_task.delay().get() == 0  # today is years before the active cycle's deadline


def test_reminders_skip_states_that_submitted_and_states_without_focal_points(focal_point):
    complete_review(status=ReviewStatus.SUBMITTED)
    FocalPointFactory(member_state=member_state("MEX"))
    ReviewFactory(member_state=member_state("MEX"), status=ReviewStatus.RETURNED)
    services.send_deadline_reminders(today=_deadline() - timedelta(days=1))
    assert list(ReminderSent.objects.values_list("member_state__iso3", flat=True)) == ["MEX"]


def test_reminders_follow_the_extended_deadline(focal_point):
    ReviewFactory(deadline_extended_to=_deadline() + timedelta(days=60))
    assert services.send_deadline_reminders(today=_deadline() + timedelta(days=1)) == 0
    assert services.send_deadline_reminders(today=_deadline() + timedelta(days=59)) == 1
    assert ReminderSent.objects.get().kind == ReminderKind.DAYS_1


def test_reminder_already_recorded_by_a_concurrent_run_is_not_sent_again(focal_point):
    """A second worker that passed the same checks hits the unique constraint and sends nothing."""
    today = _deadline() - timedelta(days=14)
    ReminderSent.objects.create(cycle=Cycle.objects.active(), member_state=member_state("COL"), kind="d14",
                                deadline=_deadline())
    assert services.send_deadline_reminders(today=today) == 0
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_reminders_two_workers_at_once_send_once(reference_data):
    """Two threads (two database connections) run the task at the same moment."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers with a database lock; the constraint is exercised above.")
    FocalPointFactory()
    today = Cycle.objects.active().review_deadline - timedelta(days=30)
    barrier, results = threading.Barrier(2), []

    def run():
        barrier.wait()
        try:
            results.append(services.send_deadline_reminders(today=today))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1]
    assert ReminderSent.objects.count() == 1
    assert Notification.objects.filter(template="reviews_reminder").count() == 1
