"""Organizations, memberships, focal points and the reviewer roster: each write is audited and notified."""

import pytest
from django.core import mail

from accounts import services
from accounts.enums import FocalPointKind, Gender, MembershipRole, MembershipStatus, ReviewerKind
from accounts.models import FocalPoint, Membership, Organization, ReviewerProfile
from core.audit import events_for
from core.models import AuditEvent, Notification
from core.workflow import DomainError, InvalidTransition, NotAllowed
from gcm.enums import StakeholderCategory
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    ReviewerProfileFactory,
    UserFactory,
    member_state,
    objective,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_admin(organization):
    return MembershipFactory(organization=organization, role=MembershipRole.ADMIN).user


def notified(template):
    return list(Notification.objects.filter(template=template).values_list("to_email", flat=True))


# --- Organizations ------------------------------------------------------------------------------------------------

def test_organization_propose_creates_unverified_org_with_pending_admin_and_tells_secretariat(user, secretariat_user):
    org = services.organization_propose(by=user, name="Red de Migrantes", category=StakeholderCategory.MIGRANTS,
                                        country=member_state("ECU"), message="I coordinate it.")
    assert org.verified is False and org.proposed_by == user
    membership = Membership.objects.get(user=user, organization=org)
    assert (membership.role, membership.status) == (MembershipRole.ADMIN, MembershipStatus.PENDING)
    assert events_for(org).get().action == "proposed"
    assert notified("accounts_organization_proposed") == [secretariat_user.email]


def test_organization_propose_with_existing_name_is_refused(user, organization):
    with pytest.raises(DomainError):
        services.organization_propose(by=user, name=organization.name.upper(), category=StakeholderCategory.OTHER)
    assert Organization.objects.count() == 1


def test_organization_verify_approves_the_proposer_and_sends_the_mail_in_their_language(
    user, secretariat_user, django_capture_on_commit_callbacks
):
    user.preferred_language = "es"
    user.save()
    org = services.organization_propose(by=user, name="Red Andina", category=StakeholderCategory.CIVIL_SOCIETY)
    with django_capture_on_commit_callbacks(execute=True):
        services.organization_verify(organization_id=org.pk, by=secretariat_user)
    org.refresh_from_db()
    assert org.verified
    assert Membership.objects.get(user=user, organization=org).status == MembershipStatus.APPROVED
    event = events_for(org).first()
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        "verified", "unverified", "verified", secretariat_user)
    sent = [m for m in mail.outbox if m.to == [user.email]]
    assert len(sent) == 1 and "Red Andina" in sent[0].subject
    assert "administrador" in sent[0].body  # Spanish body


def test_organization_verify_by_non_secretariat_is_refused(user, org_admin):
    org = services.organization_propose(by=user, name="Newcomers", category=StakeholderCategory.OTHER)
    with pytest.raises(NotAllowed):
        services.organization_verify(organization_id=org.pk, by=org_admin)
    assert not Organization.objects.get(pk=org.pk).verified


def test_organization_reject_deletes_the_proposal_and_keeps_the_audit_row(user, secretariat_user):
    org = services.organization_propose(by=user, name="Dubious Org", category=StakeholderCategory.OTHER)
    services.organization_reject(organization_id=org.pk, by=secretariat_user, comment="Not a real organization.")
    assert not Organization.objects.filter(pk=org.pk).exists()
    assert AuditEvent.objects.filter(object_id=str(org.pk), action="declined",
                                     comment="Not a real organization.").exists()
    note = Notification.objects.get(template="accounts_organization_declined")
    assert note.recipient == user and note.context["comment"] == "Not a real organization."


def test_organization_reject_of_verified_org_is_refused(secretariat_user, organization):
    with pytest.raises(DomainError):
        services.organization_reject(organization_id=organization.pk, by=secretariat_user)


# --- Memberships --------------------------------------------------------------------------------------------------

