"""Who may do what with practices. Predicates return booleans; access_* fetchers raise 404 for missing and
forbidden alike."""

from django.http import Http404

from accounts.roles import is_secretariat, organization_ids_of, reviewer_profile_of, state_ids_of

from .enums import ACTIVE_ASSIGNMENT, EDITABLE, REVIEWING, WITHDRAWABLE, AssignmentStatus, PracticeStatus
from .models import Assignment, Clarification, Practice


def submitting_identities(user):
    """(organization ids, state ids) the user may submit practices for."""
    return organization_ids_of(user), state_ids_of(user)


def can_submit_practices(user):
    orgs, states = submitting_identities(user)
    return bool(orgs or states)


def is_submitter_side(user, practice):
    """The submitting person, a member of the submitting organization or a focal point of the submitting State."""
    if not getattr(user, "is_authenticated", False):
        return False
    if practice.submitter_id == user.pk:
        return True
    if practice.organization_id and practice.organization_id in organization_ids_of(user):
        return True
    return bool(practice.member_state_id and practice.member_state_id in state_ids_of(user))


def can_edit_practice(user, practice):
    return practice.status in EDITABLE and is_submitter_side(user, practice)


def can_submit_practice(user, practice):
    return practice.status == PracticeStatus.DRAFT and is_submitter_side(user, practice)


def can_resubmit_practice(user, practice):
    return practice.status == PracticeStatus.REVISION_REQUESTED and is_submitter_side(user, practice)


def can_withdraw_practice(user, practice):
    return practice.status in WITHDRAWABLE and is_submitter_side(user, practice)


def can_manage_practices(user):
    return is_secretariat(user)


def can_assign_reviewers(user, practice):
    return is_secretariat(user) and practice.status in {PracticeStatus.SUBMITTED, *REVIEWING}


def can_decide_practice(user, practice):
    return is_secretariat(user) and practice.status in {PracticeStatus.SUBMITTED, *REVIEWING,
                                                         PracticeStatus.ACCEPTED}


def is_reviewer_of(user, practice):
    """Invited, accepted or finished reviewing this practice (declined and expired reviewers lose access)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return practice.assignments.filter(
        reviewer=user, status__in={*ACTIVE_ASSIGNMENT, AssignmentStatus.COMPLETED}
    ).exists()


def can_view_practice(user, practice):
    if practice.status == PracticeStatus.PUBLISHED:
        return True
    return is_secretariat(user) or is_submitter_side(user, practice) or is_reviewer_of(user, practice)


def can_respond_to_assignment(user, assignment):
    return assignment.reviewer_id == getattr(user, "pk", None) and assignment.status == AssignmentStatus.INVITED


def can_review(user, assignment):
    return (
        assignment.reviewer_id == getattr(user, "pk", None)
        and assignment.status == AssignmentStatus.ACCEPTED
        and assignment.practice.status in REVIEWING
    )


def can_answer_clarification(user, clarification):
    return not clarification.answered_at and is_submitter_side(user, clarification.assignment.practice)


def is_reviewer(user):
    profile = reviewer_profile_of(user)
    return bool(profile and profile.is_active)


def access_practice(user, pk):
    """A practice the user may see, or 404."""
    practice = (
        Practice.objects.select_related("organization", "member_state", "primary_objective", "submitter")
        .filter(pk=pk)
        .first()
    )
    if practice is None or not can_view_practice(user, practice):
        raise Http404
    return practice


def access_attachment(user, pk):
    """An attachment of a practice the user may see, or 404."""
    from .models import Attachment

    attachment = Attachment.objects.select_related("practice").filter(pk=pk).first()
    if attachment is None or not can_view_practice(user, attachment.practice):
        raise Http404
    return attachment


def access_practice_for_submitter(user, pk):
    practice = access_practice(user, pk)
    if not is_submitter_side(user, practice):
        raise Http404
    return practice


def access_practice_for_secretariat(user, pk):
    if not is_secretariat(user):
        raise Http404
    return access_practice(user, pk)


def access_assignment(user, pk):
    """The reviewer's own assignment (or any, for the secretariat), or 404."""
    assignment = Assignment.objects.select_related("practice", "reviewer").filter(pk=pk).first()
    if assignment is None:
        raise Http404
    if assignment.reviewer_id != getattr(user, "pk", None) and not is_secretariat(user):
        raise Http404
    return assignment


def access_clarification(user, pk):
    clarification = Clarification.objects.select_related("assignment__practice").filter(pk=pk).first()
    if clarification is None or not is_submitter_side(user, clarification.assignment.practice):
        raise Http404
    return clarification
