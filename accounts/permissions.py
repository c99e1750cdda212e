"""Who may manage organizations, memberships, focal points and the reviewer roster; fetchers that 404."""

from django.http import Http404

from .enums import MembershipRole, MembershipStatus
from .models import Membership, Organization
from .roles import is_secretariat


def admin_organization_ids_of(user):
    """Ids of the organizations where `user` is an approved administrator."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_admin_org_ids", None)
    if cached is None:
        cached = set(
            Membership.objects.filter(
                user=user, role=MembershipRole.ADMIN, status=MembershipStatus.APPROVED
            ).values_list("organization_id", flat=True)
        )
        user._admin_org_ids = cached
    return cached


def can_manage_organization(user, organization):
    """Secretariat staff, or an approved administrator of a verified organization."""
    if is_secretariat(user):
        return True
    return organization.verified and organization.pk in admin_organization_ids_of(user)


def can_decide_membership(user, membership):
    """Managers of the organization decide; nobody but the secretariat decides on their own request."""
    if is_secretariat(user):
        return True
    return membership.user_id != getattr(user, "pk", None) and can_manage_organization(user, membership.organization)


def can_manage_roster(user):
    """Focal points and the peer-reviewer roster are managed by the secretariat only."""
    return is_secretariat(user)


def can_verify_organization(user):
    return is_secretariat(user)


def access_managed_organization(user, pk):
    """The organization `pk` if `user` may manage its members; 404 otherwise (missing or forbidden alike)."""
    organization = Organization.objects.select_related("country").filter(pk=pk).first()
    if organization is None or not can_manage_organization(user, organization):
        raise Http404
    return organization


def access_joinable_organization(user, pk):
    """A verified organization that `user` may ask to join; 404 for unverified or missing ones."""
    organization = Organization.objects.filter(pk=pk, verified=True).first()
    if organization is None or not getattr(user, "is_authenticated", False):
        raise Http404
    return organization


def access_membership_to_decide(user, pk):
    """A membership `user` may approve, refuse or remove; 404 otherwise."""
    membership = Membership.objects.select_related("organization", "user").filter(pk=pk).first()
    if membership is None or not can_decide_membership(user, membership):
        raise Http404
    return membership