def test_membership_request_notifies_the_admins(user, organization, org_admin):
    membership = services.membership_request(user=user, organization_id=organization.pk, message="Hi")
    assert membership.status == MembershipStatus.PENDING and membership.role == MembershipRole.MEMBER
    assert notified("accounts_membership_requested") == [org_admin.email]
    assert events_for(membership).get().action == "requested"


def test_membership_request_without_admins_notifies_the_secretariat(user, organization, secretariat_user):
    services.membership_request(user=user, organization_id=organization.pk)
    assert notified("accounts_membership_requested") == [secretariat_user.email]


def test_membership_request_to_unverified_org_is_refused(user):
    org = OrganizationFactory(verified=False)
    with pytest.raises(NotAllowed):
        services.membership_request(user=user, organization_id=org.pk)


def test_membership_request_twice_is_refused(user, organization):
    services.membership_request(user=user, organization_id=organization.pk)
    with pytest.raises(DomainError):
        services.membership_request(user=user, organization_id=organization.pk)


def test_membership_approve_by_org_admin_sets_role_and_notifies(user, organization, org_admin):
    membership = services.membership_request(user=user, organization_id=organization.pk)
    services.membership_approve(membership_id=membership.pk, by=org_admin, role=MembershipRole.ADMIN)
    membership.refresh_from_db()
    assert (membership.status, membership.role, membership.decided_by) == (
        MembershipStatus.APPROVED, MembershipRole.ADMIN, org_admin)
    assert notified("accounts_membership_approved") == [user.email]
    assert events_for(membership).first().to_status == MembershipStatus.APPROVED


def test_membership_approve_by_plain_member_or_outsider_is_refused(user, organization, org_member):
    membership = services.membership_request(user=user, organization_id=organization.pk)
    other_admin = MembershipFactory(role=MembershipRole.ADMIN).user  # admin of another organization
    for actor in (org_member, other_admin, user):
        with pytest.raises(NotAllowed):
            services.membership_approve(membership_id=membership.pk, by=actor)
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.PENDING


def test_membership_refuse_then_request_again(user, organization, secretariat_user):
    membership = services.membership_request(user=user, organization_id=organization.pk)
    services.membership_refuse(membership_id=membership.pk, by=secretariat_user, comment="Unknown to us")
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.REFUSED
    assert Notification.objects.get(template="accounts_membership_refused").context["comment"] == "Unknown to us"
    again = services.membership_request(user=user, organization_id=organization.pk, message="Second try")
    assert again.pk == membership.pk and again.status == MembershipStatus.PENDING
    assert events_for(again).first().from_status == MembershipStatus.REFUSED


def test_membership_approve_of_refused_request_is_an_invalid_transition(user, organization, secretariat_user):
    membership = services.membership_request(user=user, organization_id=organization.pk)
    services.membership_refuse(membership_id=membership.pk, by=secretariat_user)
    with pytest.raises(InvalidTransition):
        services.membership_approve(membership_id=membership.pk, by=secretariat_user)


def test_membership_remove_of_last_admin_is_refused(organization, org_admin, secretariat_user):
    membership = Membership.objects.get(user=org_admin)
    with pytest.raises(DomainError):
        services.membership_remove(membership_id=membership.pk, by=secretariat_user)
    member = MembershipFactory(organization=organization)
    services.membership_remove(membership_id=member.pk, by=org_admin, comment="Left the organization")
    assert not Membership.objects.filter(pk=member.pk).exists()
    assert AuditEvent.objects.filter(action="removed", object_id=str(member.pk)).exists()
    assert notified("accounts_membership_removed") == [member.user.email]


# --- Focal points -------------------------------------------------------------------------------------------------

