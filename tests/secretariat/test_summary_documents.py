"""The four summary documents: pending → done through the Celery task (or → failed with the error shown), and
their PDFs read back as text: cover, contents with page numbers, running footers, expected States and totals."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import Notification
from gcm.models import Cycle
from pledges.enums import PartnerStatus, ProgressStatus
from practices.enums import PracticeStatus
from reviews.enums import ExtensionStatus, ReviewStatus
from reviews.models import DeadlineExtension
from secretariat.models import SummaryDocument, SummaryKind, SummaryStatus
from secretariat.services import summary_request
from secretariat.tasks import build_summary_task
from tests.factories import OrganizationFactory
from tests.pdftext import pdf_page_count, pdf_text
from tests.pledges.factories import PartnerFactory, PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    now = timezone.now()
    colombia = complete_review(status=ReviewStatus.PUBLISHED, iso3="COL", objectives=(5, 23),
                               submitted_at=now, published_at=now)
    complete_review(status=ReviewStatus.PUBLISHED, iso3="KEN", objectives=(8,), submitted_at=now, published_at=now)
    mexico = complete_review(status=ReviewStatus.SUBMITTED, iso3="MEX", submitted_at=datetime.datetime(
        2030, 2, 14, tzinfo=datetime.UTC))
    DeadlineExtension.objects.create(review=mexico, requested_until=datetime.date(2030, 4, 30), reason="Elections",
                                     status=ExtensionStatus.GRANTED, granted_until=datetime.date(2030, 4, 30))
    complete_review(status=ReviewStatus.DRAFT, iso3="FRA")
    PracticeFactory(status=PracticeStatus.PUBLISHED, title="Mobile consular registration", objectives=[14, 4])
    PracticeFactory(status=PracticeStatus.PUBLISHED, title="Safe rescue at sea", objectives=[8])
    PracticeFactory(status=PracticeStatus.SUBMITTED, title="Unpublished idea", objectives=[8])
    joint = PublishedPledgeFactory(title="Shared reception centres", progress_status=ProgressStatus.FULFILLED,
                                   is_joint=True)
    PartnerFactory(pledge=joint, organization=OrganizationFactory(name="Partner Alliance"),
                   status=PartnerStatus.CONFIRMED)
    PublishedPledgeFactory(title="Data training")
    return colombia


def build(staff, kind, language="en", django_capture_on_commit_callbacks=None):
    with django_capture_on_commit_callbacks(execute=True):
        document = summary_request(by=staff, cycle=Cycle.objects.active(), kind=kind, language=language)
    document.refresh_from_db()
    return document


def text_of(document):
    with document.file.open("rb") as handle:
        content = handle.read()
    return pdf_text(content), pdf_page_count(content)


def assert_book_structure(text, pages, title):
    assert title in text and "IMRF 2030" in text and "Data as of" in text  # cover, cycle, date of data
    assert "Contents" in text
    assert re.search(r"Page 2 of \d+", text) and f"Page {pages} of {pages}" in text  # running footers
    assert re.search(r"\.{3,}\s*\d+", text)  # table of contents entries end in their page number


def test_cycle_status_report(secretariat_user, data, django_capture_on_commit_callbacks):
    document = build(secretariat_user, SummaryKind.CYCLE_STATUS,
                     django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    assert document.status == SummaryStatus.DONE
    text, pages = text_of(document)
    assert_book_structure(text, pages, "Cycle status report")
    assert "3 of 193 Member States submitted, 2 published." in text
    assert "Caribbean" in text and "South America" in text and "Eastern Africa" in text
    assert "Colombia" in text and "Kenya" in text and "Mexico" in text and "Zimbabwe" in text
    assert "2030-02-14" in text and "granted: 2030-04-30" in text
    assert re.search(r"Total Americas: 2 of 35 submitted, 1 published", text)
    assert re.search(r"Totals by region \.+\s*3", text)  # the first chapter starts on page 3


def test_compendium_of_published_reviews(secretariat_user, data, django_capture_on_commit_callbacks):
    document = build(secretariat_user, SummaryKind.COMPENDIUM,
                     django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    text, pages = text_of(document)
    assert_book_structure(text, pages, "Compendium of published voluntary reviews")
    assert "2 published voluntary reviews" in text
    assert "Progress on objective 23." in text and "Support for objective 8." in text
    assert "Mexico" not in text  # submitted, not published
    assert re.search(r"Colombia \.+\s*3", text) and re.search(r"Kenya \.+\s*\d", text)


def test_practice_digest_by_objective(secretariat_user, data, django_capture_on_commit_callbacks):
    document = build(secretariat_user, SummaryKind.PRACTICE_DIGEST,
                     django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    text, pages = text_of(document)
    assert_book_structure(text, pages, "Practice repository digest")
    assert "2 published practices" in text
    assert text.count("Mobile consular registration") == 2  # under objectives 4 and 14
    assert "Unpublished idea" not in text
    assert re.search(r"8\. Save lives \.+\s*\d", text)


def test_pledge_campaign_summary_in_spanish(secretariat_user, data, django_capture_on_commit_callbacks):
    document = build(secretariat_user, SummaryKind.PLEDGE_CAMPAIGN, language="es",
                     django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    text, pages = text_of(document)
    assert "Resumen de la campaña de promesas" in text and "Contenido" in text
    assert f"Página {pages} de {pages}" in text
    assert "1 (50 %)" in text  # one of two pledges fulfilled
    assert "Shared reception centres" in text and "Partner Alliance" in text
    assert "Promesas por objetivo del Pacto Mundial" in text and "Promesas conjuntas" in text


def test_requester_is_told_when_the_summary_is_ready(secretariat_user, data, django_capture_on_commit_callbacks):
    document = build(secretariat_user, SummaryKind.PRACTICE_DIGEST,
                     django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    note = Notification.objects.get(template="secretariat_summary_ready")
    assert note.recipient == secretariat_user and note.context["document_id"] == document.pk


def test_the_celery_task_moves_pending_to_done(secretariat_user, data):
    document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=SummaryKind.COMPENDIUM,
                               language="fr")
    assert SummaryDocument.objects.get(pk=document.pk).status == SummaryStatus.PENDING
    build_summary_task.apply(kwargs={"document_id": document.pk}).get()
    document.refresh_from_db()
    assert document.status == SummaryStatus.DONE
    assert "Compendium des examens volontaires publiés" in text_of(document)[0]


def test_a_rendering_failure_is_shown_with_its_error(secretariat_user, data, staff_client, monkeypatch):
    from secretariat.summaries import cycle_status

    def broken(document):
        raise ValueError("template exploded")

    monkeypatch.setattr(cycle_status, "build", broken)
    document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=SummaryKind.CYCLE_STATUS,
                               language="en")
    with pytest.raises(ValueError):
        build_summary_task.apply(kwargs={"document_id": document.pk}).get()
    document.refresh_from_db()
    assert document.status == SummaryStatus.FAILED and document.error == "template exploded"
    assert "template exploded" in staff_client.get(reverse("secretariat:summaries")).content.decode()
    assert Notification.objects.filter(template="secretariat_summary_failed").exists()
