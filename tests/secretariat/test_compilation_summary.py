"""The round-table compilation as a summary document: every published contribution feeding the round table, by
dialogue, then its consultation inputs, built in parts (a dialogue may span several), with contents, running
headers naming each dialogue and "Page N of M" on every page; nothing unpublished."""

import io
import re

import pytest
from pypdf import PdfReader

from dialogues.enums import ContributionStatus as S
from gcm.models import Cycle, RoundTable
from secretariat.forms import SummaryRequestForm
from secretariat.models import SummaryKind, SummaryStatus
from secretariat.services import summary_request
from secretariat.summaries import compilation
from tests.dialogues.factories import ContributionFactory, DialogueFactory

pytestmark = pytest.mark.django_db
TITLE = "Round-table compilation of contributions"


def build(staff, capture, round_table, language="en"):
    with capture(execute=True):
        document = summary_request(by=staff, cycle=Cycle.objects.active(), kind=SummaryKind.COMPILATION,
                                   language=language, round_table=round_table)
    document.refresh_from_db()
    return document


def pages_of(document):
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def test_the_compilation_holds_every_published_contribution_by_dialogue_across_parts(
        secretariat_user, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.SUMMARY_PDF_PROCESSES = 2
    monkeypatch.setattr(compilation, "PART_CONTRIBUTIONS", 3)  # the long dialogue spans three parts
    rt = RoundTable.objects.get(number=3)
    long, short = DialogueFactory(title="Cities dialogue", past=True), DialogueFactory(title="Skills dialogue")
    long.round_tables.set([rt])
    for n in range(8):
        ContributionFactory(dialogue=long, status=S.PUBLISHED, text=f"City point {n}. " + "Detail. " * 40)
    ContributionFactory(dialogue=short, round_table=rt, status=S.PUBLISHED, text="Recognise foreign diplomas")
    ContributionFactory(dialogue=long, status=S.SUBMITTED, text="Awaiting moderation")
    ContributionFactory(dialogue=short, status=S.PUBLISHED, text="Filed under no round table, dialogue not linked")

    document = build(secretariat_user, django_capture_on_commit_callbacks, rt)
    assert document.status == SummaryStatus.DONE, document.error
    pages = pages_of(document)
    text = " ".join(pages)
    assert "9 published contributions from the migration dialogues" in pages[0]
    assert all(f"City point {n}." in text for n in range(8)) and "Recognise foreign diplomas" in text
    assert "Awaiting moderation" not in text and "dialogue not linked" not in text
    contents = dict(re.findall(r"(\w+ dialogue) \.{3,} ?(\d+)", pages[1]))
    assert set(contents) == {"Cities dialogue", "Skills dialogue"}
    for name, page in contents.items():
        assert pages[int(page) - 1].startswith(f"{name} Migration dialogue"), (name, page)  # the chapter starts
        assert f"{TITLE} {name}" in pages[int(page) - 1]  # and its running header names it
    total = len(pages)
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in page and "Data as of" in page
    continued = [page for page in pages[int(contents["Cities dialogue"]):int(contents["Skills dialogue"]) - 1]]
    assert continued and all(f"{TITLE} Cities dialogue" in page for page in continued)


def test_a_round_table_with_nothing_published_gives_a_one_page_document(secretariat_user,
                                                                        django_capture_on_commit_callbacks):
    document = build(secretariat_user, django_capture_on_commit_callbacks, RoundTable.objects.get(number=4))
    assert document.status == SummaryStatus.DONE, document.error
    assert "No published contribution feeds this round table yet." in " ".join(pages_of(document))


def test_the_compilation_needs_its_round_table():
    form = SummaryRequestForm(data={"kind": SummaryKind.COMPILATION, "cycle": Cycle.objects.active().pk,
                                    "language": "en"})
    assert not form.is_valid() and "round_table" in form.errors
