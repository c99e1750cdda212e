"""Writes of the accounts app: one function per change, each audited and notified in its transaction."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record_event
from core.notifications import notify, notify_many
from core.workflow import DomainError, move, require

from .enums import MEMBERSHIP_TRANSITIONS, FocalPointKind, MembershipRole, MembershipStatus
from .models import SECRETARIAT_GROUP, FocalPoint, Membership, Organization, ReviewerProfile, User
from .permissions import can_decide_membership, can_manage_organization, can_manage_roster, can_verify_organization

REVIEWER_FIELDS = ["kind", "organization", "country", "regions", "languages", "gender", "max_active_reviews"]


def secretariat_users():
    return User.objects.filter(is_active=True, groups__name=SECRETARIAT_GROUP).distinct()


def _organization_admins(organization):
    return User.objects.filter(
        is_active=True, memberships__organization=organization, memberships__role=MembershipRole.ADMIN,
        memberships__status=MembershipStatus.APPROVED,
    )


def _org_context(organization):
    return {"organization_id": organization.pk, "organization": organization.name}


# --- Organizations ------------------------------------------------------------------------------------------------

@transaction.atomic
def organization_propose(*, by, name, category, acronym="", country=None, website="", message=""):
    """A registered user proposes a new organization: it stays unverified and the proposer's administrator
    membership waits for the secretariat. Notifies the secretariat."""
    require(by.is_authenticated)
    if Organization.objects.filter(name__iexact=name.strip()).exists():
        raise DomainError(_("An organization with this name already exists: ask to join it instead."))
    organization = Organization.objects.create(
        name=name.strip(), acronym=acronym, category=category, country=country, website=website,
        verified=False, proposed_by=by,
    )
    Membership.objects.create(user=by, organization=organization, role=MembershipRole.ADMIN, message=message)
    record_event(organization, "proposed", actor=by, comment=message, to_status="unverified")
    notify_many(secretariat_users(), "accounts_organization_proposed",
                context={**_org_context(organization), "proposer": by.display_name})
    return organization


@transaction.atomic
def organization_verify(*, organization_id, by):
    """The secretariat verifies a proposed organization; the proposer's pending administrator membership is
    approved with it. Notifies the proposer."""
    organization = Organization.objects.select_for_update().get(pk=organization_id)
    require(can_verify_organization(by))
    if organization.verified:
        raise DomainError(_("This organization is already verified."))
    organization.verified = True
    organization.save(update_fields=["verified"])
    record_event(organization, "verified", actor=by, from_status="unverified", to_status="verified")
    pending_admins = Membership.objects.filter(
        organization=organization, role=MembershipRole.ADMIN, status=MembershipStatus.PENDING
    ).select_related("user")
    for membership in pending_admins:
        _decide(membership, MembershipStatus.APPROVED, by=by, comment="")
    recipients = [organization.proposed_by] if organization.proposed_by else [m.user for m in pending_admins]
    notify_many(recipients, "accounts_organization_verified", context=_org_context(organization))
    return organization


@transaction.atomic
def organization_reject(*, organization_id, by, comment=""):
    """The secretariat declines a proposed (unverified) organization: it is deleted with its pending requests,
    the decision stays in the audit trail. Notifies the proposer with the reason."""
    organization = Organization.objects.select_for_update().get(pk=organization_id)
    require(can_verify_organization(by))
    if organization.verified:
        raise DomainError(_("A verified organization cannot be declined."))
    record_event(organization, "declined", actor=by, comment=comment, from_status="unverified", to_status="declined")
    if organization.proposed_by:
        notify(organization.proposed_by, "accounts_organization_declined",
               context={**_org_context(organization), "comment": comment})
    organization.delete()


@transaction.atomic
def organization_update(*, organization_id, by, **fields):
    """Managers edit an organization's details (name, acronym, category, country, website)."""
    organization = Organization.objects.select_for_update().get(pk=organization_id)
    require(can_manage_organization(by, organization))
    for name, value in fields.items():
        setattr(organization, name, value)
    organization.save(update_fields=list(fields))
    record_event(organization, "updated", actor=by, comment=", ".join(sorted(fields)))
    return organization


