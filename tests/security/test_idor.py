"""Insecure direct object references: pages, files, PDFs and exports of State A or organization X, requested by
other States and organizations with guessed or mixed ids, answer 404 (like a missing object) and leak nothing."""

import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from reviews.enums import ReviewStatus
from reviews.models import ReviewAttachment
from tests.factories import MembershipFactory
from tests.reviews.factories import complete_review

from .access import body_of, normalized
from .world import PDF_BYTES, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def other_member(world):
    """A member of another organization (not X)."""
    return MembershipFactory(organization=world.org_other).user


def get(client, user, url):
    client.force_login(user)
    response = client.get(url)
    if getattr(response, "streaming", False):
        response._body = b"".join(response.streaming_content)
    return response


def assert_hidden(client, user, url, missing_url):
    """`url` answers 404 to `user`, with the page a missing object gets."""
    response, missing = get(client, user, url), get(client, user, missing_url)
    assert response.status_code == missing.status_code == 404, url
    assert normalized(body_of(response), url) == normalized(body_of(missing), missing_url), url


# --- Voluntary reviews: State B never reaches State A's unpublished review ------------------------------------

def review_urls(review, attachment_id):
    year, iso3 = review.cycle.year, review.member_state.iso3
    return [
        reverse("reviews:workspace", args=[review.pk]),
        reverse("reviews:section", args=[review.pk, "contact"]),
        reverse("reviews:objectives", args=[review.pk]),
        reverse("reviews:entry", args=[review.pk, 5]),
        reverse("reviews:attachments", args=[review.pk]),
        reverse("reviews:history", args=[review.pk]),
        reverse("reviews:invite", args=[review.pk]),
        reverse("reviews:attachment", args=[review.pk, attachment_id]),
        reverse("reviews:detail", args=[year, iso3]),
        reverse("reviews:pdf", args=[year, iso3]),
    ]


@pytest.mark.parametrize("status", [ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED])
def test_state_b_reaches_no_page_file_or_pdf_of_state_a_unpublished_review(client, world, status):
    review = world.review
    review.status = status
    review.save(update_fields=["status"])
    focal_b = world.users["focal_b"]
    urls = review_urls(review, world.review_attachment.pk)
    missing = [u.replace(f"/{review.pk}/", "/999999/").replace("/COL/", "/XYZ/") for u in urls]
    for url, missing_url in zip(urls, missing, strict=True):
        assert_hidden(client, focal_b, url, missing_url.replace(f"/{world.review_attachment.pk}/", "/999999/"))
    # State A's own focal point does reach the workspace and the file (the pairs above are the right ones).
    client.force_login(world.users["focal_a"])
    assert client.get(urls[0]).status_code == 200
    assert client.get(urls[7]).status_code == 200


def test_state_a_file_cannot_be_fetched_or_removed_through_state_b_own_review(client, world):
    """Mixing ids: State B's own review with State A's attachment id."""
    review_b = complete_review(iso3="MEX")
    focal_b = world.users["focal_b"]
    attachment = world.review_attachment
    assert get(client, focal_b, reverse("reviews:attachment", args=[review_b.pk, attachment.pk])).status_code == 404
    client.post(reverse("reviews:attachment_delete", args=[review_b.pk, attachment.pk]))
    assert ReviewAttachment.objects.filter(pk=attachment.pk).exists()
    assert attachment.file.storage.exists(attachment.file.name)
    # And State B posting on State A's review itself is refused as if it did not exist.
    response = client.post(reverse("reviews:attachment_delete", args=[world.review.pk, attachment.pk]))
    assert response.status_code == 404 and ReviewAttachment.objects.filter(pk=attachment.pk).exists()


def test_a_published_review_its_file_and_pdf_are_public(client, world, django_capture_on_commit_callbacks):
    review = world.review
    review.status, review.published_at = ReviewStatus.PUBLISHED, timezone.now()
    review.save(update_fields=["status", "published_at"])
    focal_b = world.users["focal_b"]
    assert get(client, focal_b, reverse("reviews:detail", args=[review.cycle.year, "COL"])).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the first request queues the build (202)
        get(client, focal_b, reverse("reviews:pdf", args=[review.cycle.year, "COL"]))
    pdf = get(client, focal_b, reverse("reviews:pdf", args=[review.cycle.year, "COL"]))
    assert pdf.status_code == 200 and body_of(pdf).startswith(b"%PDF")
    file = get(client, focal_b, reverse("reviews:attachment", args=[review.pk, world.review_attachment.pk]))
    assert file.status_code == 200 and body_of(file) == PDF_BYTES
    # Still, State B cannot edit it.
    assert get(client, focal_b, reverse("reviews:workspace", args=[review.pk])).status_code == 404


