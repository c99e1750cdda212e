"""The pages: who sees what (404 for anything of another State before publication), drafts that never lose
text, the public list with a constant number of queries, the PDF."""


import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEvent
from reviews.enums import ReviewStatus
from reviews.models import Review
from tests.factories import FocalPointFactory
from tests.pdftext import pdf_text

from .factories import ReviewFactory, complete_review

S = ReviewStatus
pytestmark = pytest.mark.django_db

STATE_URLS = [
    ("reviews:workspace", ()), ("reviews:section", ("policy",)), ("reviews:objectives", ()),
    ("reviews:entry", (5,)), ("reviews:attachments", ()), ("reviews:history", ()), ("reviews:invite", ()),
]
STATE_POSTS = [
    ("reviews:submit", ()), ("reviews:section", ("policy",)), ("reviews:entry", (5,)),
    ("reviews:entry_delete", (5,)), ("reviews:extension", ()), ("reviews:invite", ()),
    ("reviews:attachments", ()),
]


@pytest.mark.parametrize("name,args", STATE_URLS)
@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.RETURNED, S.ACCEPTED])
def test_focal_point_of_another_state_gets_404_on_every_page(client, mexico_focal_point, name, args, status):
    review = complete_review(status=status)
    client.force_login(mexico_focal_point)
    assert client.get(reverse(name, args=[review.pk, *args])).status_code == 404
    missing = client.get(reverse(name, args=[review.pk + 1000, *args]))
    assert missing.status_code == 404


@pytest.mark.parametrize("name,args", STATE_POSTS)
def test_focal_point_of_another_state_gets_404_on_every_post_and_changes_nothing(client, mexico_focal_point, name,
                                                                                  args):
    review = complete_review()
    client.force_login(mexico_focal_point)
    response = client.post(reverse(name, args=[review.pk, *args]),
                           {"version": 1, "policy_environment": "x", "progress": "x", "email": "a@b.example"})
    assert response.status_code == 404
    assert Review.objects.get(pk=review.pk).version == review.version
    assert not AuditEvent.objects.exists()


def test_unpublished_review_has_no_public_page_or_pdf_and_attachment_is_hidden(client, mexico_focal_point):
    review = complete_review(status=S.ACCEPTED)
    attachment = review.attachments.create(kind="report", file=SimpleUploadedFile("r.pdf", b"%PDF-1.4 x"))
    client.force_login(mexico_focal_point)
    assert client.get(reverse("reviews:detail", args=[review.cycle.year, "COL"])).status_code == 404
    assert client.get(reverse("reviews:pdf", args=[review.cycle.year, "COL"])).status_code == 404
    assert client.get(reverse("reviews:attachment", args=[review.pk, attachment.pk])).status_code == 404


def test_state_and_secretariat_pages_for_the_right_people(client, focal_point, secretariat_user):
    review = complete_review(status=S.SUBMITTED)
    client.force_login(focal_point)
    assert client.get(reverse("reviews:workspace", args=[review.pk])).status_code == 200
    assert client.get(reverse("reviews:moderate", args=[review.pk])).status_code == 404
    assert client.get(reverse("reviews:queue")).status_code == 404
    client.force_login(secretariat_user)
    assert client.get(reverse("reviews:workspace", args=[review.pk])).status_code == 200
    page = client.get(reverse("reviews:queue"))
    assert f'data-review-id="{review.pk}"'.encode() in page.content
    assert client.get(reverse("reviews:moderate", args=[review.pk])).status_code == 200


