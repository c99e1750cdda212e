"""Search in the language of the content, and user text marked up with its language.

On PostgreSQL each row is stemmed with its own language's configuration and the query with the reader's (or its
script's) language; Chinese is matched by substring, served by pg_trgm indexes. On SQLite the fallback matches
by substring."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import translation

from dialogues.enums import ContributionStatus
from practices.enums import PracticeStatus
from reviews.enums import ReviewStatus
from search.selectors import site_search
from tests.dialogues.factories import ContributionFactory, DialogueFactory
from tests.pledges.factories import PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review

postgres_only = pytest.mark.skipif(not settings.USING_POSTGRES, reason="stemming needs PostgreSQL (DATABASE_URL)")

# (content language, a word in the content, another form of it typed by the reader — never a substring of the
# content word, so only stemming finds it —, the page language the reader uses)
FORMS = [
    ("es", "migrante", "migrantes", "es"),
    ("fr", "travailleuse", "travailleuses", "fr"),
    ("en", "worker", "workers", "en"),
    ("ru", "мигранты", "мигрантов", "ru"),
    ("ar", "المهاجر", "المهاجرين", "ar"),
]


def one_of_each_kind(language, text):
    """A published practice, pledge, review, dialogue and contribution in `language`, each containing `text`."""
    practice = PracticeFactory(status=PracticeStatus.PUBLISHED, language=language, title="Practice",
                               summary=f"Apoyo {text} 1")
    pledge = PublishedPledgeFactory(language=language, title="Pledge", narrative=f"Centros {text} 2")
    review = complete_review(status=ReviewStatus.PUBLISHED, iso3="COL", language=language,
                             next_steps=f"Registro {text} 3")
    dialogue = DialogueFactory(language=language, title=f"Diálogo {text}")
    contribution = ContributionFactory(dialogue=DialogueFactory(), status=ContributionStatus.PUBLISHED,
                                       language=language, text=f"Apoyo {text} 4")
    return {"practices": practice, "pledges": pledge, "reviews": review, "dialogues": dialogue,
            "contributions": contribution}


def path(url):
    """A URL without its language prefix."""
    return re.sub(r"^/[^/]+/", "/", url)


def found(text, language):
    """The paths each kind of the site-wide search returns for `text`, read in the page language `language`."""
    with translation.override(language):
        return {g["key"]: [path(row["url"]) for row in g["rows"]] for g in site_search(text)}


def paths(items):
    return {key: [path(obj.get_absolute_url())] for key, obj in items.items()}


@postgres_only
@pytest.mark.parametrize("language,word,query,page", FORMS, ids=[f[0] for f in FORMS])
def test_site_search_finds_every_kind_by_the_stem_in_its_language(db, language, word, query, page):
    items = one_of_each_kind(language, word)
    results = found(query, page)
    assert results == paths(items)


@postgres_only
@pytest.mark.parametrize("language,word,query", [("ru", "мигранты", "мигрантов"), ("ar", "المهاجر", "المهاجرين")])
def test_russian_and_arabic_queries_are_stemmed_on_any_page(db, language, word, query):
    items = one_of_each_kind(language, word)
    assert found(query, "en") == paths(items)


@postgres_only
def test_stemming_follows_the_language_of_the_content(db):
    """The same word in content said to be Chinese (no stemmer) is found as written only."""
    spanish = PracticeFactory(status=PracticeStatus.PUBLISHED, language="es", summary="Cada migrante cuenta")
    PracticeFactory(status=PracticeStatus.PUBLISHED, language="zh", summary="Cada migrante cuenta")
    assert found("migrantes", "es")["practices"] == [path(spanish.get_absolute_url())]
    assert len(found("migrante", "es")["practices"]) == 2


@postgres_only
def test_list_pages_find_by_stem_in_the_reader_language(client, db):
    practice = PracticeFactory(status=PracticeStatus.PUBLISHED, language="es", summary="Apoyo al migrante")
    pledge = PublishedPledgeFactory(language="es", narrative="Centros para el migrante recién llegado.")
    practices = client.get("/es/practices/", {"q": "migrantes"}).context["practices"]
    pledges = client.get("/es/pledges/", {"q": "migrantes"}).content.decode()
    assert [p.pk for p in practices] == [practice.pk]
    assert re.findall(r'data-pledge-id="(\d+)"', pledges) == [str(pledge.pk)]


def test_chinese_is_matched_inside_longer_words_on_every_database(client, db):
    practice = PracticeFactory(status=PracticeStatus.PUBLISHED, language="zh", title="保护移民工人",
                               summary="为移民工人提供法律援助")
    PracticeFactory(status=PracticeStatus.PUBLISHED, language="zh", title="儿童教育", summary="学校")
    pledge = PublishedPledgeFactory(language="zh", title="承诺", narrative="支持移民工人的权利")
    contribution = ContributionFactory(dialogue=DialogueFactory(), status=ContributionStatus.PUBLISHED,
                                       language="zh", text="我们支持移民工人")
    results = found("移民", "en")
    assert results["practices"] == [path(practice.get_absolute_url())]
    assert results["pledges"] == [path(pledge.get_absolute_url())]
    assert results["contributions"] == [path(contribution.get_absolute_url())]
    assert [p.pk for p in client.get("/en/practices/", {"q": "移民"}).context["practices"]] == [practice.pk]
    html = client.get(reverse("search:results"), {"q": "移民"}).content.decode()
    assert "<mark>移民</mark>" in html


# Scans that read every row, or a whole other index, are switched off: what remains is the index the match can use.
@postgres_only
def test_chinese_substring_match_can_use_the_trigram_index(db):
    from practices.models import Practice

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        plan = Practice.objects.filter(summary__icontains="移民工人").explain()
    assert "practices_practice_summary_trgm" in plan


INDEXED = [("pledges", "pledge", ["title", "narrative"]), ("dialogues", "dialogue", ["title", "description"]),
           ("dialogues", "contribution", ["text"]), ("reviews", "review", None)]


@postgres_only
@pytest.mark.parametrize("app,model,fields", INDEXED, ids=[f"{i[0]}.{i[1]}" for i in INDEXED])
def test_full_text_match_of_rows_without_a_stored_vector_can_use_its_gin_index(db, app, model, fields):
    from django.apps import apps

    from core.search import matching
    from reviews.selectors import REVIEW_SEARCH_FIELDS

    match = matching(apps.get_model(app, model).objects.all(), text="migrantes",
                     fields=fields or REVIEW_SEARCH_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        assert f"{app}_{model}_fts" in match.queryset.filter(match.condition).explain()


@postgres_only
def test_pledge_list_search_can_use_the_full_text_index(db):
    from django.http import QueryDict

    from pledges.selectors import pledge_list

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        assert "pledges_pledge_fts" in pledge_list(params=QueryDict("q=migrantes")).qs.explain()


@pytest.mark.skipif(settings.USING_POSTGRES, reason="the SQLite fallback")
def test_sqlite_fallback_finds_any_part_of_a_word(db):
    items = one_of_each_kind("es", "migrantes")
    assert found("GRANTE", "en") == paths(items)


# --- Markup -------------------------------------------------------------------------------------------------------

ARABIC = 'lang="ar" dir="rtl"'


def test_an_arabic_practice_on_an_english_page_is_marked_right_to_left(client, db):
    practice = PracticeFactory(status=PracticeStatus.PUBLISHED, language="ar", title="دعم المهاجرين",
                               summary="برنامج لدعم العمال المهاجرين")
    detail = client.get(practice.get_absolute_url()).content.decode()
    assert f'<h1 {ARABIC}>دعم المهاجرين</h1>' in detail
    assert f'<p class="lead" {ARABIC}>برنامج لدعم العمال المهاجرين</p>' in detail
    card = client.get(reverse("practices:list")).content.decode()
    assert f'<p class="card-text mb-2" {ARABIC}>برنامج لدعم العمال المهاجرين</p>' in card
    results = client.get(reverse("search:results"), {"q": "برنامج"}).content.decode()
    assert re.search(rf'<a href="{practice.get_absolute_url()}" class="fw-semibold" {ARABIC}>', results)
    assert f'<span class="small" {ARABIC}>' in results


def test_left_to_right_content_on_its_own_direction_page_gets_only_a_lang(client, db):
    practice = PracticeFactory(status=PracticeStatus.PUBLISHED, language="es", title="Ferias de empleo")
    detail = client.get(practice.get_absolute_url()).content.decode()
    assert '<h1 lang="es">Ferias de empleo</h1>' in detail


def test_pledges_and_contributions_carry_their_language(client, db):
    pledge = PublishedPledgeFactory(language="ar", title="تعهد")
    dialogue = DialogueFactory(language="fr", title="Dialogue sur les données")
    ContributionFactory(dialogue=dialogue, status=ContributionStatus.PUBLISHED, language="ar", text="مساهمة")
    assert f'<h1 {ARABIC}>تعهد</h1>' in client.get(pledge.get_absolute_url()).content.decode()
    assert f'{ARABIC}>تعهد</a>' in client.get(reverse("pledges:list")).content.decode()
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert '<h1 lang="fr">Dialogue sur les données</h1>' in page
    assert f'<div class="contribution-text" {ARABIC}><p>مساهمة</p>' in page


def test_content_language_tag_for_an_unknown_language_lets_the_browser_decide():
    from core.templatetags.portal import content_lang

    assert content_lang("") == 'dir="auto"'
    assert content_lang("zh") == 'lang="zh-Hans"'
    with translation.override("ar"):
        assert content_lang("en") == 'lang="en" dir="ltr"'
        assert content_lang("ar") == 'lang="ar"'


# --- Filters ------------------------------------------------------------------------------------------------------

def test_content_language_filters_practices_pledges_and_dialogues(client, db):
    arabic = PracticeFactory(status=PracticeStatus.PUBLISHED, language="ar")
    PracticeFactory(status=PracticeStatus.PUBLISHED, language="en")
    pledge = PublishedPledgeFactory(language="ar")
    PublishedPledgeFactory(language="fr")
    dialogue = DialogueFactory(language="ar", title="حوار")
    DialogueFactory(language="en", title="English dialogue")
    practices = client.get(reverse("practices:list"), {"language": "ar"}).context["practices"]
    pledges = client.get(reverse("pledges:list"), {"language": "ar"}).content.decode()
    dialogues = client.get(reverse("dialogues:list"), {"language": "ar"}).content.decode()
    assert [p.pk for p in practices] == [arabic.pk]
    assert re.findall(r'data-pledge-id="(\d+)"', pledges) == [str(pledge.pk)]
    assert dialogue.get_absolute_url() in dialogues and "English dialogue" not in dialogues
    assert 'name="language"' in pledges and 'name="language"' in dialogues