# --- Memberships --------------------------------------------------------------------------------------------------

@transaction.atomic
def membership_request(*, user, organization_id, message=""):
    """`user` asks to join a verified organization (again, after a refusal). Notifies its administrators, or
    the secretariat when it has none."""
    organization = Organization.objects.get(pk=organization_id)
    require(user.is_authenticated and organization.verified)
    membership = Membership.objects.select_for_update().filter(user=user, organization=organization).first()
    if membership is None:
        membership, old = Membership(user=user, organization=organization), ""
    elif membership.status == MembershipStatus.REFUSED:
        old = move(membership, MembershipStatus.PENDING, MEMBERSHIP_TRANSITIONS)
    else:
        raise DomainError(_("You have already asked to join this organization."))
    membership.role, membership.message = MembershipRole.MEMBER, message
    membership.decided_by, membership.decided_at = None, None
    membership.save()
    record_event(membership, "requested", actor=user, comment=message, from_status=old,
                 to_status=MembershipStatus.PENDING)
    admins = list(_organization_admins(organization)) or list(secretariat_users())
    notify_many(admins, "accounts_membership_requested", context={
        **_org_context(organization), "applicant": user.display_name, "applicant_email": user.email,
        "message": message,
    })
    return membership


def _decide(membership, status, *, by, comment):
    old = move(membership, status, MEMBERSHIP_TRANSITIONS)
    membership.decided_by, membership.decided_at = by, timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    record_event(membership, status, actor=by, comment=comment, from_status=old, to_status=status)
    return old


@transaction.atomic
def membership_approve(*, membership_id, by, role=None):
    """An administrator of the organization (or the secretariat) approves a pending request. Notifies the user."""
    membership = Membership.objects.select_for_update().select_related("organization", "user").get(pk=membership_id)
    require(can_decide_membership(by, membership))
    if role:
        membership.role = role
        membership.save(update_fields=["role"])
    _decide(membership, MembershipStatus.APPROVED, by=by, comment="")
    notify(membership.user, "accounts_membership_approved",
           context={**_org_context(membership.organization), "role": membership.role})
    return membership


@transaction.atomic
def membership_refuse(*, membership_id, by, comment=""):
    """An administrator of the organization (or the secretariat) refuses a pending request, with a reason the
    user sees. Notifies the user."""
    membership = Membership.objects.select_for_update().select_related("organization", "user").get(pk=membership_id)
    require(can_decide_membership(by, membership))
    _decide(membership, MembershipStatus.REFUSED, by=by, comment=comment)
    notify(membership.user, "accounts_membership_refused",
           context={**_org_context(membership.organization), "comment": comment})
    return membership


@transaction.atomic
def membership_remove(*, membership_id, by, comment=""):
    """Managers end an approved membership (the last administrator cannot be removed). Notifies the user."""
    membership = Membership.objects.select_for_update().select_related("organization", "user").get(pk=membership_id)
    require(can_decide_membership(by, membership))
    if membership.status != MembershipStatus.APPROVED:
        raise DomainError(_("Only an approved membership can be removed."))
    admins = Membership.objects.filter(organization=membership.organization, role=MembershipRole.ADMIN,
                                       status=MembershipStatus.APPROVED)
    if membership.role == MembershipRole.ADMIN and admins.count() == 1:
        raise DomainError(_("The last administrator of an organization cannot be removed."))
    record_event(membership, "removed", actor=by, comment=comment, from_status=membership.status,
                 to_status="removed")
    notify(membership.user, "accounts_membership_removed",
           context={**_org_context(membership.organization), "comment": comment})
    membership.delete()