def test_anonymous_user_is_sent_to_sign_in(client):
    review = ReviewFactory()
    response = client.get(reverse("reviews:workspace", args=[review.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- Drafts never lose text ----------------------------------------------------------------------------------------

def test_section_save_with_partial_data_then_progress(client, focal_point):
    review = ReviewFactory()
    client.force_login(focal_point)
    url = reverse("reviews:section", args=[review.pk, "policy"])
    response = client.post(url, {"version": 1, "policy_environment": "A national policy."})
    assert response.status_code == 302
    workspace = client.get(reverse("reviews:workspace", args=[review.pk])).content.decode()
    assert "1 of 6 sections complete" in workspace


def test_stale_save_is_refused_and_the_users_text_is_shown_back(client, focal_point):
    review = ReviewFactory(policy_environment="Original.")
    colleague = FocalPointFactory().user
    client.force_login(colleague)
    client.post(reverse("reviews:section", args=[review.pk, "policy"]),
                {"version": 1, "policy_environment": "The colleague's newer text."})
    client.force_login(focal_point)
    response = client.post(reverse("reviews:section", args=[review.pk, "policy"]),
                           {"version": 1, "policy_environment": "My own long paragraph."})
    assert response.status_code == 200
    body = response.content.decode()
    assert "A colleague saved this part after you opened it" in body
    assert "My own long paragraph." in body
    assert Review.objects.get(pk=review.pk).policy_environment == "The colleague's newer text."


def test_stale_entry_save_is_refused_and_the_text_shown_back(client, focal_point):
    review = complete_review()
    client.force_login(focal_point)
    url = reverse("reviews:entry", args=[review.pk, 5])
    client.post(url, {"version": 1, "progress": "First save."})
    response = client.post(url, {"version": 1, "progress": "Stale save text."})
    assert response.status_code == 200 and "Stale save text." in response.content.decode()
    assert review.entries.get(objective__number=5).progress == "First save."


def test_validation_error_keeps_every_field_typed(client, focal_point):
    review = ReviewFactory()
    client.force_login(focal_point)
    response = client.post(reverse("reviews:section", args=[review.pk, "contact"]), {
        "version": 1, "contact_email": "not-an-address", "consultation_process": "Workshops in March.",
    })
    body = response.content.decode()
    assert response.status_code == 200 and "error-summary" in body
    assert "Workshops in March." in body and "not-an-address" in body
    assert Review.objects.get(pk=review.pk).consultation_process == ""


def test_expired_session_post_is_stashed_and_restored_after_sign_in(client, focal_point):
    review = ReviewFactory()
    url = reverse("reviews:section", args=[review.pk, "next-steps"])
    response = client.post(url, {"version": 1, "next_steps": "Text typed before the session expired."})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    next_url = response["Location"].split("next=")[1]
    from urllib.parse import unquote

    client.force_login(focal_point)
    restored = client.get(unquote(next_url))
    assert "Text typed before the session expired." in restored.content.decode()
    assert Review.objects.get(pk=review.pk).next_steps == ""


def test_submit_with_gaps_lists_every_missing_item_with_links(client, focal_point):
    review = ReviewFactory(contact_name="Ana")
    client.force_login(focal_point)
    response = client.post(reverse("reviews:submit", args=[review.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and 'id="submit-gaps"' in body
    for url in (reverse("reviews:section", args=[review.pk, "policy"]) + "#id_policy_environment",
                reverse("reviews:objectives", args=[review.pk]),
                reverse("reviews:section", args=[review.pk, "next-steps"]) + "#id_next_steps"):
        assert f'href="{url}"' in body
    assert Review.objects.get(pk=review.pk).status == S.DRAFT


def test_submitted_review_cannot_be_edited_by_the_state(client, focal_point):
    review = complete_review(status=S.SUBMITTED)
    client.force_login(focal_point)
    response = client.post(reverse("reviews:section", args=[review.pk, "policy"]),
                           {"version": review.version, "policy_environment": "Changed."})
    assert response.status_code == 302
    assert Review.objects.get(pk=review.pk).policy_environment != "Changed."


def test_attachment_upload_checks_the_type(client, focal_point):
    review = ReviewFactory()
    client.force_login(focal_point)
    url = reverse("reviews:attachments", args=[review.pk])
    bad = client.post(url, {"kind": "report", "file": SimpleUploadedFile("report.pdf", b"MZ not a pdf")})
    assert bad.status_code == 200 and "not an accepted file type" in bad.content.decode()
    good = client.post(url, {"kind": "report", "title": "National report",
                             "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n")})
    assert good.status_code == 302
    assert review.attachments.get().title == "National report"


def test_history_shows_who_changed_which_field(client, focal_point):
    review = ReviewFactory()
    client.force_login(focal_point)
    client.post(reverse("reviews:section", args=[review.pk, "policy"]),
                {"version": 1, "policy_environment": "A law."})
    body = client.get(reverse("reviews:history", args=[review.pk])).content.decode()
    assert focal_point.display_name in body and "policy environment" in body


# --- Public pages ---------------------------------------------------------------------------------------------------

STATES = ["COL", "MEX", "FRA", "KEN", "SEN"]


@pytest.mark.parametrize("n", [1, 5])
def test_public_list_keeps_a_constant_number_of_queries(client, n, django_assert_num_queries):
    for iso3 in STATES[:n]:
        complete_review(status=S.PUBLISHED, iso3=iso3, objectives=(2, 5, 19))
    # active cycle, cycles, filter's objective and round-table options, count, rows, their entries, overview
    # (reviews, States)
    with django_assert_num_queries(9):
        response = client.get(reverse("reviews:list"))
    assert response.content.count(b"data-review-id=") == n


@pytest.mark.parametrize("n", [1, 5])
def test_secretariat_queue_keeps_a_constant_number_of_queries(client, n, secretariat_user,
                                                              django_assert_num_queries):
    for iso3 in STATES[:n]:
        complete_review(status=S.SUBMITTED, iso3=iso3)
    client.force_login(secretariat_user)
    client.get(reverse("reviews:queue"))
    # session, user, group check, count, counts per status, rows, pending extensions
    with django_assert_num_queries(7):
        response = client.get(reverse("reviews:queue"))
    assert response.content.count(b"data-review-id=") == n


def test_public_list_filters_and_status_overview(client):
    complete_review(status=S.PUBLISHED, iso3="COL", objectives=(5,))
    complete_review(status=S.PUBLISHED, iso3="FRA", objectives=(8,))
    complete_review(status=S.SUBMITTED, iso3="KEN")
    complete_review(status=S.DRAFT, iso3="SEN")
    url = reverse("reviews:list")
    assert client.get(url, {"region": "europe"}).content.count(b"data-review-id=") == 1
    assert client.get(url, {"objective": 5}).content.count(b"data-review-id=") == 1
    assert client.get(url, {"champion": "yes"}).content.count(b"data-review-id=") == 1  # Colombia is a champion
    assert client.get(url, {"commission": "eca"}).content.count(b"data-review-id=") == 0
    response = client.get(url)
    counts = {status: count for status, _label, count in response.context["overview"]["counts"]}
    assert counts == {"published": 2, "submitted": 1, "not_yet": 190}
    assert response.content.count(b"data-state=") == 193


def test_public_detail_shows_the_published_review(client):
    review = complete_review(status=S.PUBLISHED, objectives=(5, 19))
    response = client.get(reverse("reviews:detail", args=[review.cycle.year, "col"]))
    body = response.content.decode()
    assert response.status_code == 200
    for text in ("Three national workshops", "A new national migration policy", "Progress on objective 19",
                 "gender-responsive", "Migration MPTF", "regularization decree"):
        assert text in body


def test_objective_page_lists_published_entries_only(client):
    complete_review(status=S.PUBLISHED, iso3="COL", objectives=(5,))
    complete_review(status=S.SUBMITTED, iso3="MEX", objectives=(5,))
    body = client.get(reverse("gcm:objective", args=[5])).content.decode()
    assert "Colombia" in body and "Mexico" not in body
    assert body.count("data-review-entry=") == 1


def test_round_table_page_lists_published_entries_of_its_objectives_only(client):
    complete_review(status=S.PUBLISHED, iso3="COL", objectives=(5, 15))  # 5: round table 1; 15: round table 3
    complete_review(status=S.SUBMITTED, iso3="MEX", objectives=(5,))
    body = client.get(reverse("gcm:round_table", args=[1])).content.decode()
    assert "Colombia" in body and "Mexico" not in body
    assert body.count("data-review-entry=") == 1
    assert "Progress on objective 5." in body and "Progress on objective 15." not in body


def test_home_counts_published_reviews(client):
    complete_review(status=S.PUBLISHED)
    complete_review(status=S.SUBMITTED, iso3="MEX")
    body = client.get(reverse("gcm:home")).content.decode()
    assert 'data-stat="reviews">1<' in body


# --- PDF ------------------------------------------------------------------------------------------------------------

def test_pdf_opens_and_shows_every_answered_section(client, tmp_path, django_capture_on_commit_callbacks):
    review = complete_review(status=S.PUBLISHED, objectives=(5, 19))
    review.attachments.create(kind="report", title="Full national report",
                              file=SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n"))
    url = reverse("reviews:pdf", args=[review.cycle.year, "COL"])
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.get(url)  # the build is queued after commit
    assert pending.status_code == 202 and "being prepared" in pending.content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    for expected in ("Voluntary review of Colombia", "Contact and consultation process", "Ana Pérez",
                     "Ministry of Labour", "Migrants", "Three national workshops",
                     "Policy and institutional environment", "A new national migration policy",
                     "inter-ministerial migration committee", "Progress on objective 5", "Challenges on objective 19",
                     "Good practice 5", "Support for objective 19", "Guiding principles", "gender-responsive",
                     "Means of implementation and partnerships", "Migration MPTF", "joint programme",
                     "Next steps and priorities", "regularization decree", "Full national report"):
        assert expected in text, expected


def test_pdf_is_cached_until_the_review_changes(client, django_capture_on_commit_callbacks):
    from reviews import services

    review = complete_review(status=S.PUBLISHED)
    url = reverse("reviews:pdf", args=[review.cycle.year, "COL"])
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    review.refresh_from_db()
    first = review.pdf_file.name
    assert review.pdf_version == review.version
    assert services.review_build_pdf(review_id=review.pk) is False  # current: not rebuilt
    Review.objects.filter(pk=review.pk).update(version=review.version + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url).status_code == 202
    review.refresh_from_db()
    assert review.pdf_file.name != first and review.pdf_version == review.version
