import pytest
from django.urls import reverse

from gcm.models import Cycle, RoundTable
from secretariat.models import SummaryDocument, SummaryKind, SummaryStatus
from secretariat.services import summary_build, summary_request
from tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db


def document_text(document):
    with document.file.open("rb") as handle:
        return pdf_text(handle.read())


def test_requesting_an_overview_builds_a_pdf_after_commit(secretariat_user, django_capture_on_commit_callbacks,
                                                          tmp_path):
    with django_capture_on_commit_callbacks(execute=True):
        document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=SummaryKind.OVERVIEW,
                                   language="en")
    document.refresh_from_db()
    assert document.status == SummaryStatus.DONE
    text = document_text(document)
    assert "IMRF 2030" in text and "Preparation overview" in text
    assert "Round table 4: Data, information and evidence-based policy" in text


def test_a_round_table_summary_in_spanish_has_only_that_round_table(secretariat_user, tmp_path,
                                                                   django_capture_on_commit_callbacks):
    table = RoundTable.objects.get(number=3)
    with django_capture_on_commit_callbacks(execute=True):
        document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(),
                                   kind=SummaryKind.ROUND_TABLE, round_table=table, language="es")
    document.refresh_from_db()
    text = document_text(document)
    assert "Inclusión" in text
    assert "Remesas" in text  # objective 20, in Spanish
    assert "Salvar vidas" not in text  # objective 8 belongs to round table 2


def test_building_twice_leaves_a_done_document_alone(secretariat_user):
    document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=SummaryKind.OVERVIEW,
                               language="fr")
    first = summary_build(document_id=document.pk)
    name = first.file.name
    second = summary_build(document_id=document.pk)
    assert second.status == SummaryStatus.DONE and second.file.name == name


def test_a_failed_build_is_recorded_and_can_be_retried(secretariat_user, monkeypatch):
    from secretariat import services

    document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=SummaryKind.OVERVIEW,
                               language="en")

    def broken(*args, **kwargs):
        raise RuntimeError("fonts missing")

    monkeypatch.setattr(services, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        summary_build(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == SummaryStatus.FAILED and "fonts missing" in document.error
    monkeypatch.undo()
    assert summary_build(document_id=document.pk).status == SummaryStatus.DONE


def test_console_request_and_download(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("secretariat:summaries"), {
            "kind": "round_table", "round_table": "", "cycle": Cycle.objects.active().pk, "language": "en"})
    assert response.status_code == 200
    assert "Choose the round table." in response.content.decode()
    assert not SummaryDocument.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("secretariat:summaries"), {
            "kind": "overview", "cycle": Cycle.objects.active().pk, "language": "en"})
    assert response.status_code == 302
    document = SummaryDocument.objects.get()
    response = staff_client.get(reverse("secretariat:summary_download", args=[document.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_summaries_are_404_for_non_staff(client, user, secretariat_user):
    document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=SummaryKind.OVERVIEW,
                               language="en")
    client.force_login(user)
    assert client.get(reverse("secretariat:summaries")).status_code == 404
    assert client.get(reverse("secretariat:summary_download", args=[document.pk])).status_code == 404