def test_focal_point_designate_by_email_notifies_the_person(secretariat_user, django_capture_on_commit_callbacks):
    person = UserFactory(email="Minister@Gov.example", preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        fp = services.focal_point_designate(by=secretariat_user, email="minister@gov.example ",
                                            member_state=member_state("SEN"), position="Ministère")
    assert (fp.user, fp.kind, fp.designated_by) == (person, FocalPointKind.FOCAL_POINT, secretariat_user)
    assert events_for(fp).get().action == "designated"
    assert len(mail.outbox) == 1 and "Sénégal" in mail.outbox[0].subject


def test_focal_point_designate_unknown_email_or_twice_is_refused(secretariat_user, focal_point):
    with pytest.raises(DomainError):
        services.focal_point_designate(by=secretariat_user, email="nobody@example.org",
                                       member_state=member_state("COL"))
    with pytest.raises(DomainError):
        services.focal_point_designate(by=secretariat_user, email=focal_point.email, member_state=member_state("COL"))
    assert FocalPoint.objects.count() == 1


def test_focal_point_designate_by_non_secretariat_is_refused(focal_point, user):
    with pytest.raises(NotAllowed):
        services.focal_point_designate(by=focal_point, email=user.email, member_state=member_state("COL"))


def test_focal_point_remove_audits_and_notifies(secretariat_user, focal_point):
    fp = FocalPoint.objects.get(user=focal_point)
    services.focal_point_remove(focal_point_id=fp.pk, by=secretariat_user, comment="New government")
    assert not FocalPoint.objects.exists()
    assert AuditEvent.objects.get(action="removed", object_id=str(fp.pk)).comment == "New government"
    assert notified("accounts_focal_point_removed") == [focal_point.email]


# --- Reviewer roster ----------------------------------------------------------------------------------------------

def test_reviewer_enroll_stores_expertise_and_notifies(secretariat_user, user, organization):
    profile = services.reviewer_enroll(
        by=secretariat_user, email=user.email, kind=ReviewerKind.INTERNAL, organization=organization,
        country=member_state("KEN"), objectives=[objective(5), objective(6)], regions=["africa"],
        languages=["en", "fr"], gender=Gender.FEMALE, max_active_reviews=3,
    )
    assert profile.enrolled_by == secretariat_user and profile.is_active
    assert sorted(profile.objectives.values_list("number", flat=True)) == [5, 6]
    assert profile.language_labels() == ["English", "French"]
    assert notified("accounts_reviewer_enrolled") == [user.email]
    assert events_for(profile).get().action == "enrolled"


def test_reviewer_enroll_twice_is_refused(secretariat_user):
    profile = ReviewerProfileFactory()
    with pytest.raises(DomainError):
        services.reviewer_enroll(by=secretariat_user, email=profile.user.email, kind=ReviewerKind.EXTERNAL)
    assert ReviewerProfile.objects.count() == 1


def test_reviewer_update_and_deactivate(secretariat_user):
    profile = ReviewerProfileFactory(objectives=[1])
    services.reviewer_update(profile_id=profile.pk, by=secretariat_user, objectives=[objective(2)],
                             regions=["asia"], max_active_reviews=2)
    profile.refresh_from_db()
    assert (profile.regions, profile.max_active_reviews) == (["asia"], 2)
    assert list(profile.objectives.values_list("number", flat=True)) == [2]
    services.reviewer_set_active(profile_id=profile.pk, by=secretariat_user, active=False)
    assert not ReviewerProfile.objects.get(pk=profile.pk).is_active
    with pytest.raises(DomainError):
        services.reviewer_set_active(profile_id=profile.pk, by=secretariat_user, active=False)
    event = events_for(profile).filter(action="deactivated").get()
    assert (event.from_status, event.to_status) == ("active", "inactive")
    assert notified("accounts_reviewer_deactivated") == [profile.user.email]


def test_reviewer_roster_is_secretariat_only(org_member):
    profile = ReviewerProfileFactory()
    with pytest.raises(NotAllowed):
        services.reviewer_set_active(profile_id=profile.pk, by=org_member, active=False)
    with pytest.raises(NotAllowed):
        services.reviewer_enroll(by=org_member, email=org_member.email, kind=ReviewerKind.EXTERNAL)
    assert ReviewerProfile.objects.get(pk=profile.pk).is_active
