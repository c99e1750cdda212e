import datetime
import itertools

import pytest
from django.utils import timezone

from accounts.models import ReviewerKind
from core.audit import events_for
from core.drafts import StaleEdit
from core.models import Notification
from core.workflow import InvalidTransition, NotAllowed, move
from practices import services
from practices.enums import (
    ASSIGNMENT_TRANSITIONS,
    PRACTICE_TRANSITIONS,
    AssignmentStatus,
    Decision,
    DeclineReason,
    PracticeStatus,
    Recommendation,
)
from practices.models import Assignment, Practice
from tests.factories import MembershipFactory, member_state, objective
from tests.practices.factories import (
    AssignmentFactory,
    PracticeFactory,
    completed_review,
    review_data,
    reviewer,
)

pytestmark = pytest.mark.django_db
S = PracticeStatus


def templates_for(user):
    return list(Notification.objects.filter(recipient=user).values_list("template", flat=True))


# --- The transition maps -------------------------------------------------------------------------------------

@pytest.mark.parametrize("current,target", list(itertools.product(PracticeStatus.values, repeat=2)))
def test_practice_transition_map_allows_exactly_the_documented_moves(current, target):
    practice = Practice(status=current)
    if target in PRACTICE_TRANSITIONS[current]:
        assert move(practice, target, PRACTICE_TRANSITIONS) == current
        assert practice.status == target
    else:
        with pytest.raises(InvalidTransition):
            move(practice, target, PRACTICE_TRANSITIONS)
        assert practice.status == current


def test_practice_workflow_matches_the_design():
    assert PRACTICE_TRANSITIONS[S.DRAFT] == {S.SUBMITTED, S.WITHDRAWN}
    assert S.PUBLISHED in PRACTICE_TRANSITIONS[S.ACCEPTED]
    assert S.RESUBMITTED in PRACTICE_TRANSITIONS[S.REVISION_REQUESTED]
    assert S.RESUBMITTED in PRACTICE_TRANSITIONS[S.CLARIFICATION_REQUESTED]
    assert not PRACTICE_TRANSITIONS[S.PUBLISHED] and not PRACTICE_TRANSITIONS[S.REJECTED]
    assert ASSIGNMENT_TRANSITIONS[AssignmentStatus.INVITED] == {
        AssignmentStatus.ACCEPTED, AssignmentStatus.DECLINED, AssignmentStatus.EXPIRED}
    assert ASSIGNMENT_TRANSITIONS[AssignmentStatus.ACCEPTED] == {AssignmentStatus.COMPLETED, AssignmentStatus.EXPIRED}


# --- Drafts and submission -----------------------------------------------------------------------------------

def test_practice_create_by_org_member_makes_a_draft(org_member, organization):
    practice = services.practice_create(by=org_member, data={"title": "Welcome desks", "organization": organization})
    assert practice.status == S.DRAFT and practice.organization == organization
    assert events_for(practice).first().action == "created"


def test_practice_create_by_plain_user_is_refused(user):
    with pytest.raises(NotAllowed):
        services.practice_create(by=user, data={"title": "x"})
    assert not Practice.objects.exists()


def test_practice_create_for_another_organization_is_refused(org_member):
    other = MembershipFactory().organization
    with pytest.raises(NotAllowed):
        services.practice_create(by=org_member, data={"title": "x", "organization": other})


def test_focal_point_creates_a_government_practice(focal_point):
    practice = services.practice_create(by=focal_point, data={"title": "Visa", "member_state": member_state("COL")})
    assert practice.is_government and practice.organization is None


def test_practice_update_with_stale_version_saves_nothing():
    practice = PracticeFactory()
    services.practice_update(practice_id=practice.pk, by=practice.submitter, version=1, data={"title": "First"})
    with pytest.raises(StaleEdit):
        services.practice_update(practice_id=practice.pk, by=practice.submitter, version=1, data={"title": "Old"})
    practice.refresh_from_db()
    assert (practice.title, practice.version) == ("First", 2)


def test_practice_update_sets_relations_and_themes():
    practice = PracticeFactory()
    services.practice_update(practice_id=practice.pk, by=practice.submitter, version=1, data={
        "objectives": [objective(2), objective(7)], "primary_objective": objective(7), "themes": ["gender", "health"],
    })
    assert set(practice.objectives.values_list("number", flat=True)) == {2, 7}
    assert set(practice.theme_rows.values_list("theme", flat=True)) == {"gender", "health"}


