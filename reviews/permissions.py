"""Who may do what with voluntary reviews. Predicates return booleans; access_* fetchers raise 404 for missing and
forbidden alike, so a focal point of one State cannot even learn whether another State's draft exists."""

from django.http import Http404

from accounts.models import FocalPoint, FocalPointKind
from accounts.roles import is_secretariat, state_ids_of

from .enums import EDITABLE, ReviewStatus
from .models import Review


def is_state_side(user, review):
    """A focal point or co-editor of the review's State."""
    return review.member_state_id in state_ids_of(user)


def can_view_workspace(user, review):
    return is_state_side(user, review) or is_secretariat(user)


def can_edit_review(user, review):
    return review.status in EDITABLE and is_state_side(user, review)


def can_submit_review(user, review):
    return can_edit_review(user, review)


def can_start_review(user, member_state_id):
    return member_state_id in state_ids_of(user)


def can_request_extension(user, review):
    return review.status in EDITABLE and is_state_side(user, review)


def can_invite_co_editor(user, member_state_id):
    """Only designated focal points (not co-editors) invite colleagues of their government."""
    if not getattr(user, "is_authenticated", False):
        return False
    return FocalPoint.objects.filter(
        user=user, member_state_id=member_state_id, kind=FocalPointKind.FOCAL_POINT
    ).exists()


def can_moderate_reviews(user):
    return is_secretariat(user)


def can_view_history(user, review):
    return can_view_workspace(user, review)


def _review_queryset():
    return Review.objects.select_related("cycle", "member_state")


def access_review(user, pk):
    """The review `pk` if `user` acts for its State or is secretariat staff; 404 otherwise."""
    review = _review_queryset().filter(pk=pk).first()
    if review is None or not can_view_workspace(user, review):
        raise Http404
    return review


def access_published_review(year, iso3):
    review = _review_queryset().filter(
        cycle__year=year, member_state__iso3=iso3.upper(), status=ReviewStatus.PUBLISHED
    ).first()
    if review is None:
        raise Http404
    return review
