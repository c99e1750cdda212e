"""Every allowed and refused move of a voluntary review, with its audit event and e-mails."""

import re

import pytest
from django.core import mail

from core.models import AuditEvent
from core.workflow import InvalidTransition, NotAllowed
from reviews import services
from reviews.enums import REVIEW_TRANSITIONS, ReviewStatus
from reviews.models import Review
from tests.factories import FocalPointFactory, UserFactory, member_state

from .factories import ReviewFactory, complete_review

S = ReviewStatus
pytestmark = pytest.mark.django_db

SECRETARIAT_ACTIONS = {
    S.RETURNED: lambda pk, by: services.review_return(review_id=pk, by=by, comment="Please add data."),
    S.ACCEPTED: lambda pk, by: services.review_accept(review_id=pk, by=by),
    S.PUBLISHED: lambda pk, by: services.review_publish(review_id=pk, by=by),
    S.WITHDRAWN: lambda pk, by: services.review_withdraw(review_id=pk, by=by, comment="At the State's request."),
}
# (from, to) moves done by the secretariat; submitted is the State's move; published -> accepted is "unpublish".
SECRETARIAT_MOVES = [(frm, to) for frm, tos in REVIEW_TRANSITIONS.items() for to in tos
                     if to != S.SUBMITTED and not (frm == S.PUBLISHED and to == S.ACCEPTED)]
ALL_TARGETS = [S.RETURNED, S.ACCEPTED, S.PUBLISHED, S.WITHDRAWN]
REFUSED_MOVES = [(frm, to) for frm in S for to in ALL_TARGETS if to not in REVIEW_TRANSITIONS[frm]]


def _events(review, action):
    return AuditEvent.objects.filter(object_id=str(review.pk), action=action)


@pytest.mark.parametrize("frm,to", SECRETARIAT_MOVES)
def test_secretariat_move_allowed_changes_status_records_and_notifies(frm, to, secretariat_user, focal_point,
                                                                       django_capture_on_commit_callbacks):
    review = complete_review(status=frm)
    with django_capture_on_commit_callbacks(execute=True):
        SECRETARIAT_ACTIONS[to](review.pk, secretariat_user)
    review.refresh_from_db()
    assert review.status == to
    event = AuditEvent.objects.filter(object_id=str(review.pk)).first()
    assert (event.actor, event.from_status, event.to_status) == (secretariat_user, frm, to)
    assert [m.to for m in mail.outbox] == [[focal_point.email]]


@pytest.mark.parametrize("frm,to", REFUSED_MOVES)
def test_secretariat_move_refused_leaves_status(frm, to, secretariat_user):
    review = complete_review(status=frm)
    with pytest.raises(InvalidTransition):
        SECRETARIAT_ACTIONS[to](review.pk, secretariat_user)
    assert Review.objects.get(pk=review.pk).status == frm
    assert not AuditEvent.objects.filter(object_id=str(review.pk)).exists()


def test_review_unpublish_moves_published_back_to_accepted(secretariat_user):
    review = complete_review(status=S.PUBLISHED)
    services.review_unpublish(review_id=review.pk, by=secretariat_user, comment="Typo in the title.")
    review.refresh_from_db()
    assert review.status == S.ACCEPTED
    assert _events(review, "unpublished").get().comment == "Typo in the title."


@pytest.mark.parametrize("status", [s for s in S if s != S.PUBLISHED])
def test_review_unpublish_when_not_published_is_refused(status, secretariat_user):
    review = complete_review(status=status)
    with pytest.raises(InvalidTransition):
        services.review_unpublish(review_id=review.pk, by=secretariat_user)
    assert Review.objects.get(pk=review.pk).status == status


def test_review_accept_of_published_review_is_refused(secretariat_user):
    review = complete_review(status=S.PUBLISHED)
    with pytest.raises(InvalidTransition):
        services.review_accept(review_id=review.pk, by=secretariat_user)


@pytest.mark.parametrize("to", ALL_TARGETS)
def test_secretariat_moves_by_a_focal_point_are_refused(to, focal_point):
    review = complete_review(status=S.SUBMITTED if to != S.PUBLISHED else S.ACCEPTED)
    before = review.status
    with pytest.raises(NotAllowed):
        SECRETARIAT_ACTIONS[to](review.pk, focal_point)
    assert Review.objects.get(pk=review.pk).status == before


@pytest.mark.parametrize("frm", [S.DRAFT, S.RETURNED])
def test_review_submit_complete_review_is_submitted_and_notifies_state_and_secretariat(
        frm, focal_point, secretariat_user, django_capture_on_commit_callbacks):
    review = complete_review(status=frm)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_submit(review_id=review.pk, by=focal_point)
    review.refresh_from_db()
    assert review.status == S.SUBMITTED and review.submitted_at is not None
    action = "resubmitted" if frm == S.RETURNED else "submitted"
    assert _events(review, action).get().actor == focal_point
    assert sorted(m.to[0] for m in mail.outbox) == sorted([focal_point.email, secretariat_user.email])


