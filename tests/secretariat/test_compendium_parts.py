"""The compendium is drawn in parts (concurrently when SUMMARY_PDF_PROCESSES > 1) and joined: read back, the joined
PDF has one numbering — contents entries that give the page each State's chapter starts on, links to those pages,
"Page N of M" on every page but the cover, the running headers of every part — and a part that cannot be drawn
fails the document with the error, never leaves it running."""

import io
import os
import re
from concurrent.futures.process import BrokenProcessPool

import pytest
from django.utils import timezone
from pypdf import PdfReader

from gcm.models import Cycle
from reviews.enums import ReviewStatus
from secretariat.models import SummaryKind, SummaryStatus
from secretariat.services import summary_request
from secretariat.tasks import build_summary_task
from tests.reviews.factories import complete_review

pytestmark = pytest.mark.django_db

STATES = ("COL", "KEN", "FRA", "JPN", "BRA", "EGY", "CAN")
TITLE = "Compendium of published voluntary reviews"


@pytest.fixture
def reviews():
    now = timezone.now()
    long = "The plan was revised with the municipalities and civil society organizations. " * 60 * 2
    return [complete_review(status=ReviewStatus.PUBLISHED, iso3=iso3, objectives=tuple(range(1, 2 + i % 4)),
                            policy_environment=long if i % 2 else "A short answer.", submitted_at=now,
                            published_at=now) for i, iso3 in enumerate(STATES)]  # chapters of 1 to 3 pages


def build(staff, capture, language="en"):
    with capture(execute=True):
        document = summary_request(by=staff, cycle=Cycle.objects.active(), kind=SummaryKind.COMPENDIUM,
                                   language=language)
    document.refresh_from_db()
    return document


def read(document):
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return reader, [" ".join((page.extract_text() or "").split()) for page in reader.pages]


@pytest.mark.parametrize("processes", [1, 2])
def test_compendium_in_parts_has_one_numbering(secretariat_user, reviews, settings, processes,
                                               django_capture_on_commit_callbacks):
    settings.SUMMARY_PDF_PROCESSES = processes  # 7 reviews: 3 parts in this process, or 4 parts in 2 processes
    document = build(secretariat_user, django_capture_on_commit_callbacks)
    assert document.status == SummaryStatus.DONE, document.error
    reader, pages = read(document)
    total = len(pages)
    contents = dict(re.findall(r"([A-Z][\w ]+?) \.{3,} ?(\d+)", pages[1].removeprefix("Contents ")))
    names = {str(review.member_state.name) for review in reviews}
    assert set(contents) == names
    for name, page in contents.items():
        assert pages[int(page) - 1].startswith(f"{name} Submitted on"), (name, page)  # the chapter starts there
        assert f"{TITLE} {name}" in pages[int(page) - 1]  # and its running header names it
    assert total > len(STATES) + 2 + 2  # some chapters run over several pages
    assert "Page 1 of" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text, number
        assert TITLE in text and "Data as of" in text
    links = [annotation.get_object() for annotation in reader.pages[1]["/Annots"]]
    targets = [reader.get_page_number(link["/Dest"][0].get_object()) + 1 for link in links]
    assert targets == sorted(map(int, contents.values()))


def test_compendium_with_one_process_or_two_has_the_same_pages(secretariat_user, reviews, settings,
                                                               django_capture_on_commit_callbacks):
    settings.SUMMARY_PDF_PROCESSES = 1
    one = read(build(secretariat_user, django_capture_on_commit_callbacks))[1]
    settings.SUMMARY_PDF_PROCESSES = 2
    two = read(build(secretariat_user, django_capture_on_commit_callbacks))[1]
    strip = re.compile(r"Data as of .*? \(UTC\)")  # the two builds differ only by the date of their data
    assert [strip.sub("", page) for page in one] == [strip.sub("", page) for page in two]


def _die(html):
    os._exit(1)  # a part process killed mid-build (out of memory, a signal)


def test_a_part_process_that_dies_fails_the_compendium_with_the_reason(secretariat_user, reviews, settings,
                                                                      monkeypatch):
    from secretariat.summaries import book

    settings.SUMMARY_PDF_PROCESSES = 2
    monkeypatch.setattr(book, "lay_out_part", _die)
    document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=SummaryKind.COMPENDIUM,
                               language="en")
    with pytest.raises(BrokenProcessPool):
        build_summary_task.apply(kwargs={"document_id": document.pk}).get()
    document.refresh_from_db()
    assert document.status == SummaryStatus.FAILED and "terminated abruptly" in document.error