# --- Practices: another organization never reaches organization X's unpublished practice ----------------------

def test_other_organization_reaches_no_page_or_file_of_x_unpublished_practice(client, world, other_member):
    draft = world.practice_draft
    attachment = world.practice_attachment
    for url, missing_url in [
        (reverse("practices:detail", args=[draft.pk]), reverse("practices:detail", args=[999999])),
        (reverse("practices:edit", args=[draft.pk]), reverse("practices:edit", args=[999999])),
        (reverse("practices:submit", args=[draft.pk]), reverse("practices:submit", args=[999999])),
        (reverse("practices:attachment", args=[attachment.pk]), reverse("practices:attachment", args=[999999])),
        (reverse("practices:manage_detail", args=[draft.pk]), reverse("practices:manage_detail", args=[999999])),
    ]:
        assert_hidden(client, other_member, url, missing_url)
    response = client.post(reverse("practices:attachment_remove", args=[attachment.pk]))
    assert response.status_code == 404 and attachment.file.storage.exists(attachment.file.name)
    assert client.post(reverse("practices:withdraw", args=[draft.pk])).status_code == 404
    # X's member does reach them (the ids are the right ones).
    assert get(client, world.users["member"], reverse("practices:attachment", args=[attachment.pk])).status_code == 200


def test_practice_exports_feeds_and_api_hold_published_practices_only(client, world):
    hidden = [world.practice_draft.title, world.practice_in_review.title]
    for user in (world.users["member"], world.users["secretariat"]):
        for name in ("practices:export_csv", "practices:export_json", "practices:feed", "practices:feed_atom"):
            body = body_of(get(client, user, reverse(name))).decode()
            assert world.practice_published.title in body, name
            assert not any(title in body for title in hidden), name
        api = client.get("/api/v1/practices/").json()
        titles = json.dumps(api)
        assert world.practice_published.title in titles and not any(title in titles for title in hidden)
        assert client.get(f"/api/v1/practices/{world.practice_draft.pk}/").status_code == 404


# --- Pledges: files, pages and exports --------------------------------------------------------------------------

def test_other_organization_reaches_no_page_or_file_of_x_unpublished_pledge(client, world, other_member):
    draft = world.pledge_draft
    draft.supporting_file.save("draft-plan.pdf", ContentFile(PDF_BYTES), save=True)
    for url, missing_url in [
        (reverse("pledges:detail", args=[draft.pk]), reverse("pledges:detail", args=[999999])),
        (reverse("pledges:edit", args=[draft.pk]), reverse("pledges:edit", args=[999999])),
        (reverse("pledges:file", args=[draft.pk]), reverse("pledges:file", args=[999999])),
        (reverse("pledges:update_file", args=[world.update.pk]), reverse("pledges:update_file", args=[999999])),
        (reverse("pledges:progress", args=[world.pledge_published.pk]), reverse("pledges:progress", args=[999999])),
    ]:
        assert_hidden(client, other_member, url, missing_url)
    assert client.post(reverse("pledges:withdraw", args=[draft.pk])).status_code == 404
    assert get(client, world.users["member"], reverse("pledges:file", args=[draft.pk])).status_code == 200


def test_pledge_exports_hold_published_pledges_only(client, world):
    hidden = [world.pledge_draft.title, world.pledge_submitted.title, "Joint pledge of O"]
    for user in (world.users["member"], world.users["secretariat"]):
        for name in ("pledges:export_csv", "pledges:export_json"):
            body = body_of(get(client, user, reverse(name))).decode()
            assert world.pledge_published.title in body, name
            assert not any(title in body for title in hidden), name
        titles = json.dumps(client.get("/api/v1/pledges/").json())
        assert world.pledge_published.title in titles and not any(title in titles for title in hidden)


# --- Dialogues, secretariat documents -----------------------------------------------------------------------------

