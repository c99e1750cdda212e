"""Progress updates, their moderation, and the daily tasks (six-monthly requests, inactive pledges)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.workflow import InvalidTransition, NotAllowed
from pledges import services, tasks
from pledges.enums import PledgeStatus, UpdateStatus
from pledges.models import Pledge, ProgressRequest
from tests.factories import MembershipFactory
from tests.pledges.factories import PledgeFactory, ProgressUpdateFactory, PublishedPledgeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledger(organization):
    return MembershipFactory(organization=organization).user


def _ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


def test_progress_update_waits_for_moderation_then_sets_the_pledge_progress(
    pledger, organization, secretariat_user, client
):
    pledge = PublishedPledgeFactory(organization=organization, is_inactive=True)
    update = services.progress_update_submit(pledge_id=pledge.pk, by=pledger, progress="fulfilled",
                                             narrative="All three centres are open.", date=date(2026, 9, 1))
    assert Pledge.objects.get(pk=pledge.pk).progress_status == "planned"
    assert "All three centres" not in client.get(reverse("pledges:detail", args=[pledge.pk])).content.decode()
    services.progress_update_publish(update_id=update.pk, by=secretariat_user)
    pledge.refresh_from_db()
    assert (pledge.progress_status, pledge.is_inactive) == ("fulfilled", False)
    assert "All three centres" in client.get(reverse("pledges:detail", args=[pledge.pk])).content.decode()
    with pytest.raises(InvalidTransition):
        services.progress_update_reject(update_id=update.pk, by=secretariat_user, reason="late")


def test_progress_update_on_a_draft_or_by_an_outsider_is_refused(pledger, organization, user):
    with pytest.raises(NotAllowed):
        services.progress_update_submit(pledge_id=PledgeFactory(organization=organization).pk, by=pledger,
                                        progress="planned", narrative="x", date=date.today())
    with pytest.raises(NotAllowed):
        services.progress_update_submit(pledge_id=PublishedPledgeFactory(organization=organization).pk, by=user,
                                        progress="planned", narrative="x", date=date.today())


def test_rejected_update_tells_the_pledger_why(pledger, organization, secretariat_user,
                                              django_capture_on_commit_callbacks):
    update = ProgressUpdateFactory(pledge=PublishedPledgeFactory(organization=organization))
    with django_capture_on_commit_callbacks(execute=True):
        services.progress_update_reject(update_id=update.pk, by=secretariat_user, reason="No evidence given.")
    assert update.__class__.objects.get(pk=update.pk).status == UpdateStatus.REJECTED
    assert mail.outbox[-1].to == [pledger.email] and "No evidence given." in mail.outbox[-1].body


def test_progress_requests_every_six_months_and_only_once(pledger, organization,
                                                         django_capture_on_commit_callbacks):
    old = PublishedPledgeFactory(organization=organization, published_at=_ago(days=200))
    young = PublishedPledgeFactory(organization=organization, published_at=_ago(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.request_progress_updates_task.delay().get() == 1
        assert tasks.request_progress_updates_task.delay().get() == 0
    assert list(ProgressRequest.objects.values_list("pledge_id", "period")) == [(old.pk, 1)]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [pledger.email]
    # Six months later: the old pledge's second period, and the young pledge's first.
    assert services.pledges_request_progress_updates(now=timezone.now() + timedelta(days=190)) == 2
    assert sorted(ProgressRequest.objects.values_list("pledge_id", "period")) == sorted(
        [(old.pk, 1), (old.pk, 2), (young.pk, 1)])


def test_no_progress_request_when_the_pledger_reported_in_the_period(organization):
    pledge = PublishedPledgeFactory(organization=organization, published_at=_ago(days=200))
    ProgressUpdateFactory(pledge=pledge, created_at=_ago(days=5))
    assert services.pledges_request_progress_updates() == 0


def test_mark_inactive_after_a_year_without_progress(pledger, organization, django_capture_on_commit_callbacks):
    stale = PublishedPledgeFactory(organization=organization, published_at=_ago(days=400),
                                   last_progress_at=_ago(days=370))
    fresh = PublishedPledgeFactory(organization=organization, published_at=_ago(days=400),
                                   last_progress_at=_ago(days=100))
    withdrawn = PublishedPledgeFactory(organization=organization, status=PledgeStatus.WITHDRAWN,
                                       last_progress_at=_ago(days=500))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.mark_inactive_task.delay().get() == 1
        assert tasks.mark_inactive_task.delay().get() == 0
    flags = dict(Pledge.objects.values_list("pk", "is_inactive"))
    assert (flags[stale.pk], flags[fresh.pk], flags[withdrawn.pk]) == (True, False, False)
    assert len(mail.outbox) == 1
