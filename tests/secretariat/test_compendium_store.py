"""Parts of the compendium once drawn are kept (core.pdf_parts.PartStore) and reused by the next build: only the
parts whose reviews changed are drawn again, the joined document is the same as one drawn from scratch, its page
numbers and the date of its data are always the new build's, and the parts of earlier versions are deleted."""

import io
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from pypdf import PdfReader

from reviews.enums import ReviewStatus
from reviews.models import Review
from secretariat.models import SummaryStatus
from secretariat.summaries import book, compendium
from tests.reviews.factories import complete_review
from tests.secretariat.test_compendium_parts import STATES, build, read

pytestmark = pytest.mark.django_db
DATE = re.compile(r"Data as of (.*?) \(UTC\)")


@pytest.fixture
def reviews():
    """Seven published reviews of a page each (what is kept and reused matters here, not page breaks)."""
    now = timezone.now()
    return [complete_review(status=ReviewStatus.PUBLISHED, iso3=iso3, objectives=(1,), submitted_at=now,
                            published_at=now) for iso3 in STATES]


@pytest.fixture
def drawn(monkeypatch, settings):
    """The HTML of every part drawn (SUMMARY_PDF_PROCESSES 1: drawn in this process, so they can be counted)."""
    settings.SUMMARY_PDF_PROCESSES = 1
    calls = []
    original = book.lay_out_part

    def counting(html):
        calls.append(html)
        return original(html)

    monkeypatch.setattr(book, "lay_out_part", counting)
    return calls


def stored_parts(document):
    folder = f"summaries/compendium-parts/{document.cycle_id}/{document.language}"
    return sorted(default_storage.listdir(folder)[1])


def test_a_second_build_reuses_every_part_and_gives_the_same_pages(secretariat_user, reviews, drawn,
                                                                    django_capture_on_commit_callbacks):
    first = build(secretariat_user, django_capture_on_commit_callbacks)
    parts = len(drawn)
    assert first.status == SummaryStatus.DONE, first.error
    assert parts >= 3  # 7 reviews, one process: parts of about two reviews
    assert len(stored_parts(first)) == 2 * parts  # a PDF and its page record each

    second = build(secretariat_user, django_capture_on_commit_callbacks)
    assert second.status == SummaryStatus.DONE, second.error
    assert len(drawn) == parts  # nothing drawn again
    one, two = read(first)[1], read(second)[1]
    assert [DATE.sub("", page) for page in one] == [DATE.sub("", page) for page in two]
    assert stored_parts(second) == stored_parts(first)


def test_a_changed_review_draws_its_part_only_and_the_old_part_is_deleted(secretariat_user, reviews, drawn,
                                                                         django_capture_on_commit_callbacks):
    first = build(secretariat_user, django_capture_on_commit_callbacks)
    parts, before = len(drawn), stored_parts(first)
    kenya = Review.objects.get(pk=next(r.pk for r in reviews if r.member_state.iso3 == "KEN"))
    kenya.next_steps = "Open a second migrant resource centre in Mombasa."
    kenya.save(update_fields=["next_steps"])

    second = build(secretariat_user, django_capture_on_commit_callbacks)
    assert second.status == SummaryStatus.DONE, second.error
    assert len(drawn) == parts + 1
    assert "Mombasa" in drawn[-1] and "Kenya" in drawn[-1]
    pages = read(second)[1]
    assert any("Open a second migrant resource centre in Mombasa." in page for page in pages)
    after = stored_parts(second)
    assert len(after) == len(before) and len(set(before) - set(after)) == 2  # the old part's two files went


