"""Bad uploads through the real views of every app that accepts files: each is refused with a clear form message
(never a 500), nothing is stored, nothing is written outside MEDIA_ROOT; stored names are generated; downloads
are sent as attachments with `nosniff`."""

import io
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import stored_upload_name, validate_upload
from dialogues.models import Material
from pledges.models import Pledge, ProgressUpdate
from practices.models import Attachment
from reviews.models import ReviewAttachment
from tests.dialogues.factories import DialogueFactory
from tests.pledges.factories import NARRATIVE, PledgeFactory, PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import ReviewFactory
from tests.uploadfiles import PDF, PNG, office_file

pytestmark = pytest.mark.django_db


@dataclass
class Target:
    url: str
    data: dict
    field: str
    count: object  # callable: rows holding an upload


def review_target(client, focal_point, **_):
    review = ReviewFactory()
    client.force_login(focal_point)
    return Target(reverse("reviews:attachments", args=[review.pk]), {"kind": "report", "title": "Report"}, "file",
                  ReviewAttachment.objects.count)


def practice_target(client, **_):
    practice = PracticeFactory()
    client.force_login(practice.submitter)
    return Target(reverse("practices:attachment_add", args=[practice.pk]), {"kind": "document"}, "file",
                  Attachment.objects.count)


def pledge_target(client, organization, org_member, **_):
    client.force_login(org_member)
    data = {"pledger": f"org:{organization.pk}", "title": "Centres", "narrative": NARRATIVE, "types": ["technical"],
            "scope": "national", "objectives": ["4"], "start_date": "2026-01-01", "target_date": "2027-01-01",
            "contact_name": "Ana", "contact_email": "ana@example.org"}
    return Target(reverse("pledges:create"), data, "supporting_file", Pledge.objects.count)


def progress_target(client, organization, org_member, **_):
    pledge = PublishedPledgeFactory(organization=organization)
    client.force_login(org_member)
    data = {"progress": "in_progress", "date": date.today().isoformat(), "narrative": "Two centres opened."}
    return Target(reverse("pledges:progress", args=[pledge.pk]), data, "evidence_file",
                  ProgressUpdate.objects.count)


def material_target(client, secretariat_user, **_):
    dialogue = DialogueFactory()
    client.force_login(secretariat_user)
    return Target(reverse("dialogues:materials", args=[dialogue.pk]), {"title": "Concept note", "language": "en"},
                  "file", Material.objects.count)


TARGETS = [review_target, practice_target, pledge_target, progress_target, material_target]


@pytest.fixture(params=TARGETS, ids=lambda f: f.__name__.removesuffix("_target"))
def target(request, client, focal_point, organization, org_member, secretariat_user):
    return request.param(client, focal_point=focal_point, organization=organization, org_member=org_member,
                         secretariat_user=secretariat_user)


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


