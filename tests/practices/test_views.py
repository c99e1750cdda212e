import json

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import ReviewerKind
from core.models import Notification
from core.notifications import render_notification
from practices import services
from practices.enums import AssignmentStatus, Decision, PracticeStatus
from practices.models import Assignment, Practice
from tests.factories import MembershipFactory, SecretariatFactory, member_state
from tests.practices.factories import AssignmentFactory, PracticeFactory, completed_review, review_data, reviewer

pytestmark = pytest.mark.django_db
S = PracticeStatus


def url(name, *args):
    return reverse(f"practices:{name}", args=args)


# --- Who sees what -------------------------------------------------------------------------------------------

def test_published_practice_is_public(client):
    practice = PracticeFactory(status=S.PUBLISHED, description="We run *mobile* clinics.")
    response = client.get(url("detail", practice.pk))
    assert response.status_code == 200
    assert b"<em>mobile</em>" in response.content


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.REJECTED])
def test_unpublished_practice_is_a_404_for_others(client, user, status):
    practice = PracticeFactory(status=status)
    assert client.get(url("detail", practice.pk)).status_code == 404
    client.force_login(user)
    assert client.get(url("detail", practice.pk)).status_code == 404
    assert client.get(url("detail", 999999)).status_code == 404


def test_colleagues_of_the_submitting_organization_see_and_edit_the_draft(client):
    practice = PracticeFactory()
    colleague = MembershipFactory(organization=practice.organization).user
    client.force_login(colleague)
    assert client.get(url("detail", practice.pk)).status_code == 200
    assert client.get(url("edit", practice.pk)).status_code == 200


def test_secretariat_pages_are_404_for_others(client, user):
    practice = PracticeFactory(status=S.SUBMITTED)
    client.force_login(user)
    for name, args in [("manage", ()), ("manage_detail", (practice.pk,)), ("assign", (practice.pk,)),
                       ("reviewers", ())]:
        assert client.get(url(name, *args)).status_code == 404


def test_someone_elses_assignment_is_a_404(client, user):
    assignment = AssignmentFactory()
    client.force_login(user)
    assert client.get(url("assignment", assignment.pk)).status_code == 404
    assert client.post(url("accept", assignment.pk)).status_code == 404
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.INVITED


# --- Submission form -----------------------------------------------------------------------------------------

def form_data(practice=None, **overrides):
    data = {"title": "Community sponsorship", "summary": "Neighbours welcome refugees.",
            "description": "Local groups sponsor newcomers.", "language": "en", "version": 1}
    if practice is not None:
        data["version"] = practice.version
    data.update(overrides)
    return data


def test_create_form_saves_a_partial_draft(client, org_member, organization):
    client.force_login(org_member)
    response = client.post(url("create"), form_data(submitted_as=f"org:{organization.pk}"))
    practice = Practice.objects.get()
    assert response.status_code == 302 and response.url == url("edit", practice.pk)
    assert (practice.status, practice.organization, practice.submitter) == (S.DRAFT, organization, org_member)


def test_create_form_is_404_for_users_who_cannot_submit(client, user):
    client.force_login(user)
    assert client.get(url("create")).status_code == 404