def test_practice_update_by_outsider_or_after_submission_is_refused(user):
    practice = PracticeFactory()
    with pytest.raises(NotAllowed):
        services.practice_update(practice_id=practice.pk, by=user, version=1, data={"title": "Hijack"})
    Practice.objects.filter(pk=practice.pk).update(status=S.SUBMITTED)
    with pytest.raises(NotAllowed):
        services.practice_update(practice_id=practice.pk, by=practice.submitter, version=1, data={"title": "Late"})


def test_practice_submit_incomplete_lists_every_gap_at_once(org_member, organization):
    practice = services.practice_create(by=org_member, data={"title": "Partial", "organization": organization})
    with pytest.raises(services.IncompletePractice) as err:
        services.practice_submit(practice_id=practice.pk, by=org_member)
    missing = " | ".join(err.value.missing)
    for item in ["summary", "full description", "at least one GCM objective", "Why is it innovative?",
                 "countries of implementation", "contact person"]:
        assert item in missing
    assert Practice.objects.get(pk=practice.pk).status == S.DRAFT


def test_practice_submit_needs_the_primary_objective_among_the_objectives():
    practice = PracticeFactory(objectives=[5])
    Practice.objects.filter(pk=practice.pk).update(primary_objective=objective(9))
    with pytest.raises(services.IncompletePractice) as err:
        services.practice_submit(practice_id=practice.pk, by=practice.submitter)
    assert err.value.missing == ["a primary objective among the objectives chosen"]


def test_practice_submit_complete_moves_to_submitted_and_tells_the_secretariat(secretariat_user):
    practice = PracticeFactory()
    services.practice_submit(practice_id=practice.pk, by=practice.submitter)
    practice.refresh_from_db()
    assert practice.status == S.SUBMITTED and practice.submitted_at
    event = events_for(practice).first()
    assert (event.action, event.from_status, event.to_status) == ("submitted", "draft", "submitted")
    assert templates_for(secretariat_user) == ["practices_submitted"]


def test_practice_submit_twice_is_refused():
    practice = PracticeFactory(status=S.SUBMITTED)
    with pytest.raises(InvalidTransition):
        services.practice_submit(practice_id=practice.pk, by=practice.submitter)


def test_practice_withdraw_expires_open_invitations():
    assignment = AssignmentFactory()
    practice = assignment.practice
    services.practice_withdraw(practice_id=practice.pk, by=practice.submitter, comment="Project ended")
    assert Practice.objects.get(pk=practice.pk).status == S.WITHDRAWN
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.EXPIRED


@pytest.mark.parametrize("status", [S.PUBLISHED, S.REJECTED, S.WITHDRAWN])
def test_practice_withdraw_after_the_end_is_refused(status):
    practice = PracticeFactory(status=status)
    with pytest.raises(InvalidTransition):
        services.practice_withdraw(practice_id=practice.pk, by=practice.submitter)


def test_practice_withdraw_by_someone_else_is_refused(user):
    practice = PracticeFactory(status=S.SUBMITTED)
    with pytest.raises(NotAllowed):
        services.practice_withdraw(practice_id=practice.pk, by=user)


# --- Assignment and conflicts of interest --------------------------------------------------------------------

