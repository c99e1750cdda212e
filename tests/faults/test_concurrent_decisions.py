"""Two secretariat users decide the same item at the same moment, each on their own database connection.

Each round puts two threads behind a barrier and lets them call conflicting decisions at once. The row lock in
each service makes one of them wait; it then sees the new status and is refused with a clear message. Without
the lock both would "win" and the last write would silently replace the first (a lost update).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from core.audit import events_for
from core.workflow import DomainError, InvalidTransition
from dialogues import services as dialogue_services
from dialogues.enums import ContributionStatus
from dialogues.models import Contribution, Dialogue
from gcm.models import MemberState
from pledges import services as pledge_services
from pledges.enums import PledgeStatus
from pledges.models import Pledge
from practices import services as practice_services
from practices.enums import Decision, PracticeStatus
from practices.models import Practice
from reviews import services as review_services
from reviews.enums import ReviewStatus
from reviews.models import Review
from tests.dialogues.factories import ContributionFactory, DialogueFactory
from tests.factories import SecretariatFactory
from tests.pledges.factories import PledgeFactory
from tests.practices.factories import AssignmentFactory, completed_review
from tests.reviews.factories import complete_review

ROUNDS = 50


@pytest.fixture
def desks(postgres, reference_data, settings):
    """Two secretariat users, each working from their own thread (so their own database connection)."""
    first, second = SecretariatFactory(email="desk1@un.example"), SecretariatFactory(email="desk2@un.example")
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = [first.email, second.email]
    pool = ThreadPoolExecutor(max_workers=2)
    yield pool, first, second
    _on_both_threads(pool, lambda: connection.close(), lambda: connection.close())
    pool.shutdown()


def _on_both_threads(pool, *calls):
    """Run calls[i] on thread i, released together by a barrier: each thread takes exactly one of them."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(timeout=20)
        try:
            return call()
        except DomainError as err:
            return err

    return [future.result(timeout=30) for future in [pool.submit(run, call) for call in calls]]


def race(desks, first_call, second_call):
    """Both decisions at once; returns (index of the winner, the loser's error)."""
    pool, first, second = desks
    outcomes = _on_both_threads(pool, lambda: first_call(first), lambda: second_call(second))
    errors = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(errors) == 1, f"exactly one decision must win, got {outcomes!r}"
    loser = errors[0]
    assert isinstance(loser, InvalidTransition), loser
    assert "This action is not possible while the item is" in loser.message
    return outcomes.index(next(o for o in outcomes if not isinstance(o, DomainError))), loser


def decisions(obj):
    return [e.action for e in events_for(obj) if e.action != "submitted"]


def test_two_desks_returning_one_review_with_different_comments(desks):
    states = list(MemberState.objects.order_by("iso3").values_list("iso3", flat=True)[:ROUNDS])
    comments = ["Add objective 7.", "Describe the consultations."]
    for iso3 in states:
        review = complete_review(status=ReviewStatus.SUBMITTED, iso3=iso3)
        winner, loser = race(
            desks,
            lambda by, pk=review.pk: review_services.review_return(review_id=pk, by=by, comment=comments[0]),
            lambda by, pk=review.pk: review_services.review_return(review_id=pk, by=by, comment=comments[1]),
        )
        review = Review.objects.get(pk=review.pk)
        assert (review.status, review.return_comment) == (ReviewStatus.RETURNED, comments[winner])
        assert [(e.action, e.comment) for e in events_for(review)] == [("returned", comments[winner])]
        assert f"“{review.get_status_display()}”" in loser.message


