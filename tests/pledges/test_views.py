"""Pages: permissions answer 404, the form keeps everything on errors with clear messages, partners declined
never appear publicly, list queries stay constant."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from pledges.enums import PartnerStatus, PledgeStatus
from pledges.models import Pledge
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory
from tests.pledges.factories import NARRATIVE, PartnerFactory, PledgeFactory, PublishedPledgeFactory

pytestmark = pytest.mark.django_db


def _login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def pledger_client(client, org_member):
    return _login(client, org_member)


def _form(organization, **overrides):
    data = {
        "pledger": f"org:{organization.pk}", "title": "Centres for migrants", "narrative": NARRATIVE,
        "types": ["technical"], "scope": "national", "objectives": ["4"], "start_date": "2026-01-01",
        "target_date": "2027-01-01", "contact_name": "Ana", "contact_email": "ana@example.org",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _pdf():
    return SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf")


# --- Permissions --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [PledgeStatus.DRAFT, PledgeStatus.SUBMITTED, PledgeStatus.REJECTED,
                                    PledgeStatus.WITHDRAWN])
def test_unpublished_pledge_answers_404_to_others_like_a_missing_one(client, user, status):
    pledge = PledgeFactory(status=status)
    _login(client, user)
    assert client.get(reverse("pledges:detail", args=[pledge.pk])).status_code == 404
    assert client.get(reverse("pledges:detail", args=[999999])).status_code == 404


def test_pledger_and_secretariat_see_a_draft(client, organization, org_member, secretariat_user):
    pledge = PledgeFactory(organization=organization)
    for viewer in (org_member, secretariat_user):
        _login(client, viewer)
        assert client.get(reverse("pledges:detail", args=[pledge.pk])).status_code == 200


def test_edit_of_someone_elses_or_published_pledge_is_404(pledger_client, organization):
    assert pledger_client.get(reverse("pledges:edit", args=[PledgeFactory().pk])).status_code == 404
    published = PublishedPledgeFactory(organization=organization)
    assert pledger_client.get(reverse("pledges:edit", args=[published.pk])).status_code == 404


def test_create_page_is_404_for_a_user_who_cannot_pledge(client, user):
    _login(client, user)
    assert client.get(reverse("pledges:create")).status_code == 404


def test_moderation_is_404_for_a_pledger(pledger_client, organization):
    pledge = PledgeFactory(organization=organization, status=PledgeStatus.SUBMITTED)
    assert pledger_client.get(reverse("pledges:moderate")).status_code == 404
    response = pledger_client.post(reverse("pledges:decide", args=[pledge.pk, "publish"]))
    assert response.status_code == 404
    assert Pledge.objects.get(pk=pledge.pk).status == PledgeStatus.SUBMITTED


def test_supporting_file_of_a_draft_is_404_for_others(client, user, organization, settings):
    pledge = PledgeFactory(organization=organization, supporting_file=_pdf())
    _login(client, user)
    assert client.get(reverse("pledges:file", args=[pledge.pk])).status_code == 404


# --- The form -----------------------------------------------------------------------------------------------------

def test_create_and_submit_through_the_form(pledger_client, organization):
    response = pledger_client.post(reverse("pledges:create"),
                                   {**_form(organization), "supporting_file": _pdf(), "submit": "1"})
    pledge = Pledge.objects.get()
    assert response.status_code == 302 and response.url == reverse("pledges:detail", args=[pledge.pk])
    assert pledge.status == PledgeStatus.SUBMITTED
    assert pledge.supporting_file.name.endswith(".pdf")
    assert [o.number for o in pledge.objectives.all()] == [4]


def test_short_narrative_on_submit_saves_the_draft_and_says_how_many_characters(pledger_client, organization):
    response = pledger_client.post(reverse("pledges:create"),
                                   {**_form(organization, narrative="Too short by far."), "submit": "1"})
    assert response.status_code == 200
    assert "The narrative has 17 characters; it needs at least 300." in response.content.decode()
    pledge = Pledge.objects.get()
    assert pledge.status == PledgeStatus.DRAFT and pledge.narrative == "Too short by far."
    assert f'value="{pledge.version}"' in response.content.decode()


def test_too_long_narrative_is_refused_with_the_count_and_the_text_kept(pledger_client, organization):
    text = "x" * 3005
    response = pledger_client.post(reverse("pledges:create"), _form(organization, narrative=text))
    body = response.content.decode()
    assert "The narrative has 3005 characters; at most 3000 are allowed. Please shorten it by 5 characters." in body
    assert text in body
    assert not Pledge.objects.exists()


def test_a_file_that_is_not_a_document_is_refused_with_a_clear_message(pledger_client, organization):
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 this is an executable", "application/pdf")
    response = pledger_client.post(reverse("pledges:create"), {**_form(organization), "supporting_file": fake})
    assert "“plan.pdf” is not an accepted file type. Accepted: PDF, Word (DOCX)" in response.content.decode()
    assert not Pledge.objects.exists()


def test_a_file_over_25_mb_is_refused(pledger_client, organization, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "x" * 5000)
    big = SimpleUploadedFile("plan.odt", buffer.getvalue() + b"\0" * 2048)
    response = pledger_client.post(reverse("pledges:create"), {**_form(organization), "supporting_file": big})
    assert "files may be at most 1.0\xa0KB" in response.content.decode()


def test_matching_an_unknown_reference_is_refused(pledger_client, organization):
    response = pledger_client.post(reverse("pledges:create"),
                                   _form(organization, matches_reference="IMRF2030-P-9999"))
    assert "No published pledge has the reference “IMRF2030-P-9999”." in response.content.decode()


def test_matching_a_published_pledge_by_reference(pledger_client, organization):
    other = PublishedPledgeFactory()
    pledger_client.post(reverse("pledges:create"), _form(organization, matches_reference=other.reference.lower()))
    assert Pledge.objects.exclude(pk=other.pk).get().matches == other


def test_stale_edit_shows_the_message_and_keeps_the_text(pledger_client, organization):
    pledge = PledgeFactory(organization=organization)
    Pledge.objects.filter(pk=pledge.pk).update(version=5)
    response = pledger_client.post(reverse("pledges:edit", args=[pledge.pk]),
                                   _form(organization, title="My newer title", version="1"))
    body = response.content.decode()
    assert "A colleague saved this part after you opened it." in body and "My newer title" in body
    assert Pledge.objects.get(pk=pledge.pk).title == pledge.title


def test_expired_session_post_is_stashed_and_restored(client, org_member, organization):
    pledge = PledgeFactory(organization=organization)
    url = reverse("pledges:edit", args=[pledge.pk])
    response = client.post(url, _form(organization, title="Typed before expiry"))
    assert response.status_code == 302
    restore = response.url.split("next=")[1]
    _login(client, org_member)
    from urllib.parse import unquote
    page = client.get(unquote(restore))
    assert "Typed before expiry" in page.content.decode()


# --- Joint pledges ------------------------------------------------------------------------------------------------

def test_declined_partner_never_appears_publicly(client, organization):
    pledge = PublishedPledgeFactory(organization=organization, title="Joint centres")
    confirmed = PartnerFactory(pledge=pledge, organization=OrganizationFactory(name="Yes Partners"),
                               status=PartnerStatus.CONFIRMED)
    PartnerFactory(pledge=pledge, organization=OrganizationFactory(name="Declining Partners"),
                   status=PartnerStatus.DECLINED)
    PartnerFactory(pledge=pledge, organization=OrganizationFactory(name="Silent Partners"))
    Pledge.objects.filter(pk=pledge.pk).update(is_joint=True)
    pages = [
        client.get(reverse("pledges:detail", args=[pledge.pk])),
        client.get(reverse("pledges:list")),
        client.get(reverse("pledges:export_csv")),
        client.get(reverse("pledges:export_json")),
        client.get(reverse("pledges:list"), {"q": "Declining"}),
    ]
    for response in pages[:4]:
        body = body_of(response).decode()
        assert confirmed.organization.name in body
        assert "Declining Partners" not in body and "Silent Partners" not in body
    assert 'data-pledge-id' not in pages[4].content.decode()


def test_partner_member_confirms_from_the_pledge_page(client, organization):
    pledge = PledgeFactory(organization=organization, status=PledgeStatus.SUBMITTED)
    partner = PartnerFactory(pledge=pledge)
    member = MembershipFactory(organization=partner.organization).user
    _login(client, member)
    page = client.get(reverse("pledges:detail", args=[pledge.pk]))
    assert f'data-invitation="{partner.pk}"' in page.content.decode()
    client.post(reverse("pledges:partner_respond", args=[partner.pk]), {"decision": "confirm"})
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.CONFIRMED


def test_partner_respond_by_outsider_is_404(client, user):
    partner = PartnerFactory(pledge=PublishedPledgeFactory())
    _login(client, user)
    assert client.post(reverse("pledges:partner_respond", args=[partner.pk]),
                       {"decision": "decline"}).status_code == 404


# --- Public list, filters and query counts ------------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 5])
def test_pledge_list_queries_do_not_grow(client, n, django_assert_num_queries):
    for _ in range(n):
        pledge = PublishedPledgeFactory(objectives=[1, 2])
        pledge.principles.set([1])
        PartnerFactory(pledge=pledge, status=PartnerStatus.CONFIRMED)
    PledgeFactory()  # a draft never shows
    with django_assert_num_queries(11):
        response = client.get(reverse("pledges:list"))
    assert response.content.decode().count("data-pledge-id") == n


@pytest.mark.parametrize("n", [1, 5])
def test_dashboard_queries_do_not_grow(client, n, django_assert_num_queries):
    for _ in range(n):
        PublishedPledgeFactory(objectives=[1, 2])
    with django_assert_num_queries(10):
        response = client.get(reverse("pledges:dashboard"))
    assert f'data-total="total">{n}<' in response.content.decode()


def test_list_filters_by_type_joint_and_mptf(client):
    financial = PublishedPledgeFactory(types=["financial"], amount=100, currency="USD", to_mptf=True)
    joint = PublishedPledgeFactory(is_joint=True)
    plain = PublishedPledgeFactory()

    def ids(**params):
        body = client.get(reverse("pledges:list"), params).content.decode()
        return {p.pk for p in (financial, joint, plain) if f'data-pledge-id="{p.pk}"' in body}

    assert ids(type="financial") == {financial.pk}
    assert ids(joint="joint") == {joint.pk}
    assert ids(joint="single") == {financial.pk, plain.pk}
    assert ids(mptf="yes") == {financial.pk}
    assert ids(mptf="no") == {joint.pk, plain.pk}


def test_exports_contain_the_filtered_set(client):
    kept = PublishedPledgeFactory(types=["financial"], amount=250000, currency="EUR", to_mptf=True,
                                  objectives=[20])
    PublishedPledgeFactory(objectives=[1])
    data = json.loads(body_of(client.get(reverse("pledges:export_json"), {"objective": 20})))
    assert [row["reference"] for row in data["pledges"]] == [kept.reference]
    assert data["pledges"][0]["amount"] == "250000.00" and data["pledges"][0]["to_mptf"] is True
    csv_text = body_of(client.get(reverse("pledges:export_csv"), {"objective": 20})).decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("reference,title,cycle,pledger")
    assert len(lines) == 2 and kept.reference in lines[1]


def test_objective_page_lists_its_pledges(client):
    pledge = PublishedPledgeFactory(objectives=[7], title="Vulnerability pledge")
    PledgeFactory(objectives=[7], title="Draft pledge")
    body = client.get(reverse("gcm:objective", args=[7])).content.decode()
    assert pledge.title in body and "Draft pledge" not in body
    body = client.get(reverse("gcm:round_table", args=[4])).content.decode()
    assert pledge.title in body


def test_home_counts_pledges_and_mptf(client):
    PublishedPledgeFactory(types=["financial"], amount=5, currency="USD", to_mptf=True)
    PublishedPledgeFactory()
    PledgeFactory(types=["financial"], to_mptf=True)
    body = client.get(reverse("gcm:home")).content.decode()
    assert '<p class="count mb-0" data-stat="pledges">2</p>' in body
    assert '<p class="count mb-0" data-stat="mptf">1</p>' in body


def test_secretariat_publishes_from_the_pledge_page(client, secretariat_user):
    pledge = PledgeFactory(status=PledgeStatus.SUBMITTED)
    _login(client, secretariat_user)
    assert "Pledges awaiting moderation" in client.get(reverse("secretariat:console")).content.decode()
    client.post(reverse("pledges:decide", args=[pledge.pk, "publish"]))
    assert Pledge.objects.get(pk=pledge.pk).status == PledgeStatus.PUBLISHED


def test_any_user_sees_published_but_not_pending_progress(client, organization, org_member):
    pledge = PublishedPledgeFactory(organization=organization)
    _login(client, org_member)
    client.post(reverse("pledges:progress", args=[pledge.pk]),
                {"progress": "in_progress", "date": "2026-06-01", "narrative": "Halfway there."})
    client.logout()
    assert "Halfway there." not in client.get(reverse("pledges:detail", args=[pledge.pk])).content.decode()


def test_moderation_asks_secretariat_staff_without_mfa_to_set_it_up(client, settings, secretariat_user):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = []
    pledge = PledgeFactory(status=PledgeStatus.SUBMITTED)
    _login(client, secretariat_user)
    response = client.post(reverse("pledges:decide", args=[pledge.pk, "publish"]))
    assert response.status_code == 302 and "/2fa/" in response.url
    assert Pledge.objects.get(pk=pledge.pk).status == PledgeStatus.SUBMITTED


@pytest.mark.parametrize("language,text", [("es", "Entre 300 y 3,000 caracteres"), ("fr", "Entre 300 et 3,000")])
def test_pledge_form_help_text_follows_the_interface_language(pledger_client, language, text):
    with translation.override(language):
        url = reverse("pledges:create")
    assert text in pledger_client.get(url).content.decode()


def body_of(response):
    """The body of a plain or a streamed response."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_pledge_form_saves_the_language_chosen_and_offers_the_page_language_first(pledger_client, organization):
    with translation.override("fr"):
        url = reverse("pledges:create")
    assert '<option value="fr" selected>' in pledger_client.get(url).content.decode()
    pledger_client.post(reverse("pledges:create"), _form(organization, language="es"))
    assert Pledge.objects.get().language == "es"