BOMB = ("word/media/image1.bin", b"\0" * (8 * 1024 * 1024))
BAD_FILES = {
    "html_named_pdf": ("report.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>",
                       "not an accepted file type"),
    "executable_named_docx": ("report.docx", b"MZ\x90\x00" + b"\0" * 200, "not an accepted file type"),
    "plain_zip_named_docx": ("report.docx", zip_bytes([("notes.txt", "hello")]), "not an accepted file type"),
    "fake_ooxml_docx": ("report.docx", zip_bytes([("[Content_Types].xml", "<Types/>"), ("word/x.xml", "<x/>")]),
                        "is not a valid Word (DOCX) document"),
    "xlsx_content_named_docx": ("report.docx", office_file("xlsx"), "please rename it"),
    "png_where_documents_expected": ("photo.png", PNG, "not an accepted file type"),
    "pdf_with_appended_zip": ("report.pdf", PDF + office_file("docx"), "also contains another kind of content"),
    "pdf_with_script_markup": ("report.pdf", PDF + b"<script>fetch('/')</script>", "also contains another kind"),
    "docx_with_data_before_it": ("report.docx", b"junk" + office_file("docx"), "not an accepted file type"),
    "docx_with_data_after_it": ("report.docx", office_file("docx") + b"<html>hi</html>" * 10,
                                "is not a valid Word (DOCX) document"),
    "docx_zip_bomb": ("report.docx", office_file("docx", extra=[BOMB]), "is compressed far more than a real document"),
    "xlsx_zip_bomb": ("annex.xlsx", office_file("xlsx", extra=[("xl/media/x.bin", BOMB[1])]),
                      "is compressed far more than a real document"),
    "empty": ("report.pdf", b"", "The submitted file is empty"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_upload_is_refused_with_a_clear_message_and_nothing_is_stored(client, target, case, settings):
    name, content, message = BAD_FILES[case]
    before = target.count()
    response = client.post(target.url, {**target.data, target.field: SimpleUploadedFile(name, content)}, follow=True)
    assert response.status_code == 200  # the form again, or (practices) the edit page with the message
    body = response.content.decode()
    assert message in body, body[:3000]
    assert 'class="invalid-feedback' in body or "alert-danger" in body
    assert target.count() == before
    assert media_files(settings) == []


def test_an_oversized_upload_is_refused_with_both_sizes(client, target, settings):
    settings.UPLOAD_MAX_BYTES = 2048
    before = target.count()
    big = SimpleUploadedFile("big.pdf", PDF + b" " * 4096)
    response = client.post(target.url, {**target.data, target.field: big}, follow=True)
    assert response.status_code == 200
    assert "files may be at most 2.0\xa0KB" in response.content.decode()
    assert target.count() == before and media_files(settings) == []


def test_a_docx_expanding_past_the_cap_is_refused(client, target, settings):
    settings.UPLOAD_MAX_UNCOMPRESSED_BYTES = 64 * 1024
    content = office_file("docx", extra=[("word/media/a.bin", bytes(range(256)) * 512)])
    response = client.post(target.url, {**target.data, target.field: SimpleUploadedFile("report.docx", content)},
                           follow=True)
    assert "expands to 128.3\xa0KB when opened, more than the 64.0\xa0KB allowed" in response.content.decode()
    assert media_files(settings) == []


def multipart(data, field, filename, content):
    """A request body as a browser would build it, with a file name the test client would otherwise clean."""
    boundary = "----femiBoundary" + uuid.uuid4().hex
    parts = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{item}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                 "Content-Type: application/pdf\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("filename", [
    "../../../../escaped-{token}.pdf", "..\\..\\..\\escaped-{token}.pdf", "/tmp/escaped-{token}.pdf",
    "escaped-{token}\x00.exe.pdf", "escaped-{token}%00.pdf", "escaped-{token}.pdf\x00.html",
])
def test_a_path_or_nul_in_the_name_never_leaves_media_root(client, target, settings, tmp_path, filename):
    token = uuid.uuid4().hex[:12]
    body, content_type = multipart(target.data, target.field, filename.format(token=token), PDF)
    before = target.count()
    response = client.post(target.url, body, content_type=content_type, follow=True)
    assert response.status_code == 200
    outside = [p for p in Path("/").glob(f"tmp/**/escaped-{token}*") if Path(settings.MEDIA_ROOT) not in p.parents]
    assert outside == []
    stored = media_files(settings)
    if target.count() > before:  # accepted under a generated name, inside MEDIA_ROOT
        assert target.count() == before + 1 and len(stored) == 1
        assert "\x00" not in stored[0].name and ".." not in stored[0].relative_to(settings.MEDIA_ROOT).parts
        assert stored[0].resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    else:  # refused with a message
        body = response.content.decode()
        assert "not allowed" in body or "not an accepted" in body or "please rename it" in body
        assert stored == [] and target.count() == before


@pytest.mark.parametrize("name", ["../secret.pdf", "a/b.pdf", "a\\b.pdf", "nul\x00.pdf", "tab\t.pdf", "..", " . "])
def test_names_a_browser_never_sends_are_refused_by_the_shared_check(name):
    with pytest.raises(ValidationError) as err:
        validate_upload(_named(name, PDF))
    assert err.value.code == "bad_name"
    assert "contains a character that is not allowed" in err.value.messages[0]