def test_the_join_link_reaches_registered_participants_only(client, world):
    dialogue = world.dialogue
    dialogue.join_url = "https://meet.un.example/secret-room-4711"
    dialogue.save(update_fields=["join_url"])
    channels = [reverse("dialogues:detail", args=[dialogue.pk]), reverse("dialogues:ics", args=[dialogue.pk]),
                reverse("dialogues:calendar_feed"), f"/api/v1/dialogues/{dialogue.pk}/", "/api/v1/dialogues/"]
    for user in (world.users["member"], world.users["focal_b"]):  # not registered
        for url in channels:
            assert "secret-room-4711" not in body_of(get(client, user, url)).decode(), url
    registered = world.users["user"]
    assert "secret-room-4711" in body_of(get(client, registered, channels[0])).decode()


def test_summary_documents_compilations_and_registrations_are_the_secretariat_s(client, world, other_member):
    urls = [reverse("secretariat:summary_download", args=[world.summary.pk]),
            reverse("dialogues:compilation_pdf", args=[1]),
            reverse("dialogues:registrations_csv", args=[world.dialogue.pk]),
            reverse("secretariat:audit_export")]
    for user in (other_member, world.users["member"], world.users["focal_a"], world.users["reviewer"]):
        for url in urls:
            assert get(client, user, url).status_code == 404, url
    assert_hidden(client, world.users["focal_a"], urls[0],
                  reverse("secretariat:summary_download", args=[999999]))
    download = get(client, world.users["secretariat"], urls[0])
    assert download.status_code == 200 and body_of(download) == PDF_BYTES


def test_organizations_awaiting_verification_are_not_offered_as_practice_partners(client, world):
    """A proposal the secretariat has not verified stays private: the practice form neither lists nor takes it."""
    client.force_login(world.users["member"])
    page = client.get(reverse("practices:create")).content.decode()
    assert "Organization Other" in page and world.unverified_org.name not in page
    response = client.post(reverse("practices:create"), {
        "title": "Partnered practice", "summary": "S.", "description": "D.", "language": "en", "version": 1,
        "submitted_as": f"org:{world.org_x.pk}", "partners": [world.unverified_org.pk]})
    assert response.status_code == 200 and "partners" in response.context["form"].errors
    # A partner chosen earlier stays choosable on the edit page of that practice.
    draft = world.practice_draft
    draft.partners.add(world.unverified_org)
    assert world.unverified_org.name in client.get(reverse("practices:edit", args=[draft.pk])).content.decode()


def test_lists_search_and_reference_pages_show_no_unpublished_object(client, world, other_member):
    """Titles and texts of unpublished objects appear in no list, search result or objective page."""
    hidden = [world.practice_draft.title, world.practice_in_review.title, world.pledge_draft.title,
              world.pledge_submitted.title, "A contribution of User", world.review.policy_environment]
    pages = [reverse("gcm:home"), reverse("gcm:objective", args=[5]), reverse("gcm:objective", args=[4]),
             reverse("gcm:round_table", args=[1]), reverse("practices:list"), reverse("pledges:list"),
             reverse("pledges:dashboard"), reverse("reviews:list"),
             reverse("dialogues:detail", args=[world.dialogue.pk]),
             reverse("dialogues:consultation", args=[world.consultation.pk]), "/api/v1/contributions/",
             "/api/v1/reviews/"]
    pages += [f"{reverse('search:results')}?q={word}" for word in ("Draft", "pledge", "contribution", "policy")]
    for user in (other_member, world.users["focal_b"], world.users["reviewer"]):
        for url in pages:
            response = get(client, user, url)
            assert response.status_code == 200, url
            text = body_of(response).decode()
            assert not [title for title in hidden if title in text], (url, user)
    search = body_of(get(client, other_member, f"{reverse('search:results')}?q=Published")).decode()
    assert world.practice_published.title in search  # the search does find what is published


def test_an_organization_admin_decides_memberships_of_their_own_organization_only(client, world):
    from accounts.enums import MembershipStatus
    from accounts.models import Membership

    elsewhere = MembershipFactory(organization=world.org_other, status=MembershipStatus.PENDING)
    client.force_login(world.users["org_admin"])
    for action in ("membership_approve", "membership_refuse", "membership_remove"):
        assert client.post(reverse(f"accounts:{action}", args=[elsewhere.pk])).status_code == 404
    assert Membership.objects.get(pk=elsewhere.pk).status == MembershipStatus.PENDING
    assert get(client, world.users["org_admin"],
               reverse("accounts:organization_manage", args=[world.org_other.pk])).status_code == 404
    # Their own organization's request they do decide.
    client.post(reverse("accounts:membership_approve", args=[world.pending_membership.pk]))
    assert Membership.objects.get(pk=world.pending_membership.pk).status == MembershipStatus.APPROVED