def test_form_errors_keep_every_typed_text(client):
    practice = PracticeFactory()
    client.force_login(practice.submitter)
    response = client.post(url("edit", practice.pk), form_data(
        practice, description="Long text I typed", links="not a link", end_date="2019-01-01", start_date="2020-01-01"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Long text I typed" in content and "not a web address" in content
    assert 'href="#id_links"' in content  # error summary linked to the field
    assert Practice.objects.get(pk=practice.pk).description != "Long text I typed"


def test_stale_edit_shows_the_text_back_and_saves_nothing(client):
    practice = PracticeFactory()
    client.force_login(practice.submitter)
    client.post(url("edit", practice.pk), form_data(practice, title="Colleague's title"))
    response = client.post(url("edit", practice.pk), form_data(practice, title="My older title"))
    assert response.status_code == 200
    assert "My older title" in response.content.decode() and "A colleague saved" in response.content.decode()
    assert Practice.objects.get(pk=practice.pk).title == "Colleague's title"


def test_expired_session_post_is_stashed_and_restored_after_sign_in(client):
    practice = PracticeFactory()
    response = client.post(url("edit", practice.pk), form_data(practice, description="Typed before expiry"))
    assert response.status_code == 302 and "restore" in response.url
    restore = response.url.split("next=")[1]
    from urllib.parse import unquote

    client.force_login(practice.submitter)
    page = client.get(unquote(restore))
    assert "Typed before expiry" in page.content.decode()


def test_submit_page_shows_the_checklist_and_every_missing_item(client, org_member, organization):
    practice = services.practice_create(by=org_member, data={"title": "Partial", "organization": organization})
    client.force_login(org_member)
    content = client.get(url("submit", practice.pk)).content.decode()
    assert "Eligibility checklist" in content and "at least one GCM objective" in content


def test_submit_needs_the_checklist_ticked(client):
    practice = PracticeFactory()
    client.force_login(practice.submitter)
    client.post(url("submit", practice.pk), {"implemented": "on"})
    assert Practice.objects.get(pk=practice.pk).status == S.DRAFT
    ticks = {k: "on" for k in ["implemented", "relevant", "principles", "evidence", "consent"]}
    response = client.post(url("submit", practice.pk), ticks)
    assert response.status_code == 302
    assert Practice.objects.get(pk=practice.pk).status == S.SUBMITTED


def test_attachment_upload_is_validated(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    practice = PracticeFactory()
    client.force_login(practice.submitter)
    fake = SimpleUploadedFile("report.pdf", b"not really a pdf", content_type="application/pdf")
    client.post(url("attachment_add", practice.pk), {"kind": "document", "file": fake})
    assert not practice.attachments.exists()
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "application/pdf")
    client.post(url("attachment_add", practice.pk), {"kind": "document", "file": pdf, "title": "Evaluation"})
    assert practice.attachments.get().title == "Evaluation"


# --- Assignment screen ---------------------------------------------------------------------------------------

def test_assignment_screen_ranks_by_expertise_and_shows_conflicts(client, secretariat_user):
    practice = PracticeFactory(status=S.SUBMITTED, objectives=[5, 6])
    reviewer(objectives=[5, 6], regions=["americas"], user__full_name="Expert Match")
    reviewer(objectives=[20], regions=["asia"], languages=["fr"], user__full_name="Far Match")
    conflicted = reviewer(ReviewerKind.INTERNAL, organization=practice.organization, user__full_name="Con Flicted")
    client.force_login(secretariat_user)
    content = client.get(url("assign", practice.pk)).content.decode()
    assert content.index("Expert Match") < content.index("Far Match")
    row = content[content.index(f'data-reviewer-id="{conflicted.pk}"'):]
    assert "Conflict of interest" in row[:1500] and f'value="{conflicted.pk}"' not in row[:1500]


def test_assignment_view_refuses_a_conflicted_reviewer(client, secretariat_user):
    practice = PracticeFactory(status=S.SUBMITTED)
    conflicted = reviewer(organization=practice.organization)
    client.force_login(secretariat_user)
    response = client.post(url("assign", practice.pk), {"reviewer": conflicted.pk}, follow=True)
    assert "Conflict of interest" in response.content.decode()
    assert not Assignment.objects.exists()


def test_assignment_view_invites(client, secretariat_user):
    practice = PracticeFactory(status=S.SUBMITTED)
    person = reviewer()
    client.force_login(secretariat_user)
    client.post(url("assign", practice.pk), {"reviewer": person.pk, "due_date": "2031-01-31"})
    assignment = Assignment.objects.get()
    assert (assignment.reviewer, str(assignment.due_date)) == (person, "2031-01-31")


def test_roster_shows_the_current_load(client, secretariat_user):
    assignment = AssignmentFactory()
    AssignmentFactory(reviewer=assignment.reviewer, status=AssignmentStatus.COMPLETED)
    client.force_login(secretariat_user)
    content = client.get(url("reviewers")).content.decode()
    row = content[content.index(f'data-reviewer-id="{assignment.reviewer_id}"'):]
    assert "<td data-load>1/5</td>" in row


# --- Reviewer pages ------------------------------------------------------------------------------------------

def test_reviewer_declines_with_a_reason(client):
    assignment = AssignmentFactory()
    client.force_login(assignment.reviewer)
    assert "Decline the invitation" in client.get(url("assignment", assignment.pk)).content.decode()
    client.post(url("decline", assignment.pk), {"comment": "no reason given"})
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.INVITED
    client.post(url("decline", assignment.pk), {"reason": "conflict", "comment": "I advised them"})
    assert Assignment.objects.get(pk=assignment.pk).decline_reason == "conflict"


def test_review_form_shows_guidance_and_submits(client):
    assignment = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    client.force_login(assignment.reviewer)
    content = client.get(url("review", assignment.pk)).content.decode()
    assert "Could other States or stakeholders adapt" in content
    response = client.post(url("review", assignment.pk), {**review_data(), "version": 1, "submit": "1"})
    assert response.status_code == 302
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.COMPLETED


# --- Decision screen -----------------------------------------------------------------------------------------

def test_decision_screen_shows_means_and_flags_disagreement(client, secretariat_user):
    practice = PracticeFactory(status=S.IN_REVIEW)
    a = AssignmentFactory(practice=practice, status=AssignmentStatus.ACCEPTED)
    b = AssignmentFactory(practice=practice, status=AssignmentStatus.ACCEPTED)
    completed_review(a, score_innovative=5, recommendation="publish")
    completed_review(b, score_innovative=2, recommendation="reject")
    client.force_login(secretariat_user)
    content = client.get(url("manage_detail", practice.pk)).content.decode()
    assert "data-disagreement" in content and "Some recommend publishing and others rejecting" in content
    assert "<td data-mean>3.5</td>" in content and "<td data-mean>4</td>" in content
    assert content.count("data-criterion-disagreement") == 1
    assert "Add a reviewer" in content


def test_decision_screen_without_disagreement_has_no_flag(client, secretariat_user):
    practice = PracticeFactory(status=S.IN_REVIEW)
    for score in (3, 4):
        completed_review(AssignmentFactory(practice=practice, status=AssignmentStatus.ACCEPTED),
                         score_innovative=score)
    client.force_login(secretariat_user)
    assert "data-disagreement" not in client.get(url("manage_detail", practice.pk)).content.decode()


def test_decision_form_publishes(client, secretariat_user):
    assignment = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    completed_review(assignment)
    client.force_login(secretariat_user)
    client.post(url("manage_detail", assignment.practice_id), {"decision": "publish"})
    assert Practice.objects.get(pk=assignment.practice_id).status == S.PUBLISHED


def test_reject_without_reason_shows_the_error(client, secretariat_user):
    practice = PracticeFactory(status=S.IN_REVIEW)
    client.force_login(secretariat_user)
    response = client.post(url("manage_detail", practice.pk), {"decision": "reject"})
    assert "Please give the reason" in response.content.decode()
    assert Practice.objects.get(pk=practice.pk).status == S.IN_REVIEW


def test_secretariat_queues_are_registered_with_counts(secretariat_user):
    from core.registry import collect

    PracticeFactory(status=S.SUBMITTED)
    PracticeFactory(status=S.ACCEPTED)
    ready = AssignmentFactory(status=AssignmentStatus.ACCEPTED)
    completed_review(ready)
    queues = {q["label"]: q["count"] for q in collect("secretariat", secretariat_user)}
    assert queues["Practices waiting for reviewers"] == 1
    assert queues["Practices ready for a decision"] == 1
    assert queues["Accepted practices to publish"] == 1


# --- Single-blind review -------------------------------------------------------------------------------------

def run_full_review(secretariat_user):
    """Submit → two reviewers (named) review, one asks a question → revision → resubmit → publish."""
    practice = PracticeFactory()
    services.practice_submit(practice_id=practice.pk, by=practice.submitter)
    names = ["Rosalind Reviewername", "Bartholomew Secretname"]
    reviewers = [reviewer(ReviewerKind.INTERNAL, user__full_name=names[0], user__email="rosalind@un.example"),
                 reviewer(user__full_name=names[1], user__email="bart@review.example")]
    assignments = [services.practice_assign_reviewer(practice_id=practice.pk, reviewer_id=r.pk, by=secretariat_user)
                   for r in reviewers]
    for a in assignments:
        services.assignment_accept(assignment_id=a.pk, by=a.reviewer)
    question = services.clarification_ask(assignment_id=assignments[0].pk, by=reviewers[0], question="Budget?")
    services.clarification_answer(clarification_id=question.pk, by=practice.submitter, answer="USD 40,000")
    for a in assignments:
        services.review_save(assignment_id=a.pk, by=a.reviewer, version=1, submit=True,
                             data=review_data(comments_for_submitter=f"Comment by {a.reviewer.full_name}"[:10]))
    services.practice_decide(practice_id=practice.pk, by=secretariat_user, decision=Decision.REVISION, reason="More")
    services.practice_resubmit(practice_id=practice.pk, by=practice.submitter)
    for a in Assignment.objects.filter(practice=practice, round=2):
        services.assignment_accept(assignment_id=a.pk, by=a.reviewer)
        services.review_save(assignment_id=a.pk, by=a.reviewer, version=1, submit=True, data=review_data())
    services.practice_decide(practice_id=practice.pk, by=secretariat_user, decision=Decision.PUBLISH)
    return practice, names, reviewers


def test_submitter_never_sees_reviewer_names_in_pages(client, secretariat_user):
    practice, names, reviewers = run_full_review(secretariat_user)
    client.force_login(practice.submitter)
    for page in [url("detail", practice.pk), url("mine")]:
        content = client.get(page).content.decode()
        for name in names + [r.email for r in reviewers]:
            assert name not in content, (page, name)
    detail = client.get(url("detail", practice.pk)).content.decode()
    assert "Reviewer 1" in detail and "Reviewer 2" in detail and "USD 40,000" in detail
    client.force_login(secretariat_user)
    assert names[0] in client.get(url("manage_detail", practice.pk)).content.decode()


def test_submitter_never_sees_reviewer_names_in_emails(secretariat_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        practice, names, reviewers = run_full_review(secretariat_user)
    to_submitter = [m for m in mail.outbox if m.to == [practice.submitter.email]]
    assert {m.subject for m in to_submitter} >= {
        f"A reviewer has a question about “{practice.title}”", f"Your practice is published: {practice.title}"}
    notes = Notification.objects.filter(recipient=practice.submitter)
    assert notes.count() == len(to_submitter) == 3
    for message in to_submitter:
        for name in names + [r.email for r in reviewers]:
            assert name not in message.subject and name not in message.body
    for note in notes:
        assert not any(name in json.dumps(note.context) for name in names)
    assert render_notification(notes.first())[1]


def test_emails_go_out_in_the_recipients_language(secretariat_user, django_capture_on_commit_callbacks):
    practice = PracticeFactory(status=S.SUBMITTED)
    person = reviewer(user__preferred_language="es")
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_assign_reviewer(practice_id=practice.pk, reviewer_id=person.pk, by=secretariat_user)
    message = [m for m in mail.outbox if m.to == [person.email]][0]
    assert "/es/practices/assignments/" in message.body


def test_government_practice_pages_name_the_state_not_the_person(client):
    practice = PracticeFactory(status=S.PUBLISHED, organization=None, member_state=member_state("MEX"),
                               submitter=SecretariatFactory(full_name="Hidden Person"))
    content = client.get(url("detail", practice.pk)).content.decode()
    assert "Mexico" in content and "Hidden Person" not in content


def test_secretariat_screens_ask_staff_without_mfa_to_set_it_up(client, settings):
    staff = SecretariatFactory(email="new.staff@un.example")
    client.force_login(staff)
    response = client.get(url("manage"))
    assert response.status_code == 302 and "/2fa/totp/activate/" in response.url
