"""Secretariat console pages for organizations, memberships, focal points and the reviewer roster."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.enums import FocalPointKind, MembershipRole, MembershipStatus, ReviewerKind
from accounts.models import FocalPoint, Membership, Organization, ReviewerProfile
from core.models import AuditEvent
from tests.factories import (
    FocalPointFactory,
    MembershipFactory,
    OrganizationFactory,
    ReviewerProfileFactory,
    UserFactory,
    member_state,
)

pytestmark = pytest.mark.django_db

CONSOLE_PAGES = ["secretariat:console", "secretariat:organizations", "secretariat:memberships",
                 "secretariat:focal_points", "secretariat:reviewers", "secretariat:reviewer_enroll"]


@pytest.mark.parametrize("name", CONSOLE_PAGES)
def test_console_pages_answer_404_to_other_users(client, name, org_member, focal_point):
    for person in (org_member, focal_point, UserFactory()):
        client.force_login(person)
        assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", CONSOLE_PAGES)
def test_console_pages_send_anonymous_visitors_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("name", ["secretariat:organization_verify", "secretariat:organization_decline",
                                  "secretariat:focal_point_remove", "secretariat:reviewer_deactivate"])
def test_console_actions_answer_404_to_other_users(client, name, org_member):
    client.force_login(org_member)
    assert client.post(reverse(name, args=[1])).status_code == 404


@pytest.mark.parametrize("name", CONSOLE_PAGES)
def test_console_pages_render_for_staff(staff_client, name):
    assert staff_client.get(reverse(name)).status_code == 200


def test_console_lists_account_queues_with_counts(staff_client, user):
    OrganizationFactory(verified=False, name="Waiting Org")
    MembershipFactory(status=MembershipStatus.PENDING)
    html = staff_client.get(reverse("secretariat:console")).content.decode()
    assert "Requests to join organizations" in html and "Organizations awaiting verification" in html
    assert f'{reverse("secretariat:organizations")}?status=unverified' in html


def test_verify_and_decline_organizations_from_the_console(staff_client, user, secretariat_user):
    waiting = OrganizationFactory(verified=False, proposed_by=user)
    dubious = OrganizationFactory(verified=False, proposed_by=user)
    page = staff_client.get(reverse("secretariat:organizations"), {"status": "unverified"}).content.decode()
    assert page.count("data-organization-id") == 2
    staff_client.post(reverse("secretariat:organization_verify", args=[waiting.pk]))
    staff_client.post(reverse("secretariat:organization_decline", args=[dubious.pk]), {"comment": "Duplicate"})
    assert Organization.objects.get(pk=waiting.pk).verified
    assert not Organization.objects.filter(pk=dubious.pk).exists()
    assert AuditEvent.objects.filter(action="declined", comment="Duplicate", actor=secretariat_user).exists()


def test_verify_twice_shows_a_message_not_an_error(staff_client):
    org = OrganizationFactory(verified=True)
    response = staff_client.post(reverse("secretariat:organization_verify", args=[org.pk]), follow=True)
    assert response.status_code == 200 and "already verified" in response.content.decode()


def test_membership_queue_approve_returns_to_the_queue(staff_client):
    pending = MembershipFactory(status=MembershipStatus.PENDING)
    queue = reverse("secretariat:memberships")
    assert f'data-membership-id="{pending.pk}"' in staff_client.get(queue).content.decode()
    response = staff_client.post(reverse("accounts:membership_approve", args=[pending.pk]),
                                 {"role": MembershipRole.ADMIN, "next": queue})
    assert response.url == queue
    pending.refresh_from_db()
    assert (pending.status, pending.role) == (MembershipStatus.APPROVED, MembershipRole.ADMIN)


def test_decision_ignores_a_next_url_on_another_site(staff_client):
    pending = MembershipFactory(status=MembershipStatus.PENDING)
    response = staff_client.post(reverse("accounts:membership_refuse", args=[pending.pk]),
                                 {"next": "https://evil.example/"})
    assert response.url == reverse("accounts:organization_manage", args=[pending.organization_id])
    assert Membership.objects.get(pk=pending.pk).status == MembershipStatus.REFUSED


def test_designate_focal_point_by_email(staff_client):
    person = UserFactory(email="diplomat@gov.example")
    response = staff_client.post(reverse("secretariat:focal_points"), {
        "email": "diplomat@gov.example", "member_state": member_state("KEN").pk,
        "kind": FocalPointKind.CO_EDITOR, "position": "Ministry of Interior",
    })
    assert response.status_code == 302
    fp = FocalPoint.objects.get(user=person)
    assert (fp.member_state.iso3, fp.kind, fp.position) == ("KEN", FocalPointKind.CO_EDITOR, "Ministry of Interior")


def test_designate_unknown_email_shows_the_error_on_the_field(staff_client):
    response = staff_client.post(reverse("secretariat:focal_points"), {
        "email": "nobody@gov.example", "member_state": member_state("KEN").pk, "kind": FocalPointKind.FOCAL_POINT,
    })
    html = response.content.decode()
    assert response.status_code == 200 and 'href="#id_email"' in html and "must sign up first" in html
    assert not FocalPoint.objects.exists()


def test_remove_focal_point(staff_client, focal_point):
    fp = FocalPoint.objects.get(user=focal_point)
    staff_client.post(reverse("secretariat:focal_point_remove", args=[fp.pk]))
    assert not FocalPoint.objects.exists()


def test_enroll_edit_and_deactivate_reviewer(staff_client, organization):
    person = UserFactory(email="expert@un.example")
    response = staff_client.post(reverse("secretariat:reviewer_enroll"), {
        "email": person.email, "kind": ReviewerKind.INTERNAL, "organization": organization.pk,
        "objectives": ["1", "23"], "regions": ["africa", "asia"], "languages": ["ar", "en"], "gender": "female",
        "max_active_reviews": 4,
    })
    assert response.status_code == 302
    profile = ReviewerProfile.objects.get(user=person)
    assert sorted(profile.objectives.values_list("number", flat=True)) == [1, 23]
    assert (profile.regions, profile.languages, profile.gender) == (["africa", "asia"], ["ar", "en"], "female")
    edit = staff_client.get(reverse("secretariat:reviewer_edit", args=[profile.pk])).content.decode()
    checked = set(re.findall(r'<input[^>]*name="regions"[^>]*value="(\w+)"[^>]*checked', edit))
    assert checked == {"africa", "asia"}
    staff_client.post(reverse("secretariat:reviewer_edit", args=[profile.pk]), {
        "kind": ReviewerKind.EXTERNAL, "objectives": ["5"], "regions": ["europe"], "languages": ["fr"],
        "max_active_reviews": 2,
    })
    profile.refresh_from_db()
    assert (profile.kind, profile.regions, profile.max_active_reviews) == (ReviewerKind.EXTERNAL, ["europe"], 2)
    staff_client.post(reverse("secretariat:reviewer_deactivate", args=[profile.pk]))
    assert not ReviewerProfile.objects.get(pk=profile.pk).is_active
    staff_client.post(reverse("secretariat:reviewer_reactivate", args=[profile.pk]))
    assert ReviewerProfile.objects.get(pk=profile.pk).is_active


def test_internal_reviewer_needs_an_organization(staff_client):
    person = UserFactory()
    response = staff_client.post(reverse("secretariat:reviewer_enroll"), {
        "email": person.email, "kind": ReviewerKind.INTERNAL, "max_active_reviews": 5,
    })
    assert response.status_code == 200 and 'href="#id_organization"' in response.content.decode()
    assert not ReviewerProfile.objects.exists()


def test_reviewer_list_filters_by_region_language_and_objective(staff_client):
    africa = ReviewerProfileFactory(regions=["africa"], languages=["fr"], objectives=[8])
    ReviewerProfileFactory(regions=["americas"], languages=["es"], objectives=[2])
    url = reverse("secretariat:reviewers")
    for params in ({"region": "africa"}, {"language": "fr"}, {"objective": 8}):
        html = staff_client.get(url, params).content.decode()
        assert html.count("data-reviewer-id") == 1 and f'data-reviewer-id="{africa.pk}"' in html


# --- Constant query counts ----------------------------------------------------------------------------------------

def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name,make", [
    ("secretariat:organizations", lambda: OrganizationFactory(verified=False)),
    ("secretariat:memberships", lambda: MembershipFactory(status=MembershipStatus.PENDING)),
    ("secretariat:focal_points", lambda: FocalPointFactory(member_state=member_state("SEN"))),
    ("secretariat:reviewers", lambda: ReviewerProfileFactory(objectives=[1, 2])),
])
def test_console_list_queries_do_not_grow(staff_client, name, make):
    url = reverse(name)
    make()
    one = _count_queries(staff_client, url)
    for _ in range(4):
        make()
    five = _count_queries(staff_client, url)
    assert one == five
