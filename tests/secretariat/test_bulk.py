"""Bulk moderation, bulk e-mail, the audit trail (filters, CSV, object history) and admin changes audited."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts.enums import FocalPointKind
from core.models import AuditEvent, Notification
from dialogues.enums import ContributionStatus
from dialogues.models import Contribution
from pledges.enums import PledgeStatus, UpdateStatus
from pledges.models import Pledge, ProgressUpdate
from reviews.enums import ReviewStatus
from secretariat.bulk import bulk_apply
from secretariat.mailing import mailing_preview, mailing_send
from secretariat.models import BulkMailing, MailingAudience
from tests.dialogues.factories import ContributionFactory
from tests.factories import (
    FocalPointFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    active_cycle,
    member_state,
)
from tests.pledges.factories import PledgeFactory, ProgressUpdateFactory, PublishedPledgeFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def submitted_pledges(n):
    """`n` submitted pledges, each by an organization with one approved member (who gets the e-mails)."""
    pledges = [PledgeFactory(status=PledgeStatus.SUBMITTED) for _ in range(n)]
    for pledge in pledges:
        MembershipFactory(organization=pledge.organization)
    return pledges


def test_bulk_publish_of_three_with_one_refused_reports_it_and_audits_two(secretariat_user):
    first, second, third = submitted_pledges(3)
    Pledge.objects.filter(pk=second.pk).update(status=PledgeStatus.WITHDRAWN)  # withdrawn meanwhile
    results = bulk_apply(queue="pledges", action="publish", ids=[first.pk, second.pk, third.pk],
                         by=secretariat_user)
    assert [(r.pk, r.ok) for r in results] == [(first.pk, True), (second.pk, False), (third.pk, True)]
    assert "not possible" in results[1].message
    assert AuditEvent.objects.filter(action="published").count() == 2
    assert set(Pledge.objects.filter(status=PledgeStatus.PUBLISHED).values_list("pk", flat=True)) == {
        first.pk, third.pk}
    assert Notification.objects.filter(template="pledges_published").count() == 2


def test_bulk_page_publishes_ticked_items_and_lists_each_result(staff_client):
    first, second, third = submitted_pledges(3)
    url = reverse("secretariat:bulk", args=["pledges"])
    page = staff_client.get(url).content.decode()
    assert all(f'data-item-id="{p.pk}"' in page for p in (first, second, third))
    Pledge.objects.filter(pk=second.pk).update(status=PledgeStatus.WITHDRAWN)
    html = staff_client.post(url, {"ids": [first.pk, second.pk, third.pk], "action": "publish"}).content.decode()
    assert f'data-result-id="{first.pk}" data-ok="1"' in html
    assert f'data-result-id="{second.pk}" data-ok="0"' in html
    assert "2 of 3 items done." in html


def test_bulk_return_needs_a_comment_and_changes_nothing_without_it(staff_client):
    pledges = submitted_pledges(2)
    url = reverse("secretariat:bulk", args=["pledges"])
    response = staff_client.post(url, {"ids": [p.pk for p in pledges], "action": "return", "comment": " "})
    assert response.status_code == 200 and 'href="#id_comment"' in response.content.decode()
    assert Pledge.objects.filter(status=PledgeStatus.SUBMITTED).count() == 2
    staff_client.post(url, {"ids": [p.pk for p in pledges], "action": "return", "comment": "Add a target date"})
    assert Pledge.objects.filter(status=PledgeStatus.RETURNED, moderation_comment="Add a target date").count() == 2


def test_bulk_reject_updates_and_publish_contributions(secretariat_user):
    updates = ProgressUpdateFactory.create_batch(2)
    results = bulk_apply(queue="updates", action="reject", ids=[u.pk for u in updates], by=secretariat_user,
                         comment="No evidence")
    assert all(r.ok for r in results)
    assert ProgressUpdate.objects.filter(status=UpdateStatus.REJECTED).count() == 2
    contributions = ContributionFactory.create_batch(2)
    results = bulk_apply(queue="contributions", action="publish", ids=[c.pk for c in contributions] + [999999],
                         by=secretariat_user)
    assert [r.ok for r in results] == [True, True, False]
    assert Contribution.objects.filter(status=ContributionStatus.PUBLISHED).count() == 2


def test_unknown_bulk_queue_is_404(staff_client):
    assert staff_client.get(reverse("secretariat:bulk", args=["reviews"])).status_code == 404


# --- Bulk e-mail --------------------------------------------------------------------------------------------------

TEMPLATES = {
    "en": {"subject": "{cycle}: review awaited", "body": "Dear {name}, {state} has not submitted by {deadline}."},
    "fr": {"subject": "{cycle} : examen attendu", "body": "Bonjour {name}, {state} n’a pas encore soumis."},
    "es": {"subject": "{cycle}: examen pendiente", "body": "Estimado/a {name}, {state} aún no lo ha enviado."},
}


@pytest.fixture
def states():
    """Colombia and Kenya have not submitted; Mexico has. Colombia has a focal point and a co-editor."""
    colombia = FocalPointFactory(member_state=member_state("COL"), user=UserFactory(preferred_language="es"))
    FocalPointFactory(member_state=member_state("COL"), kind=FocalPointKind.CO_EDITOR)
    kenya = FocalPointFactory(member_state=member_state("KEN"), user=UserFactory(preferred_language="fr"))
    ReviewFactory(member_state=member_state("KEN"), status=ReviewStatus.RETURNED)
    mexico = FocalPointFactory(member_state=member_state("MEX"))
    ReviewFactory(member_state=member_state("MEX"), status=ReviewStatus.SUBMITTED)
    return colombia.user, kenya.user, mexico.user


def test_reminder_reaches_exactly_the_non_submitting_states_focal_points_once(states, secretariat_user):
    colombia, kenya, _mexico = states
    args = {"by": secretariat_user, "audience": MailingAudience.STATES_NOT_SUBMITTED, "cycle": active_cycle(),
            "templates": TEMPLATES, "token": "abc"}
    mailing = mailing_send(**args)
    rows = Notification.objects.filter(template="secretariat_bulk_message")
    assert sorted(rows.values_list("to_email", flat=True)) == sorted([colombia.email, kenya.email])
    assert mailing.recipient_count == 2
    spanish = rows.get(recipient=colombia)
    assert spanish.language == "es" and spanish.context["body"].startswith("Estimado/a")
    assert "Colombia" in spanish.context["body"]
    assert rows.get(recipient=kenya).context["subject"].endswith(": examen attendu")
    with pytest.raises(Exception, match="already been sent"):
        mailing_send(**args)
    assert rows.count() == 2 and BulkMailing.objects.count() == 1
    assert AuditEvent.objects.filter(action="sent", object_id=str(mailing.pk)).exists()


def test_mail_page_previews_then_sends(states, staff_client):
    url = reverse("secretariat:bulk_mail")
    form = staff_client.get(url, {"audience": "states_not_submitted"}).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["cycle"] = active_cycle().pk
    html = staff_client.post(url, {**data, "preview": "1"}).content.decode()
    assert 'data-recipient-count="2"' in html and "Colombia" in html
    assert not Notification.objects.filter(template="secretariat_bulk_message").exists()
    response = staff_client.post(url, {**data, "send": "1"})
    assert response.status_code == 302
    assert Notification.objects.filter(template="secretariat_bulk_message").count() == 2
    staff_client.post(url, {**data, "send": "1"})  # the same form again: nothing more
    assert Notification.objects.filter(template="secretariat_bulk_message").count() == 2


def test_unknown_placeholder_is_shown_on_its_field(states, staff_client):
    url = reverse("secretariat:bulk_mail")
    form = staff_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(cycle=active_cycle().pk, body_en="Hello {nmae}", send="1")
    html = staff_client.post(url, data).content.decode()
    assert "Unknown placeholder {nmae}." in html and 'href="#id_body_en"' in html
    assert not BulkMailing.objects.exists()


def test_pledgers_without_update_this_year_are_reached_once(secretariat_user):
    quiet = PublishedPledgeFactory(title="Quiet pledge")
    member = MembershipFactory(organization=quiet.organization).user
    PublishedPledgeFactory(organization=quiet.organization, title="Second quiet pledge")
    active = PublishedPledgeFactory()
    MembershipFactory(organization=active.organization)
    ProgressUpdateFactory(pledge=active, date=datetime.date.today(), status=UpdateStatus.PUBLISHED)
    preview = mailing_preview(audience=MailingAudience.PLEDGERS_WITHOUT_UPDATE, cycle=active_cycle(),
                              templates={"en": {"subject": "Update {year}", "body": "{name}: {pledges}"}})
    assert preview["count"] == 1 and preview["samples"][0]["email"] == member.email
    assert "Quiet pledge" in preview["samples"][0]["body"] and "Second quiet pledge" in preview["samples"][0]["body"]


# --- Audit trail --------------------------------------------------------------------------------------------------

def test_audit_trail_filters_by_type_actor_action_and_dates(staff_client, secretariat_user):
    pledge, = submitted_pledges(1)
    bulk_apply(queue="pledges", action="publish", ids=[pledge.pk], by=secretariat_user)
    contribution = ContributionFactory()
    AuditEvent.objects.create(content_type=ContentType.objects.get_for_model(contribution),
                              object_id=str(contribution.pk), action="published",
                              created_at=datetime.datetime(2025, 1, 5, tzinfo=datetime.UTC))
    url = reverse("secretariat:audit")
    pledge_type = ContentType.objects.get_for_model(Pledge).pk
    assert staff_client.get(url, {"content_type": pledge_type}).content.decode().count("data-event-id") == 1
    assert staff_client.get(url, {"actor": "staff@un"}).content.decode().count("data-event-id") == 1
    assert staff_client.get(url, {"action": "published"}).content.decode().count("data-event-id") == 2
    html = staff_client.get(url, {"created_at_after": "2025-01-01", "created_at_before": "2025-01-31"}).content
    assert html.decode().count("data-event-id") == 1


def test_audit_export_streams_the_filtered_rows_as_csv(staff_client, secretariat_user):
    pledge, = submitted_pledges(1)
    bulk_apply(queue="pledges", action="publish", ids=[pledge.pk], by=secretariat_user)
    response = staff_client.get(reverse("secretariat:audit_export"), {"action": "published"})
    assert response.streaming and response["Content-Type"] == "text/csv"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("time,object type,object id,action")
    assert len(lines) == 2 and f"pledge,{pledge.pk},published,submitted,published,staff@un.example" in lines[1]


def test_object_history_shows_only_that_objects_events(staff_client, secretariat_user):
    one, two = submitted_pledges(2)
    bulk_apply(queue="pledges", action="publish", ids=[one.pk, two.pk], by=secretariat_user)
    content_type = ContentType.objects.get_for_model(Pledge)
    html = staff_client.get(reverse("secretariat:object_history", args=[content_type.pk, one.pk])).content.decode()
    assert html.count("data-event-id") == 1 and one.title in html
    missing = reverse("secretariat:object_history", args=[content_type.pk, 999999])
    assert staff_client.get(missing).status_code == 404


def test_changes_through_django_admin_are_in_the_audit_trail(client, secretariat_user):
    secretariat_user.is_superuser = True
    secretariat_user.save()
    client.force_login(secretariat_user)
    organization = OrganizationFactory(name="Before", acronym="")
    response = client.post(reverse("admin:accounts_organization_change", args=[organization.pk]), {
        "name": "After", "category": organization.category, "verified": "on",
        "created_at_0": "2026-01-05", "created_at_1": "10:00:00",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = AuditEvent.objects.get(action="admin_changed")
    assert (event.object_id, event.actor) == (str(organization.pk), secretariat_user)
    assert "Name" in event.comment
    others = OrganizationFactory.create_batch(2)
    client.post(reverse("admin:accounts_organization_changelist"),
                {"action": "delete_selected", "_selected_action": [o.pk for o in others], "post": "yes"})
    assert set(AuditEvent.objects.filter(action="admin_deleted").values_list("object_id", flat=True)) == {
        str(o.pk) for o in others}


def test_bulk_publish_of_accepted_reviews_reports_one_refused_and_audits_the_others(secretariat_user,
                                                                                  django_capture_on_commit_callbacks):
    from tests.reviews.factories import complete_review

    accepted = [complete_review(status=ReviewStatus.ACCEPTED, iso3=iso3) for iso3 in ("COL", "MEX")]
    still_submitted = complete_review(status=ReviewStatus.SUBMITTED, iso3="PER")
    with django_capture_on_commit_callbacks(execute=True):
        results = bulk_apply(queue="reviews-accepted", action="publish",
                             ids=[accepted[0].pk, still_submitted.pk, accepted[1].pk], by=secretariat_user)
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].message  # the reason the submitted review was not published
    for review in accepted:
        review.refresh_from_db()
        assert review.status == ReviewStatus.PUBLISHED
    still_submitted.refresh_from_db()
    assert still_submitted.status == ReviewStatus.SUBMITTED
    assert AuditEvent.objects.filter(action="published", object_id__in=[str(r.pk) for r in accepted]).count() == 2


def test_bulk_return_of_submitted_reviews_needs_a_comment_and_sends_it(secretariat_user):
    from core.workflow import DomainError
    from tests.reviews.factories import complete_review

    reviews = [complete_review(status=ReviewStatus.SUBMITTED, iso3=iso3) for iso3 in ("COL", "MEX")]
    with pytest.raises(DomainError):
        bulk_apply(queue="reviews-submitted", action="return", ids=[r.pk for r in reviews], by=secretariat_user)
    results = bulk_apply(queue="reviews-submitted", action="return", ids=[r.pk for r in reviews],
                         by=secretariat_user, comment="Please add the section on objective 5.")
    assert all(r.ok for r in results)
    assert {r.status for r in type(reviews[0]).objects.filter(pk__in=[r.pk for r in reviews])} == {
        ReviewStatus.RETURNED}


def test_console_links_review_queues_to_their_bulk_pages(staff_client):
    from tests.reviews.factories import complete_review

    complete_review(status=ReviewStatus.SUBMITTED, iso3="COL")
    complete_review(status=ReviewStatus.ACCEPTED, iso3="MEX")
    html = staff_client.get(reverse("secretariat:console")).content.decode()
    assert reverse("secretariat:bulk", args=["reviews-submitted"]) in html
    assert reverse("secretariat:bulk", args=["reviews-accepted"]) in html
    page = staff_client.get(reverse("secretariat:bulk", args=["reviews-accepted"]))
    assert page.status_code == 200 and "Mexico" in page.content.decode()