@pytest.mark.parametrize("frm", [S.SUBMITTED, S.ACCEPTED, S.PUBLISHED, S.WITHDRAWN])
def test_review_submit_from_other_statuses_is_refused(frm, focal_point):
    review = complete_review(status=frm)
    with pytest.raises(InvalidTransition):
        services.review_submit(review_id=review.pk, by=focal_point)
    assert Review.objects.get(pk=review.pk).status == frm


def test_review_submit_by_another_states_focal_point_is_refused(mexico_focal_point):
    review = complete_review()
    with pytest.raises(NotAllowed):
        services.review_submit(review_id=review.pk, by=mexico_focal_point)
    assert Review.objects.get(pk=review.pk).status == S.DRAFT


def test_review_submit_with_missing_items_lists_every_gap_at_once(focal_point):
    review = ReviewFactory(contact_name="Ana")
    with pytest.raises(services.IncompleteReview) as err:
        services.review_submit(review_id=review.pk, by=focal_point)
    sections = {gap.section for gap in err.value.gaps}
    assert sections == {"contact", "policy", "objectives", "principles", "means", "next-steps"}
    messages = " ".join(gap.message for gap in err.value.gaps)
    assert "Contact e-mail" in messages and "Contact person" not in messages
    assert all(gap.url.startswith(f"/en/reviews/edit/{review.pk}/") for gap in err.value.gaps)
    assert Review.objects.get(pk=review.pk).status == S.DRAFT


def test_review_submit_with_an_objective_without_progress_names_it(focal_point):
    review = complete_review(objectives=(5, 7))
    review.entries.filter(objective__number=7).update(progress="")
    with pytest.raises(services.IncompleteReview) as err:
        services.review_submit(review_id=review.pk, by=focal_point)
    assert [gap.message for gap in err.value.gaps] == ["Objective 7: describe the progress made."]


def test_review_return_requires_a_comment_the_state_sees(secretariat_user):
    review = complete_review(status=S.SUBMITTED)
    with pytest.raises(NotAllowed):
        services.review_return(review_id=review.pk, by=secretariat_user, comment="  ")
    services.review_return(review_id=review.pk, by=secretariat_user, comment="Add the consultation dates.")
    review.refresh_from_db()
    assert review.status == S.RETURNED and review.return_comment == "Add the consultation dates."


