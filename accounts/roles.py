"""Who is what. Small predicates every app uses; all accept anonymous users."""

from .models import SECRETARIAT_GROUP, FocalPoint, Membership, MembershipStatus


def is_secretariat(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_secretariat", None)
    if cached is None:
        cached = user.groups.filter(name=SECRETARIAT_GROUP).exists()
        user._is_secretariat = cached
    return cached


def state_ids_of(user):
    """Ids of the Member States `user` acts for (as focal point or co-editor)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_state_ids", None)
    if cached is None:
        cached = set(FocalPoint.objects.filter(user=user).values_list("member_state_id", flat=True))
        user._state_ids = cached
    return cached


def organization_ids_of(user):
    """Ids of the organizations where `user` is an approved member."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_org_ids", None)
    if cached is None:
        cached = set(
            Membership.objects.filter(user=user, status=MembershipStatus.APPROVED).values_list(
                "organization_id", flat=True
            )
        )
        user._org_ids = cached
    return cached


def is_focal_point_of(user, member_state_id):
    return member_state_id in state_ids_of(user)


def is_member_of(user, organization_id):
    return organization_id in organization_ids_of(user)


def reviewer_profile_of(user):
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.reviewer_profile
    except Exception:  # RelatedObjectDoesNotExist
        return None


def needs_mfa(user):
    """Secretariat staff must have MFA, except accounts listed in SECRETARIAT_MFA_EXEMPT_EMAILS (demo only)."""
    from allauth.mfa.models import Authenticator
    from django.conf import settings

    if not is_secretariat(user) or user.email in settings.SECRETARIAT_MFA_EXEMPT_EMAILS:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