def test_pledge_form_without_a_language_keeps_the_pledge_language(pledger_client, organization):
    pledge = PledgeFactory(organization=organization, language="ru")
    pledger_client.post(reverse("pledges:edit", args=[pledge.pk]), {**_form(organization), "version": pledge.version})
    pledge.refresh_from_db()
    assert pledge.title == "Centres for migrants" and pledge.language == "ru"


def test_existing_pledges_take_their_author_language(organization):
    from importlib import import_module

    from django.apps import apps

    from tests.factories import UserFactory

    migration = import_module("pledges.migrations.0003_content_language")
    spanish, unknown = UserFactory(preferred_language="es"), UserFactory(preferred_language="de")
    first = PledgeFactory(organization=organization, created_by=spanish)
    second = PledgeFactory(organization=organization, created_by=unknown)
    migration.from_author(apps, None)
    assert Pledge.objects.get(pk=first.pk).language == "es"
    assert Pledge.objects.get(pk=second.pk).language == "en"


def test_progress_update_is_in_the_language_chosen_or_else_the_pledge_language(client, organization, org_member,
                                                                               secretariat_user):
    from pledges.models import ProgressUpdate
    from pledges.services import progress_update_publish

    pledge = PublishedPledgeFactory(organization=organization, language="ar")
    _login(client, org_member)
    url = reverse("pledges:progress", args=[pledge.pk])
    assert '<option value="ar" selected>' in client.get(url).content.decode()
    client.post(url, {"progress": "in_progress", "date": "2026-06-01", "narrative": "تقدم"})
    client.post(url, {"progress": "fulfilled", "date": "2026-07-01", "narrative": "Done.", "language": "en"})
    updates = {u.narrative: u for u in ProgressUpdate.objects.all()}
    assert (updates["تقدم"].language, updates["Done."].language) == ("ar", "en")
    for update in updates.values():
        progress_update_publish(update_id=update.pk, by=secretariat_user)
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert '<div lang="ar" dir="rtl"><p>تقدم</p></div>' in page and '<div lang="en"><p>Done.</p></div>' in page


def test_existing_progress_updates_take_their_pledge_language(organization):
    from importlib import import_module

    from django.apps import apps

    from pledges.models import ProgressUpdate
    from tests.pledges.factories import ProgressUpdateFactory

    update = ProgressUpdateFactory(pledge=PublishedPledgeFactory(organization=organization, language="fr"))
    import_module("pledges.migrations.0006_progress_update_language").from_pledge(apps, None)
    assert ProgressUpdate.objects.get(pk=update.pk).language == "fr"