def test_two_desks_deciding_one_practice(desks):
    for _ in range(ROUNDS):
        assignment = AssignmentFactory()
        completed_review(assignment)
        pk = assignment.practice_id
        winner, _loser = race(
            desks,
            lambda by, pk=pk: practice_services.practice_decide(practice_id=pk, by=by, decision=Decision.PUBLISH),
            lambda by, pk=pk: practice_services.practice_decide(practice_id=pk, by=by, decision=Decision.REJECT,
                                                               reason="Not implemented yet."),
        )
        practice = Practice.objects.get(pk=pk)
        if winner == 0:
            assert practice.status == PracticeStatus.PUBLISHED and practice.published_at is not None
            assert practice.decision_reason == ""
            assert sorted(decisions(practice)) == ["accepted", "published"]
        else:
            assert practice.status == PracticeStatus.REJECTED and practice.published_at is None
            assert practice.decision_reason == "Not implemented yet."
            assert decisions(practice) == ["decision_reject"]


def test_two_desks_deciding_one_pledge(desks):
    for _ in range(ROUNDS):
        pk = PledgeFactory(status=PledgeStatus.SUBMITTED).pk
        winner, _loser = race(
            desks,
            lambda by, pk=pk: pledge_services.pledge_publish(pledge_id=pk, by=by),
            lambda by, pk=pk: pledge_services.pledge_reject(pledge_id=pk, by=by, reason="Not a commitment."),
        )
        pledge = Pledge.objects.get(pk=pk)
        if winner == 0:
            assert pledge.status == PledgeStatus.PUBLISHED and pledge.reference and pledge.moderation_comment == ""
            assert decisions(pledge) == ["published"]
        else:
            assert pledge.status == PledgeStatus.REJECTED and not pledge.reference
            assert pledge.moderation_comment == "Not a commitment."
            assert decisions(pledge) == [PledgeStatus.REJECTED]
    references = list(Pledge.objects.filter(reference__gt="").values_list("reference", flat=True))
    assert len(references) == len(set(references)), "two published pledges share a reference"


def test_two_desks_rejecting_one_contribution_with_different_reasons(desks):
    reasons = ["Spam.", "Off topic."]
    for _ in range(ROUNDS):
        pk = ContributionFactory(status=ContributionStatus.SUBMITTED).pk
        winner, _loser = race(
            desks,
            lambda by, pk=pk: dialogue_services.contribution_reject(contribution_id=pk, by=by, reason=reasons[0]),
            lambda by, pk=pk: dialogue_services.contribution_reject(contribution_id=pk, by=by, reason=reasons[1]),
        )
        contribution = Contribution.objects.get(pk=pk)
        assert contribution.status == ContributionStatus.REJECTED
        assert (contribution.rejection_reason, contribution.decided_by_id) == (reasons[winner], desks[1 + winner].pk)
        assert [(e.action, e.comment) for e in events_for(contribution)] == [("rejected", reasons[winner])]


def test_two_desks_moderating_in_one_dialogue_keep_its_published_count_exact(desks):
    """Each decision recounts the dialogue's published contributions; the dialogue's row lock makes the second
    recount wait for the first decision's commit and count it (else one of the two would be lost)."""
    pool, first, second = desks
    dialogue = DialogueFactory()
    for _ in range(ROUNDS):
        pending = ContributionFactory.create_batch(2, dialogue=dialogue)
        published = ContributionFactory.create_batch(2, dialogue=dialogue, status=ContributionStatus.PUBLISHED)
        _on_both_threads(
            pool,
            lambda pk=pending[0].pk: dialogue_services.contribution_publish(contribution_id=pk, by=first),
            lambda pk=pending[1].pk: dialogue_services.contribution_publish(contribution_id=pk, by=second))
        _on_both_threads(
            pool,
            lambda pk=published[0].pk: dialogue_services.contribution_reject(contribution_id=pk, by=first,
                                                                             reason="Spam."),
            lambda pk=published[1].pk: dialogue_services.contribution_reject(contribution_id=pk, by=second,
                                                                             reason="Off topic."))
    real = Contribution.objects.filter(dialogue=dialogue, status=ContributionStatus.PUBLISHED).count()
    assert real == 2 * ROUNDS
    assert Dialogue.objects.get(pk=dialogue.pk).published_contribution_count == real