def test_review_publish_builds_the_pdf_after_commit(secretariat_user, django_capture_on_commit_callbacks):
    review = complete_review(status=S.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_publish(review_id=review.pk, by=secretariat_user)
    review.refresh_from_db()
    assert review.published_at is not None
    assert review.pdf_is_current
    assert review.pdf_file.open("rb").read(5) == b"%PDF-"


def test_notifications_go_out_in_each_recipients_language(secretariat_user, django_capture_on_commit_callbacks):
    spanish = FocalPointFactory(user=UserFactory(preferred_language="es")).user
    french = FocalPointFactory(user=UserFactory(preferred_language="fr")).user
    review = complete_review(status=S.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_return(review_id=review.pk, by=secretariat_user, comment="Faltan datos.")
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "Colombia" in subjects[spanish.email] and "cambios" in subjects[spanish.email]
    assert "Colombie" in subjects[french.email]


# --- Drafting -------------------------------------------------------------------------------------------------------

def test_review_start_creates_one_draft_per_state_and_cycle(focal_point):
    from gcm.models import Cycle

    first = services.review_start(cycle=Cycle.objects.active(), member_state_id=member_state("COL").pk,
                                  by=focal_point)
    again = services.review_start(cycle=first.cycle, member_state_id=first.member_state_id, by=focal_point)
    assert first.pk == again.pk and first.status == S.DRAFT


def test_review_start_for_another_state_is_refused(mexico_focal_point):
    from gcm.models import Cycle

    with pytest.raises(NotAllowed):
        services.review_start(cycle=Cycle.objects.active(), member_state_id=member_state("COL").pk,
                              by=mexico_focal_point)


def test_review_save_section_saves_partial_data_and_bumps_version(focal_point):
    review = ReviewFactory()
    services.review_save_section(review_id=review.pk, section="policy", version=review.version, by=focal_point,
                                 data={"policy_environment": "A new law.", "institutional_arrangements": ""})
    review.refresh_from_db()
    assert review.policy_environment == "A new law." and review.version == 2
    latest = review.history.first()
    assert review.history.count() == 2  # created, then this save
    assert (latest.history_type, latest.history_user, latest.policy_environment) == ("~", focal_point, "A new law.")


def test_review_save_section_with_stale_version_is_refused_and_keeps_the_newer_text(focal_point):
    from core.drafts import StaleEdit

    review = ReviewFactory()
    colleague = FocalPointFactory().user
    services.review_save_section(review_id=review.pk, section="policy", version=1, by=colleague,
                                 data={"policy_environment": "Colleague's text."})
    with pytest.raises(StaleEdit):
        services.review_save_section(review_id=review.pk, section="policy", version=1, by=focal_point,
                                     data={"policy_environment": "My older text."})
    assert Review.objects.get(pk=review.pk).policy_environment == "Colleague's text."


@pytest.mark.parametrize("status", [S.SUBMITTED, S.ACCEPTED, S.PUBLISHED, S.WITHDRAWN])
def test_review_save_section_after_submission_is_refused(status, focal_point):
    review = complete_review(status=status)
    with pytest.raises(NotAllowed):
        services.review_save_section(review_id=review.pk, section="policy", version=review.version, by=focal_point,
                                     data={"policy_environment": "Changed."})


def test_entry_save_creates_then_updates_and_makes_the_pdf_stale(focal_point):
    from tests.factories import objective

    review = complete_review(status=S.RETURNED, pdf_version=1)
    services.entry_save(review_id=review.pk, objective=objective(8), data={"progress": "Search and rescue."},
                        version=review.version, by=focal_point)
    review.refresh_from_db()
    assert review.version == 2 and not review.pdf_is_current
    services.entry_save(review_id=review.pk, objective=objective(8), data={"progress": "Updated."},
                        version=2, by=focal_point)
    assert review.entries.get(objective__number=8).progress == "Updated."


# --- Deadline extensions --------------------------------------------------------------------------------------------

def test_extension_request_and_grant_move_the_deadline(focal_point, secretariat_user,
                                                       django_capture_on_commit_callbacks):
    from datetime import timedelta

    review = ReviewFactory()
    until = review.cycle.review_deadline + timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        extension = services.extension_request(review_id=review.pk, by=focal_point, requested_until=until,
                                               reason="Elections.")
    assert mail.outbox[-1].to == [secretariat_user.email]
    with pytest.raises(NotAllowed):
        services.extension_request(review_id=review.pk, by=focal_point, requested_until=until, reason="Again.")
    with django_capture_on_commit_callbacks(execute=True):
        services.extension_grant(extension_id=extension.pk, by=secretariat_user)
    review.refresh_from_db()
    assert review.deadline == until
    assert mail.outbox[-1].to == [focal_point.email]
    with pytest.raises(InvalidTransition):
        services.extension_refuse(extension_id=extension.pk, by=secretariat_user)


def test_extension_refuse_keeps_the_deadline_and_focal_point_cannot_decide(focal_point, secretariat_user):
    from datetime import timedelta

    review = ReviewFactory()
    extension = services.extension_request(review_id=review.pk, by=focal_point, reason="Elections.",
                                           requested_until=review.cycle.review_deadline + timedelta(days=10))
    with pytest.raises(NotAllowed):
        services.extension_grant(extension_id=extension.pk, by=focal_point)
    services.extension_refuse(extension_id=extension.pk, by=secretariat_user, comment="No.")
    review.refresh_from_db()
    assert review.deadline == review.cycle.review_deadline
    assert review.extensions.get().status == "refused"


# --- Co-editors -----------------------------------------------------------------------------------------------------

def test_co_editor_invitation_accepted_with_the_invited_address_creates_a_co_editor(
        focal_point, django_capture_on_commit_callbacks):
    from accounts.models import FocalPoint

    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.co_editor_invite(member_state_id=member_state("COL").pk, email="Colleague@Gov.example",
                                               by=focal_point)
    assert mail.outbox[0].to == ["colleague@gov.example"]
    # The token in the e-mail is signed with a timestamp: read it from the e-mail, don't sign a new one (a second
    # may have passed).
    match = re.search(r"/invitation/([^/\s]+)/", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    token = match.group(1)
    assert services.invitation_token(invitation).split(":")[0] == token.split(":")[0]  # same invitation, same e-mail
    stranger = UserFactory(email="someone@else.example")
    with pytest.raises(NotAllowed):
        services.co_editor_accept(token=token, user=stranger)
    colleague = UserFactory(email="colleague@gov.example")
    services.co_editor_accept(token=token, user=colleague)
    assert FocalPoint.objects.get(user=colleague).kind == "co_editor"
    with pytest.raises(NotAllowed):  # used once
        services.co_editor_accept(token=token, user=colleague)


def test_co_editor_invitation_with_tampered_token_is_refused(focal_point):
    invitation = services.co_editor_invite(member_state_id=member_state("COL").pk, email="c@gov.example",
                                           by=focal_point)
    token = services.invitation_token(invitation)
    with pytest.raises(NotAllowed):
        services.co_editor_accept(token=token[:-2] + "xx", user=UserFactory(email="c@gov.example"))


def test_co_editors_and_other_states_cannot_invite(focal_point, mexico_focal_point):
    co_editor = FocalPointFactory(kind="co_editor").user
    for user in (co_editor, mexico_focal_point):
        with pytest.raises(NotAllowed):
            services.co_editor_invite(member_state_id=member_state("COL").pk, email="x@gov.example", by=user)
