from .models import FocalPoint, Membership
from .roles import is_secretariat, reviewer_profile_of


def roles_for(user):
    """What `user` may act as, for the profile page."""
    return {
        "is_secretariat": is_secretariat(user),
        "memberships": Membership.objects.filter(user=user).select_related("organization"),
        "focal_points": FocalPoint.objects.filter(user=user).select_related("member_state"),
        "reviewer": reviewer_profile_of(user),
    }
