"""The secretariat console's queues (counts, ages), figures, daily digest, and access for every role."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.enums import MembershipStatus
from core.models import Notification
from dialogues.enums import ContributionStatus
from pledges.enums import PledgeStatus
from practices.enums import AssignmentStatus, PracticeStatus, Recommendation
from reviews.enums import ExtensionStatus, ReviewStatus
from reviews.models import DeadlineExtension
from secretariat.digest import digest_send
from secretariat.models import DigestSent
from secretariat.selectors import console_queues, cycle_figures
from tests.dialogues.factories import ContributionFactory, RegistrationFactory, ReportFactory
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    SecretariatFactory,
    UserFactory,
    active_cycle,
    member_state,
)
from tests.pledges.factories import PledgeFactory, ProgressUpdateFactory
from tests.practices.factories import AssignmentFactory, PracticeFactory, completed_review, reviewer
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def days_ago(n):
    return NOW - datetime.timedelta(days=n)


@pytest.fixture
def fixtures():
    """Known items in every queue, with known ages."""
    ReviewFactory(member_state=member_state("COL"), status=ReviewStatus.SUBMITTED, submitted_at=days_ago(9))
    ReviewFactory(member_state=member_state("MEX"), status=ReviewStatus.SUBMITTED, submitted_at=days_ago(2))
    published = ReviewFactory(member_state=member_state("KEN"), status=ReviewStatus.PUBLISHED,
                              submitted_at=days_ago(40), published_at=days_ago(30))
    DeadlineExtension.objects.create(review=published, requested_until=datetime.date(2030, 3, 31), reason="x",
                                     status=ExtensionStatus.PENDING, created_at=days_ago(4))
    PracticeFactory(status=PracticeStatus.SUBMITTED, submitted_at=days_ago(6))
    split = PracticeFactory(status=PracticeStatus.IN_REVIEW, submitted_at=days_ago(12))
    # a spread of 4 on one criterion and publish against reject: the reviewers disagree
    completed_review(AssignmentFactory(practice=split), score_innovative=1, recommendation=Recommendation.REJECT)
    completed_review(AssignmentFactory(practice=split), score_innovative=5)
    agreed = PracticeFactory(status=PracticeStatus.IN_REVIEW, submitted_at=days_ago(3))
    completed_review(AssignmentFactory(practice=agreed))
    AssignmentFactory(status=AssignmentStatus.ACCEPTED, due_date=timezone.localdate() - datetime.timedelta(days=5))
    PledgeFactory(status=PledgeStatus.SUBMITTED, submitted_at=days_ago(7))
    PledgeFactory(status=PledgeStatus.SUBMITTED, submitted_at=days_ago(1))
    ProgressUpdateFactory(created_at=days_ago(8))
    ContributionFactory(created_at=days_ago(11))
    ReportFactory(created_at=days_ago(5))
    MembershipFactory(status=MembershipStatus.PENDING, created_at=days_ago(10))
    OrganizationFactory(verified=False, created_at=days_ago(13))


def by_key(queues):
    return {q["key"]: q for q in queues}


def test_console_queue_counts_and_ages_match_the_fixtures(fixtures, secretariat_user):
    queues = by_key(console_queues(secretariat_user, now=NOW))
    expected = {
        "reviews_submitted": (2, 9), "extensions": (1, 4), "practices_to_assign": (1, 6),
        "practices_to_decide": (2, 12), "invitations_overdue": (1, 5), "pledges": (2, 7),
        "progress_updates": (1, 8), "contributions": (1, 11), "reports": (1, 5), "memberships": (1, 10),
        "organizations": (1, 13), "reviews_accepted": (0, None),
    }
    got = {key: (queues[key]["count"], queues[key]["age_days"]) for key in expected}
    assert got == expected
    assert queues["practices_to_decide"]["flagged"] == 1  # only the split practice


def test_console_page_shows_queues_with_age_and_links(fixtures, staff_client):
    html = staff_client.get(reverse("secretariat:console")).content.decode()
    assert 'data-queue="reviews_submitted"' in html and "9 days" in html
    assert 'data-flagged="1"' in html
    assert reverse("secretariat:bulk", args=["pledges"]) in html
    assert reverse("pledges:moderate") in html and reverse("dialogues:reports") in html


def test_cycle_figures_count_submitted_and_published_out_of_193(fixtures):
    RegistrationFactory()
    figures = cycle_figures(active_cycle())
    assert figures["regions"]["total"] == {"states": 193, "submitted": 3, "published": 1}
    americas = next(r for r in figures["regions"]["rows"] if r["region"] == "americas")
    assert (americas["submitted"], americas["published"]) == (2, 0)
    assert dict(figures["pledges"])["Submitted"] == 2
    assert dict((str(k), v) for k, v in figures["practices"])["in review"] == 3  # two decided on, one overdue
    assert figures["registrations"] == 1


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_console_query_count_does_not_grow(staff_client):
    url = reverse("secretariat:console")
    PledgeFactory(status=PledgeStatus.SUBMITTED, submitted_at=NOW)
    ContributionFactory()
    one = _queries(staff_client, url)
    PledgeFactory.create_batch(4, status=PledgeStatus.SUBMITTED, submitted_at=NOW)
    ContributionFactory.create_batch(4)
    ReviewFactory.create_batch(1, status=ReviewStatus.SUBMITTED, submitted_at=NOW)
    assert _queries(staff_client, url) == one


# --- Daily digest -------------------------------------------------------------------------------------------------

def test_digest_goes_once_a_day_to_every_staff_member_in_their_language(secretariat_user):
    french = SecretariatFactory(preferred_language="fr")
    ContributionFactory(created_at=days_ago(3))
    assert digest_send(now=NOW) == 2
    assert digest_send(now=NOW) == 0
    rows = Notification.objects.filter(template="secretariat_daily_digest")
    assert sorted(rows.values_list("to_email", flat=True)) == sorted([secretariat_user.email, french.email])
    french_row = rows.get(recipient=french)
    assert french_row.language == "fr"
    assert any("contributions" in q["label"].lower() for q in french_row.context["queues"])
    assert DigestSent.objects.get().day == timezone.localdate(NOW)


def test_digest_sends_nothing_when_nothing_waits(secretariat_user):
    assert digest_send(now=NOW) == 0
    assert not Notification.objects.filter(template="secretariat_daily_digest").exists()
    assert not DigestSent.objects.exists()


def test_digest_mail_lists_the_queues(secretariat_user, mailoutbox, django_capture_on_commit_callbacks):
    ContributionFactory(created_at=days_ago(3), status=ContributionStatus.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        digest_send(now=NOW)
    assert len(mailoutbox) == 1
    assert "Dialogue contributions awaiting moderation: 1 (oldest waits for 3 days)" in mailoutbox[0].body


# --- Access for every non-secretariat role ------------------------------------------------------------------------

def console_urls():
    return [reverse("secretariat:console"), reverse("secretariat:audit"), reverse("secretariat:audit_export"),
            reverse("secretariat:object_history", args=[1, "1"]), reverse("secretariat:organizations"),
            reverse("secretariat:memberships"), reverse("secretariat:focal_points"),
            reverse("secretariat:reviewers"), reverse("secretariat:reviewer_enroll"),
            reverse("secretariat:summaries"), reverse("secretariat:summary_download", args=[1]),
            reverse("secretariat:bulk", args=["pledges"]), reverse("secretariat:bulk", args=["updates"]),
            reverse("secretariat:bulk", args=["contributions"]), reverse("secretariat:bulk_mail")]


def test_every_console_url_is_404_or_sign_in_for_every_other_role(client, org_member, focal_point):
    people = [org_member, focal_point, UserFactory(), reviewer(), UserFactory(is_staff=True)]
    for url in console_urls():
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url
        assert client.post(url).status_code == 302, url
        for person in people:
            client.force_login(person)
            assert client.get(url).status_code == 404, (url, person)
            assert client.post(url).status_code == 404, (url, person)