def _named(name, content):
    # An UploadedFile would clean the name itself; a plain File handed to a service directly does not.
    return File(io.BytesIO(content), name=name)


@pytest.mark.parametrize("name,expected_base", [
    ("../../etc/passwd.pdf", "passwd.pdf"), ("C:\\Users\\a\\report.pdf", "report.pdf"),
    ("rapport été 2026.pdf", "rapport_été_2026.pdf"), ("\x00.pdf", "file.pdf"), ("😀😀.docx", "file.docx"),
    ("a" * 300 + ".pdf", "a" * 80 + ".pdf"),
])
def test_stored_names_are_generated_inside_the_given_folder(name, expected_base):
    stored = stored_upload_name("practices/7", name)
    folder, token, base = stored.split("/")[1:] if stored.count("/") == 3 else ("", "", "")
    assert stored.startswith("practices/7/") and folder == "7" and len(token) == 16 and base == expected_base
    assert stored_upload_name("practices/7", name) != stored  # a fresh folder each time: nothing is overwritten


def test_an_accepted_upload_is_stored_under_a_generated_name(client, target, settings):
    before = target.count()
    client.post(target.url, {**target.data, target.field: SimpleUploadedFile("plan.docx", office_file("docx"))})
    assert target.count() == before + 1
    [stored] = media_files(settings)
    assert stored.name == "plan.docx" and len(stored.parent.name) in (4, 16)  # year folder for materials


# --- Downloads ------------------------------------------------------------------------------------------------

def test_every_download_of_an_upload_is_an_attachment_with_nosniff(client, focal_point, organization, org_member,
                                                                      secretariat_user):
    review = ReviewFactory()
    review_file = review.attachments.create(kind="report", file=SimpleUploadedFile("r.pdf", PDF))
    practice = PracticeFactory()
    practice_file = practice.attachments.create(kind="document", file=SimpleUploadedFile("p.pdf", PDF))
    pledge = PledgeFactory(organization=organization, supporting_file=SimpleUploadedFile("s.pdf", PDF))
    published = PublishedPledgeFactory(organization=organization)
    update = published.updates.create(progress="planned", date=date.today(), narrative="x", author=org_member,
                                      evidence_file=SimpleUploadedFile("e.pdf", PDF))
    material = DialogueFactory().materials.create(title="Note", file=SimpleUploadedFile("m.pdf", PDF))
    downloads = [
        (focal_point, reverse("reviews:attachment", args=[review.pk, review_file.pk]), "r.pdf"),
        (practice.submitter, reverse("practices:attachment", args=[practice_file.pk]), "p.pdf"),
        (org_member, reverse("pledges:file", args=[pledge.pk]), "s.pdf"),
        (secretariat_user, reverse("pledges:update_file", args=[update.pk]), "e.pdf"),
        (None, reverse("dialogues:material", args=[material.pk]), "m.pdf"),
    ]
    for viewer, url, filename in downloads:
        client.logout()
        if viewer:
            client.force_login(viewer)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"', url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert b"".join(response.streaming_content) == PDF


def test_a_practice_attachment_is_404_while_the_practice_is_hidden(client, user):
    practice = PracticeFactory()
    attachment = practice.attachments.create(kind="document", file=SimpleUploadedFile("p.pdf", PDF))
    client.force_login(user)
    hidden = client.get(reverse("practices:attachment", args=[attachment.pk]))
    missing = client.get(reverse("practices:attachment", args=[attachment.pk + 1000]))
    assert hidden.status_code == missing.status_code == 404


def test_a_link_material_has_no_download(client):
    material = DialogueFactory().materials.create(title="Note", url="https://un.example/note")
    assert client.get(reverse("dialogues:material", args=[material.pk])).status_code == 404
    assert material.href == "https://un.example/note"