def test_first_assignment_starts_the_review_and_invites_by_email(
        secretariat_user, submitted_practice, external_reviewer, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        assignment = services.practice_assign_reviewer(
            practice_id=submitted_practice.pk, reviewer_id=external_reviewer.pk, by=secretariat_user)
    submitted_practice.refresh_from_db()
    assert submitted_practice.status == S.IN_REVIEW
    assert assignment.status == AssignmentStatus.INVITED and assignment.due_date > timezone.localdate()
    invitation = [m for m in mailoutbox if m.to == [external_reviewer.email]]
    assert len(invitation) == 1 and submitted_practice.title in invitation[0].subject
    assert f"/practices/assignments/{assignment.pk}/" in invitation[0].body


def test_assignment_on_a_draft_or_by_non_secretariat_is_refused(secretariat_user, external_reviewer, user):
    draft = PracticeFactory()
    with pytest.raises(NotAllowed):
        services.practice_assign_reviewer(practice_id=draft.pk, reviewer_id=external_reviewer.pk, by=secretariat_user)
    submitted = PracticeFactory(status=S.SUBMITTED)
    with pytest.raises(NotAllowed):
        services.practice_assign_reviewer(practice_id=submitted.pk, reviewer_id=external_reviewer.pk, by=user)
    assert not Assignment.objects.exists()


def test_assignment_of_someone_outside_the_roster_or_twice_is_refused(secretariat_user, submitted_practice, user,
                                                                      external_reviewer):
    with pytest.raises(NotAllowed):
        services.practice_assign_reviewer(practice_id=submitted_practice.pk, reviewer_id=user.pk, by=secretariat_user)
    services.practice_assign_reviewer(practice_id=submitted_practice.pk, reviewer_id=external_reviewer.pk,
                                      by=secretariat_user)
    with pytest.raises(NotAllowed):
        services.practice_assign_reviewer(practice_id=submitted_practice.pk, reviewer_id=external_reviewer.pk,
                                          by=secretariat_user)


def _conflicted_reviewer(case, practice):
    if case == "profile organization":
        return reviewer(ReviewerKind.INTERNAL, organization=practice.organization)
    if case == "membership":
        person = reviewer()
        MembershipFactory(user=person, organization=practice.organization)
        return person
    if case == "partner":
        partner = MembershipFactory().organization
        practice.partners.add(partner)
        person = reviewer()
        MembershipFactory(user=person, organization=partner)
        return person
    if case == "submitting state":
        Practice.objects.filter(pk=practice.pk).update(organization=None, member_state=member_state("COL"))
        return reviewer(country=member_state("COL"))
    raise AssertionError(case)


@pytest.mark.parametrize("case", ["profile organization", "membership", "partner", "submitting state"])
def test_assignment_with_a_conflict_of_interest_is_refused(case, secretariat_user, submitted_practice):
    person = _conflicted_reviewer(case, submitted_practice)
    with pytest.raises(NotAllowed, match="Conflict of interest"):
        services.practice_assign_reviewer(practice_id=submitted_practice.pk, reviewer_id=person.pk,
                                          by=secretariat_user)
    assert not Assignment.objects.exists()
    assert Practice.objects.get(pk=submitted_practice.pk).status == S.SUBMITTED


def test_reviewer_from_the_same_country_may_review_a_non_government_practice(secretariat_user, submitted_practice):
    person = reviewer(country=member_state("COL"))
    assignment = services.practice_assign_reviewer(practice_id=submitted_practice.pk, reviewer_id=person.pk,
                                                   by=secretariat_user)
    assert assignment.pk


def test_declared_conflict_blocks_any_later_invitation(secretariat_user, submitted_practice, external_reviewer):
    first = services.practice_assign_reviewer(practice_id=submitted_practice.pk, reviewer_id=external_reviewer.pk,
                                              by=secretariat_user)
    services.assignment_decline(assignment_id=first.pk, by=external_reviewer, reason=DeclineReason.CONFLICT,
                                comment="My sister runs it")
    Practice.objects.filter(pk=submitted_practice.pk).update(review_round=2)
    with pytest.raises(NotAllowed, match="declared a conflict"):
        services.practice_assign_reviewer(practice_id=submitted_practice.pk, reviewer_id=external_reviewer.pk,
                                          by=secretariat_user)


def test_accept_and_decline_are_the_invited_reviewers_own(secretariat_user, user):
    assignment = AssignmentFactory()
    with pytest.raises(NotAllowed):
        services.assignment_accept(assignment_id=assignment.pk, by=user)
    services.assignment_accept(assignment_id=assignment.pk, by=assignment.reviewer)
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.ACCEPTED
    with pytest.raises(InvalidTransition):
        services.assignment_decline(assignment_id=assignment.pk, by=assignment.reviewer, reason="unavailable")


def test_decline_needs_a_reason_and_tells_the_secretariat(secretariat_user):
    assignment = AssignmentFactory()
    with pytest.raises(NotAllowed):
        services.assignment_decline(assignment_id=assignment.pk, by=assignment.reviewer, reason="")
    services.assignment_decline(assignment_id=assignment.pk, by=assignment.reviewer, reason="unavailable")
    assignment.refresh_from_db()
    assert (assignment.status, assignment.decline_reason) == (AssignmentStatus.DECLINED, "unavailable")
    assert "practices_assignment_declined" in templates_for(secretariat_user)


# --- Reviews and clarifications ------------------------------------------------------------------------------

def test_review_submit_incomplete_is_refused_and_draft_kept():
    assignment = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    with pytest.raises(services.IncompletePractice) as err:
        services.review_save(assignment_id=assignment.pk, by=assignment.reviewer, version=1, submit=True,
                             data=review_data(score_timely=None, recommendation=""))
    assert "Timely" in err.value.missing and "recommendation" in err.value.missing
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.ACCEPTED


def test_review_submit_completes_the_assignment(secretariat_user):
    assignment = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    review = services.review_save(assignment_id=assignment.pk, by=assignment.reviewer, version=1,
                                  data=review_data(), submit=True)
    assert review.submitted_at and review.score_relevant == 4
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.COMPLETED
    assert "practices_review_completed" in templates_for(secretariat_user)


def test_review_before_accepting_or_by_another_reviewer_is_refused():
    assignment = AssignmentFactory()
    with pytest.raises(NotAllowed):
        services.review_save(assignment_id=assignment.pk, by=assignment.reviewer, version=1, data=review_data())
    Assignment.objects.filter(pk=assignment.pk).update(status=AssignmentStatus.ACCEPTED)
    with pytest.raises(NotAllowed):
        services.review_save(assignment_id=assignment.pk, by=reviewer(), version=1, data=review_data())


def test_clarification_question_and_answer_reach_each_side():
    assignment = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    practice = assignment.practice
    question = services.clarification_ask(assignment_id=assignment.pk, by=assignment.reviewer,
                                          question="How many people were reached?")
    assert Practice.objects.get(pk=practice.pk).status == S.CLARIFICATION_REQUESTED
    assert templates_for(practice.submitter) == ["practices_clarification_requested"]
    services.clarification_answer(clarification_id=question.pk, by=practice.submitter, answer="About 12,000.")
    assert Practice.objects.get(pk=practice.pk).status == S.RESUBMITTED
    note = Notification.objects.get(recipient=assignment.reviewer, template="practices_clarification_answered")
    assert note.context["answer"] == "About 12,000."
    with pytest.raises(NotAllowed):
        services.clarification_answer(clarification_id=question.pk, by=practice.submitter, answer="Again")


# --- Decisions -----------------------------------------------------------------------------------------------

def test_publish_without_any_review_is_refused(secretariat_user):
    practice = PracticeFactory(status=S.IN_REVIEW)
    with pytest.raises(NotAllowed):
        services.practice_decide(practice_id=practice.pk, by=secretariat_user, decision=Decision.PUBLISH)
    assert Practice.objects.get(pk=practice.pk).status == S.IN_REVIEW


def test_publish_decision_accepts_then_publishes_and_notifies(secretariat_user):
    assignment = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    completed_review(assignment)
    pending = AssignmentFactory(practice=assignment.practice)
    practice = services.practice_decide(practice_id=assignment.practice_id, by=secretariat_user,
                                        decision=Decision.PUBLISH)
    assert practice.status == S.PUBLISHED and practice.published_at
    assert [e.action for e in events_for(practice)][:2] == ["published", "accepted"]
    assert templates_for(practice.submitter) == ["practices_published"]
    assert Assignment.objects.get(pk=pending.pk).status == AssignmentStatus.EXPIRED


def test_reject_needs_a_reason(secretariat_user):
    practice = PracticeFactory(status=S.IN_REVIEW)
    with pytest.raises(NotAllowed):
        services.practice_decide(practice_id=practice.pk, by=secretariat_user, decision=Decision.REJECT)
    services.practice_decide(practice_id=practice.pk, by=secretariat_user, decision=Decision.REJECT,
                             reason="Not yet implemented.")
    practice.refresh_from_db()
    assert (practice.status, practice.decision_reason) == (S.REJECTED, "Not yet implemented.")
    assert templates_for(practice.submitter) == ["practices_reject"]


def test_decisions_by_non_secretariat_are_refused(user):
    practice = PracticeFactory(status=S.IN_REVIEW)
    with pytest.raises(NotAllowed):
        services.practice_decide(practice_id=practice.pk, by=user, decision=Decision.REJECT, reason="x")


@pytest.mark.parametrize("status", [S.DRAFT, S.REVISION_REQUESTED, S.PUBLISHED, S.WITHDRAWN])
def test_revision_or_rejection_outside_review_is_refused(secretariat_user, status):
    practice = PracticeFactory(status=status)
    with pytest.raises(InvalidTransition):
        services.practice_decide(practice_id=practice.pk, by=secretariat_user, decision=Decision.REVISION)


def test_publish_directly_from_draft_is_refused(secretariat_user):
    practice = PracticeFactory()
    with pytest.raises(InvalidTransition):
        services.practice_publish(practice_id=practice.pk, by=secretariat_user)


def test_accepted_practice_is_published(secretariat_user):
    practice = PracticeFactory(status=S.ACCEPTED)
    services.practice_publish(practice_id=practice.pk, by=secretariat_user)
    assert Practice.objects.get(pk=practice.pk).status == S.PUBLISHED


def test_revision_then_resubmission_invites_the_same_reviewers_again(secretariat_user):
    first = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    practice = first.practice
    completed_review(first, recommendation=Recommendation.MAJOR_REVISION)
    declined = AssignmentFactory(practice=practice, status=AssignmentStatus.DECLINED)
    services.practice_decide(practice_id=practice.pk, by=secretariat_user, decision=Decision.REVISION,
                             reason="Add evidence.")
    assert Practice.objects.get(pk=practice.pk).status == S.REVISION_REQUESTED
    services.practice_update(practice_id=practice.pk, by=practice.submitter, version=1,
                             data={"results": "Evaluation by the university, 2024."})
    services.practice_resubmit(practice_id=practice.pk, by=practice.submitter)
    practice.refresh_from_db()
    assert (practice.status, practice.review_round) == (S.RESUBMITTED, 2)
    second = Assignment.objects.filter(practice=practice, round=2)
    assert [a.reviewer_id for a in second] == [first.reviewer_id]
    assert declined.reviewer_id not in [a.reviewer_id for a in second]
    note = Notification.objects.filter(recipient=first.reviewer, template="practices_invitation").last()
    assert note.context["again"] is True


# --- Reminders -----------------------------------------------------------------------------------------------

def test_reminders_are_sent_once_before_the_due_date_and_once_when_overdue():
    today = timezone.localdate()
    soon = AssignmentFactory(status=AssignmentStatus.ACCEPTED, due_date=today + datetime.timedelta(days=2))
    late = AssignmentFactory(status=AssignmentStatus.ACCEPTED, due_date=today - datetime.timedelta(days=1))
    later = AssignmentFactory(status=AssignmentStatus.ACCEPTED, due_date=today + datetime.timedelta(days=20))
    first = services.send_reviewer_reminders(today=today)
    second = services.send_reviewer_reminders(today=today)
    assert (first["before_due"], first["overdue"]) == (1, 1)
    assert (second["before_due"], second["overdue"]) == (0, 0)
    assert templates_for(soon.reviewer) == ["practices_reminder_before_due"]
    assert templates_for(late.reviewer) == ["practices_reminder_overdue"]
    assert templates_for(later.reviewer) == []


def test_unanswered_invitation_past_due_expires_and_frees_the_slot(secretariat_user):
    today = timezone.localdate()
    stale = AssignmentFactory(due_date=today - datetime.timedelta(days=1))
    counts = services.send_reviewer_reminders(today=today)
    assert counts["expired"] == 1
    assert Assignment.objects.get(pk=stale.pk).status == AssignmentStatus.EXPIRED
    assert not Assignment.objects.active().filter(reviewer=stale.reviewer).exists()
    assert templates_for(secretariat_user) == ["practices_assignment_expired"]
    services.practice_assign_reviewer(practice_id=stale.practice_id, reviewer_id=reviewer().pk, by=secretariat_user)


def test_reminder_task_runs_the_service_by_name():
    from femi_portal.celery import app

    AssignmentFactory(status=AssignmentStatus.ACCEPTED, due_date=timezone.localdate())
    result = app.tasks["practices.send_reviewer_reminders"].delay().get()
    assert result["before_due"] == 1


def test_accept_decision_keeps_the_practice_for_later_publication(secretariat_user):
    assignment = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    completed_review(assignment)
    practice = services.practice_decide(practice_id=assignment.practice_id, by=secretariat_user,
                                        decision=Decision.ACCEPT)
    assert practice.status == S.ACCEPTED and practice.published_at is None
    assert templates_for(practice.submitter) == ["practices_accepted"]
    services.practice_publish(practice_id=practice.pk, by=secretariat_user)
    assert Practice.objects.get(pk=practice.pk).status == S.PUBLISHED