def test_page_numbers_and_the_data_date_are_the_new_builds(secretariat_user, reviews, drawn, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    build(secretariat_user, django_capture_on_commit_callbacks)
    parts = len(drawn)
    later = timezone.now() + timedelta(days=3)
    monkeypatch.setattr("secretariat.summaries.timezone.now", lambda: later)
    Review.objects.filter(pk=reviews[0].pk).update(next_steps="A much longer plan. " * 400)  # its part grows

    second = build(secretariat_user, django_capture_on_commit_callbacks)
    assert len(drawn) == parts + 1
    pages = read(second)[1]
    total = len(pages)
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text, number
        assert str(later.year) in DATE.search(text).group(1) and f"{later.day}" in DATE.search(text).group(1)
    contents = dict(re.findall(r"([A-Z][\w ]+?) \.{3,} ?(\d+)", pages[1].removeprefix("Contents ")))
    for name, page in contents.items():
        assert pages[int(page) - 1].startswith(f"{name} Submitted on"), (name, page)


def test_a_damaged_stored_part_is_drawn_again(secretariat_user, reviews, drawn, django_capture_on_commit_callbacks):
    first = build(secretariat_user, django_capture_on_commit_callbacks)
    parts = len(drawn)
    folder = f"summaries/compendium-parts/{first.cycle_id}/{first.language}"
    damaged = next(name for name in stored_parts(first) if name.endswith(".pdf"))
    default_storage.delete(f"{folder}/{damaged}")
    default_storage.save(f"{folder}/{damaged}", io.BytesIO(b"%PDF-1.7 truncated"))

    second = build(secretariat_user, django_capture_on_commit_callbacks)
    assert second.status == SummaryStatus.DONE, second.error
    assert len(drawn) == parts + 1
    assert len(PdfReader(io.BytesIO(second.file.open("rb").read())).pages) == len(read(first)[1])


def test_each_language_keeps_its_own_parts(secretariat_user, reviews, drawn, django_capture_on_commit_callbacks):
    english = build(secretariat_user, django_capture_on_commit_callbacks)
    parts = len(drawn)
    french = build(secretariat_user, django_capture_on_commit_callbacks, language="fr")
    assert french.status == SummaryStatus.DONE, french.error
    assert len(drawn) == 2 * parts  # nothing of the English parts reused for French
    assert "Soumis le" in read(french)[1][2]
    assert stored_parts(english) and stored_parts(french)


def test_parts_are_cut_where_the_states_say_so_not_by_position():
    """Taking any one review out changes the part it was in and at most a few after it (two on average), never the
    others."""
    from types import SimpleNamespace

    from gcm.models import MemberState

    def parts(codes):
        rows = [SimpleNamespace(member_state=SimpleNamespace(iso3=code)) for code in codes]
        return [[row.member_state.iso3 for row in part] for part in compendium._groups(rows, processes=2)]

    codes = sorted(MemberState.objects.members().values_list("iso3", flat=True))
    assert len(codes) == 193
    whole = parts(codes)
    assert [code for part in whole for code in part] == codes
    assert 20 <= len(whole) <= 40 and max(map(len, whole)) <= 2 * compendium.PART_REVIEWS
    redrawn = 0
    for index, code in enumerate(codes):
        fewer = parts(codes[:index] + codes[index + 1:])
        changed = [part for part in whole if part not in fewer]
        assert code in changed[0] and len(changed) <= 6, code
        first = whole.index(changed[0])
        assert changed == whole[first:first + len(changed)], code  # its own part and the next ones only
        redrawn += len(changed)
    assert redrawn / len(codes) <= 2


def test_the_nightly_task_draws_ahead_what_changed_in_every_language(
        secretariat_user, reviews, drawn, settings, django_capture_on_commit_callbacks):
    from secretariat.tasks import draw_compendium_parts_task

    assert any(entry["task"] == "secretariat.draw_compendium_parts"
               for entry in settings.CELERY_BEAT_SCHEDULE.values())
    languages = [code for code, _name in settings.LANGUAGES]
    first = draw_compendium_parts_task.apply().get()
    assert list(first) == languages and all(first.values())  # nothing requested yet: every language drawn ahead
    parts = len(drawn)
    assert draw_compendium_parts_task.apply().get() == dict.fromkeys(languages, 0)  # all stored already
    Review.objects.filter(pk=reviews[3].pk).update(next_steps="Abrir una oficina de atención en Cartagena.")

    assert draw_compendium_parts_task.apply().get() == dict.fromkeys(languages, 1)  # the night: the changed part
    assert all("Cartagena" in html for html in drawn[-len(languages):])
    assert {re.search(r'<html lang="([^"]+)"', html).group(1) for html in drawn[-len(languages):]} == {
        "ar", "zh-hans", "en", "fr", "ru", "es"}
    document = build(secretariat_user, django_capture_on_commit_callbacks, language="es")
    assert document.status == SummaryStatus.DONE, document.error
    assert len(drawn) == parts + len(languages)  # the request the next morning draws nothing
    assert any("Cartagena" in page for page in read(document)[1])
    other_cycle = draw_compendium_parts_task.apply(kwargs={"cycle_id": 10**9}).get()
    assert other_cycle == {} and len(drawn) == parts + len(languages)  # a cycle that is gone: nothing


@pytest.fixture
def queued(monkeypatch):
    """The draw-ahead runs queued, as with a real worker (tasks not eager), instead of being sent to a broker."""
    from femi_portal.celery import app
    from secretariat import tasks

    calls = []
    app.conf.task_always_eager = False  # put back after the test by the autouse fixture of tests/conftest.py
    monkeypatch.setattr(tasks, "draw_compendium_parts_task", SimpleNamespace(apply_async=lambda **kw: calls.append(kw)))
    return calls


def test_publications_queue_one_draw_ahead_per_window(secretariat_user, queued, settings,
                                                      django_capture_on_commit_callbacks):
    from django.core.cache import cache

    from reviews import services

    settings.COMPENDIUM_DRAW_AHEAD_SECONDS = 600
    first, second = (complete_review(status=ReviewStatus.ACCEPTED, iso3=iso3) for iso3 in ("COL", "PER"))
    with django_capture_on_commit_callbacks(execute=True):
        services.review_publish(review_id=first.pk, by=secretariat_user)
    assert queued == [{"kwargs": {"cycle_id": first.cycle_id}, "countdown": 600}]
    with django_capture_on_commit_callbacks(execute=True):
        services.review_publish(review_id=second.pk, by=secretariat_user)
    assert len(queued) == 1  # within the window: the queued run reads this one too
    cache.clear()  # the window is over
    with django_capture_on_commit_callbacks(execute=True):
        services.review_unpublish(review_id=first.pk, by=secretariat_user, comment="A figure to check.")
    assert len(queued) == 2  # leaving the compendium changes a part too
    with django_capture_on_commit_callbacks(execute=True):
        services.review_unpublish(review_id=second.pk, by=secretariat_user)
        services.review_withdraw(review_id=second.pk, by=secretariat_user)  # accepted → withdrawn: not shown
    assert len(queued) == 2


def test_no_draw_ahead_in_the_request_when_off_or_when_the_cache_is_down(
        secretariat_user, queued, settings, monkeypatch, django_capture_on_commit_callbacks, caplog):
    from django.core.cache import cache

    from femi_portal.celery import app
    from reviews import services

    first, second, third = (complete_review(status=ReviewStatus.ACCEPTED, iso3=iso3) for iso3 in ("COL", "PER", "MEX"))
    app.conf.task_always_eager = True  # development: tasks would run in the request
    with django_capture_on_commit_callbacks(execute=True):
        services.review_publish(review_id=first.pk, by=secretariat_user)
    assert queued == []
    app.conf.task_always_eager = False

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    with monkeypatch.context() as outage, django_capture_on_commit_callbacks(execute=True):
        outage.setattr(cache, "add", down)
        services.review_publish(review_id=second.pk, by=secretariat_user)
    assert queued == [] and Review.objects.get(pk=second.pk).status == ReviewStatus.PUBLISHED
    assert "drawn ahead" in caplog.text
    settings.COMPENDIUM_DRAW_AHEAD_SECONDS = 0  # turned off: the nightly run only
    with django_capture_on_commit_callbacks(execute=True):
        services.review_publish(review_id=third.pk, by=secretariat_user)
    assert queued == []


def test_answers_keep_the_language_of_their_review_inside_an_arabic_compendium(secretariat_user, reviews):
    """English answers in an Arabic (right-to-left) compendium are marked English, left to right, so they read
    in their own order; the labels around them stay Arabic."""
    from django.utils import translation

    from gcm.models import Cycle
    from secretariat.models import SummaryDocument, SummaryKind

    document = SummaryDocument(kind=SummaryKind.COMPENDIUM, cycle=Cycle.objects.active(), language="ar")
    with translation.override("ar"):
        _template, context = compendium.build(document)
        html = compendium._parts({**context, "reviews": context["reviews"][:1]})[0]
    assert 'dir="rtl"' in html.split("<body", 1)[0]
    assert html.count('lang="en" dir="ltr"') >= 3  # the policy paragraph and each answer of the review