# --- State focal points -------------------------------------------------------------------------------------------

@transaction.atomic
def focal_point_designate(*, by, email, member_state, kind=FocalPointKind.FOCAL_POINT, position=""):
    """The secretariat designates an existing user, found by e-mail, as focal point of a Member State.
    Notifies the user."""
    require(can_manage_roster(by))
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise DomainError(_("No active account uses this e-mail address: the person must sign up first."))
    if FocalPoint.objects.filter(user=user, member_state=member_state).exists():
        raise DomainError(_("This person already acts for this State."))
    focal_point = FocalPoint.objects.create(user=user, member_state=member_state, kind=kind, position=position,
                                            designated_by=by)
    record_event(focal_point, "designated", actor=by, comment=f"{user.email} — {member_state.iso3}",
                 to_status=kind)
    notify(user, "accounts_focal_point_designated",
           context={"state": member_state.iso3, "kind": kind, "position": position})
    return focal_point


@transaction.atomic
def focal_point_remove(*, focal_point_id, by, comment=""):
    """The secretariat ends a designation. Notifies the user."""
    require(can_manage_roster(by))
    focal_point = FocalPoint.objects.select_related("user", "member_state").get(pk=focal_point_id)
    record_event(focal_point, "removed", actor=by, comment=comment or focal_point.user.email,
                 from_status=focal_point.kind, to_status="removed")
    notify(focal_point.user, "accounts_focal_point_removed",
           context={"state": focal_point.member_state.iso3, "comment": comment})
    focal_point.delete()


# --- Peer-reviewer roster -----------------------------------------------------------------------------------------

@transaction.atomic
def reviewer_enroll(*, by, email, objectives=(), **fields):
    """The secretariat enrolls an existing user into the peer-reviewer roster. Notifies the user."""
    require(can_manage_roster(by))
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise DomainError(_("No active account uses this e-mail address: the person must sign up first."))
    if ReviewerProfile.objects.filter(user=user).exists():
        raise DomainError(_("This person is already in the reviewer roster."))
    profile = ReviewerProfile.objects.create(user=user, enrolled_by=by, **_reviewer_fields(fields))
    profile.objectives.set(objectives)
    record_event(profile, "enrolled", actor=by, to_status="active")
    notify(user, "accounts_reviewer_enrolled", context={"kind": profile.kind})
    return profile


@transaction.atomic
def reviewer_update(*, profile_id, by, objectives=None, **fields):
    """The secretariat edits a reviewer's expertise and profile."""
    require(can_manage_roster(by))
    profile = ReviewerProfile.objects.select_for_update().get(pk=profile_id)
    values = _reviewer_fields(fields)
    for name, value in values.items():
        setattr(profile, name, value)
    profile.save(update_fields=list(values) or None)
    if objectives is not None:
        profile.objectives.set(objectives)
    record_event(profile, "updated", actor=by, comment=", ".join(sorted(values)))
    return profile


@transaction.atomic
def reviewer_set_active(*, profile_id, by, active, comment=""):
    """The secretariat takes a reviewer out of the roster, or back in. Notifies the reviewer."""
    require(can_manage_roster(by))
    profile = ReviewerProfile.objects.select_for_update().select_related("user").get(pk=profile_id)
    if profile.is_active == active:
        raise DomainError(_("Nothing to change: the reviewer is already in that state."))
    profile.is_active = active
    profile.save(update_fields=["is_active"])
    states = ("inactive", "active") if active else ("active", "inactive")
    record_event(profile, "reactivated" if active else "deactivated", actor=by, comment=comment,
                 from_status=states[0], to_status=states[1])
    notify(profile.user, "accounts_reviewer_reactivated" if active else "accounts_reviewer_deactivated",
           context={"comment": comment})
    return profile


def _reviewer_fields(fields):
    unknown = set(fields) - set(REVIEWER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown reviewer fields: {sorted(unknown)}")
    return fields
