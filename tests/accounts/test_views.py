"""User-side pages: my organizations, join requests, proposals, and organization administration."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.enums import MembershipRole, MembershipStatus
from accounts.models import Membership, Organization
from gcm.enums import StakeholderCategory
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_admin(organization):
    return MembershipFactory(organization=organization, role=MembershipRole.ADMIN).user


def test_my_organizations_requires_sign_in(client):
    response = client.get(reverse("accounts:organizations"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_join_request_flow(client, user, organization, org_admin):
    client.force_login(user)
    page = client.get(reverse("accounts:organizations"), {"q": organization.acronym}).content.decode()
    assert reverse("accounts:organization_join", args=[organization.pk]) in page
    response = client.post(reverse("accounts:organization_join", args=[organization.pk]), {"message": "I work there"})
    assert response.status_code == 302
    membership = Membership.objects.get(user=user, organization=organization)
    assert (membership.status, membership.message) == (MembershipStatus.PENDING, "I work there")
    page = client.get(reverse("accounts:organizations")).content.decode()
    assert f'data-membership-id="{membership.pk}"' in page and "pending approval" in page


def test_search_hides_unverified_and_filters_by_category(client, user):
    OrganizationFactory(name="Hidden Proposal", verified=False)
    OrganizationFactory(name="Campus Lab", category=StakeholderCategory.ACADEMIA)
    OrganizationFactory(name="Campus Union", category=StakeholderCategory.TRADE_UNIONS)
    client.force_login(user)
    html = client.get(reverse("accounts:organizations"), {"q": "campus", "category": "academia"}).content.decode()
    assert "Campus Lab" in html and "Campus Union" not in html and "Hidden Proposal" not in html


def test_joining_an_unverified_or_missing_organization_is_404(client, user):
    org = OrganizationFactory(verified=False)
    client.force_login(user)
    assert client.get(reverse("accounts:organization_join", args=[org.pk])).status_code == 404
    assert client.post(reverse("accounts:organization_join", args=[org.pk])).status_code == 404
    assert client.get(reverse("accounts:organization_join", args=[99999])).status_code == 404
    assert not Membership.objects.exists()


def test_propose_organization(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:organization_propose"), {
        "name": "Mesa Migrante", "acronym": "MM", "category": StakeholderCategory.MIGRANTS, "website": "mesa.example",
        "message": "I chair it",
    })
    assert response.status_code == 302
    org = Organization.objects.get(name="Mesa Migrante")
    assert not org.verified and org.website == "https://mesa.example"
    assert Membership.objects.get(organization=org).role == MembershipRole.ADMIN


def test_propose_organization_with_errors_shows_a_linked_summary_in_spanish(client, user, organization):
    client.force_login(user)
    response = client.post("/es/me/organizations/propose/", {"name": organization.name, "category": "nonsense"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Corrija lo siguiente" in html and 'href="#id_category"' in html


def test_manage_page_is_for_admins_and_secretariat_only(client, organization, org_admin, org_member,
                                                        secretariat_user):
    url = reverse("accounts:organization_manage", args=[organization.pk])
    for person, status in ((org_admin, 200), (secretariat_user, 200), (org_member, 404), (UserFactory(), 404)):
        client.force_login(person)
        assert client.get(url).status_code == status, person


def test_admin_of_unverified_org_cannot_manage_it_yet(client, user):
    org = OrganizationFactory(verified=False)
    MembershipFactory(organization=org, user=user, role=MembershipRole.ADMIN)
    client.force_login(user)
    assert client.get(reverse("accounts:organization_manage", args=[org.pk])).status_code == 404


def test_admin_approves_and_refuses_requests(client, organization, org_admin):
    applicant = MembershipFactory(organization=organization, status=MembershipStatus.PENDING)
    other = MembershipFactory(organization=organization, status=MembershipStatus.PENDING)
    client.force_login(org_admin)
    page = client.get(reverse("accounts:organization_manage", args=[organization.pk])).content.decode()
    assert reverse("accounts:membership_approve", args=[applicant.pk]) in page
    own = Membership.objects.get(user=org_admin)
    assert reverse("accounts:membership_remove", args=[own.pk]) not in page  # nobody decides on themselves
    client.post(reverse("accounts:membership_approve", args=[applicant.pk]), {"role": "member"})
    client.post(reverse("accounts:membership_refuse", args=[other.pk]), {"comment": "Not staff"})
    assert Membership.objects.get(pk=applicant.pk).status == MembershipStatus.APPROVED
    assert Membership.objects.get(pk=other.pk).status == MembershipStatus.REFUSED


def test_member_or_admin_of_another_org_cannot_decide(client, organization, org_member):
    applicant = MembershipFactory(organization=organization, status=MembershipStatus.PENDING)
    stranger_admin = MembershipFactory(role=MembershipRole.ADMIN).user
    for person in (org_member, stranger_admin):
        client.force_login(person)
        assert client.post(reverse("accounts:membership_approve", args=[applicant.pk])).status_code == 404
    assert Membership.objects.get(pk=applicant.pk).status == MembershipStatus.PENDING


def test_removing_the_last_admin_shows_a_message(client, organization, org_admin, secretariat_user):
    membership = Membership.objects.get(user=org_admin)
    client.force_login(secretariat_user)
    response = client.post(reverse("accounts:membership_remove", args=[membership.pk]), follow=True)
    assert "last administrator" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_admin_edits_organization_details(client, organization, org_admin):
    client.force_login(org_admin)
    client.post(reverse("accounts:organization_manage", args=[organization.pk]), {
        "name": "Renamed Org", "acronym": "RO", "category": organization.category, "website": "",
    })
    assert Organization.objects.get(pk=organization.pk).name == "Renamed Org"


def test_profile_links_to_my_organizations(client, org_member):
    client.force_login(org_member)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("accounts:organizations") in html


def test_home_page_counts_verified_organizations(client):
    OrganizationFactory.create_batch(3)
    OrganizationFactory(verified=False)
    html = client.get("/en/").content.decode()
    assert 'data-stat="stakeholders">3<' in html


def _my_organizations(client):
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(reverse("accounts:organizations")).content.decode()
    return html, len(ctx.captured_queries)


def test_my_organizations_queries_do_not_grow(client, user):
    def add_rows(n):
        for _ in range(n):
            MembershipFactory(user=user, status=MembershipStatus.APPROVED)
        OrganizationFactory.create_batch(n)

    client.force_login(user)
    add_rows(1)
    html, one = _my_organizations(client)
    assert html.count("data-membership-id") == 1 and html.count("data-organization-id") == 2
    add_rows(4)
    html, five = _my_organizations(client)
    assert html.count("data-membership-id") == 5 and html.count("data-organization-id") == 10
    assert one == five
