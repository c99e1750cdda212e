import csv
import io
import json

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gcm.models import Objective, RoundTable
from practices.enums import PracticeStatus
from practices.selectors import practice_facets, published_practices
from tests.factories import OrganizationFactory, member_state
from tests.practices.factories import PracticeFactory

pytestmark = pytest.mark.django_db
S = PracticeStatus
LIST = "/en/practices/"


def ids_in(response):
    import re

    return {int(x) for x in re.findall(r'data-practice-id="(\d+)"', response.content.decode())}


@pytest.fixture
def repository():
    """Three published practices with different facets, and one draft that must never show."""
    academia = OrganizationFactory(category="academia")
    return {
        "clinics": PracticeFactory(status=S.PUBLISHED, title="Mobile clinics", objectives=[15, 7],
                                   principles=["human-rights"], themes=["health"], countries=["COL", "ECU"],
                                   description="Nurses travel along the migration corridor.", language="es"),
        "remit": PracticeFactory(status=S.PUBLISHED, title="Cheaper remittances", objectives=[20],
                                 themes=["digital", "gender"], countries=["KEN"], region="africa",
                                 organization=academia, description="A mobile wallet lowers fees."),
        "global": PracticeFactory(status=S.PUBLISHED, title="Data standards", objectives=[1, 7], countries=[],
                                  is_global=True, region="", organization=None, member_state=member_state("MEX"),
                                  description="Common definitions for statistics offices."),
        "draft": PracticeFactory(title="Secret draft", objectives=[15], description="Nurses draft."),
    }


def test_list_shows_only_published_practices(client, repository):
    assert ids_in(client.get(LIST)) == {repository[k].pk for k in ("clinics", "remit", "global")}


def test_facet_counts_are_right(repository):
    facets = practice_facets(published_practices())
    as_dict = {name: {value: count for value, _label, count in rows} for name, rows in facets.items()}
    assert as_dict["objective"] == {"1": 1, "7": 2, "15": 1, "20": 1}
    assert as_dict["theme"] == {"health": 1, "digital": 1, "gender": 1}
    assert as_dict["country"] == {"global": 1, "COL": 1, "ECU": 1, "KEN": 1}
    assert as_dict["region"] == {"americas": 1, "africa": 1}
    assert as_dict["category"] == {"government": 1, "civil_society": 1, "academia": 1}
    assert as_dict["language"] == {"en": 2, "es": 1}
    assert as_dict["principle"] == {"human-rights": 1}
    assert sum(as_dict["year"].values()) == 3


def test_facet_counts_follow_the_current_filter(client, repository):
    response = client.get(LIST, {"objective": 7})
    assert ids_in(response) == {repository["clinics"].pk, repository["global"].pk}
    objective_facet = next(f for f in response.context["facets"] if f["name"] == "objective")
    counts = {o["value"]: o["count"] for o in objective_facet["options"]}
    assert counts == {"1": 1, "7": 2, "15": 1}
    assert next(o for o in objective_facet["options"] if o["value"] == "7")["active"]


@pytest.mark.parametrize("params,expected", [
    ({"theme": "digital"}, {"remit"}),
    ({"country": "global"}, {"global"}),
    ({"country": "ecu"}, {"clinics"}),
    ({"category": "government"}, {"global"}),
    ({"category": "academia"}, {"remit"}),
    ({"region": "africa"}, {"remit"}),
    ({"language": "es"}, {"clinics"}),
    ({"principle": "human-rights"}, {"clinics"}),
    ({"objective": 7, "country": "COL"}, {"clinics"}),
])
def test_each_facet_filters_the_list(client, repository, params, expected):
    assert ids_in(client.get(LIST, params)) == {repository[k].pk for k in expected}


def test_search_fallback_finds_a_word_of_the_description(client, repository, settings):
    response = client.get(LIST, {"q": "corridor"})
    assert ids_in(response) == {repository["clinics"].pk}
    assert ids_in(client.get(LIST, {"q": "nurses"})) == {repository["clinics"].pk}  # never the draft


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="PostgreSQL full-text search runs on PostgreSQL")
def test_postgres_search_finds_a_word_of_the_description_ranked(client, repository):
    response = client.get(LIST, {"q": "wallet"})
    assert ids_in(response) == {repository["remit"].pk}
    both = client.get(LIST, {"q": "mobile"})
    practices = list(both.context["practices"])
    assert practices[0] == repository["clinics"]  # the title (weight A) outranks the description (C)
    assert {p.pk for p in practices} == {repository["clinics"].pk, repository["remit"].pk}
    assert not ids_in(client.get(LIST, {"q": "draft"}))  # the draft's words are never searchable


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="PostgreSQL full-text search runs on PostgreSQL")
def test_postgres_search_matches_other_forms_of_a_word_in_the_practice_language(client):
    english = PracticeFactory(status=S.PUBLISHED, title="Job fairs", language="en",
                              description="Employers meet newly arrived workers.")
    spanish = PracticeFactory(status=S.PUBLISHED, title="Ferias de empleo", language="es",
                              description="Las trabajadoras migrantes encuentran empleo.")
    assert ids_in(client.get(LIST, {"q": "worker"})) == {english.pk}
    assert ids_in(client.get("/es/practices/", {"q": "trabajadora"})) == {spanish.pk}
    assert ids_in(client.get(LIST, {"q": "Employers"})) == {english.pk}  # as written still works


def test_sorting_by_title(client, repository):
    response = client.get(LIST, {"sort": "title"})
    titles = [p.title for p in response.context["practices"]]
    assert titles == sorted(titles)


@pytest.mark.parametrize("n", [1, 5])
def test_list_query_count_does_not_grow(client, n, django_assert_num_queries):
    PracticeFactory.create_batch(n, status=S.PUBLISHED, objectives=[3, 4], themes=["health"], countries=["COL"])
    with django_assert_num_queries(QUERIES):
        response = client.get(LIST)
    assert len(ids_in(response)) == n


QUERIES = 17  # includes the round-table facet (counts, then the tables)


def test_list_paginates(client):
    PracticeFactory.create_batch(21, status=S.PUBLISHED)
    first, second = client.get(LIST), client.get(LIST, {"page": 2})
    assert len(ids_in(first)) == 20 and len(ids_in(second)) == 1
    assert "Page 1 of 2" in first.content.decode()


def test_detail_lists_related_practices_by_shared_objectives(client, repository):
    content = client.get(reverse("practices:detail", args=[repository["clinics"].pk])).content.decode()
    related = content[content.index("Related practices"):]
    assert "Data standards" in related and "Cheaper remittances" not in related and "Secret draft" not in related


def test_csv_export_follows_the_filter(client, repository):
    response = client.get("/en/practices/export.csv", {"objective": 7})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:2] == ["ID", "Title"]
    assert {row[1] for row in rows[1:]} == {"Mobile clinics", "Data standards"}


def test_json_export_follows_the_filter(client, repository):
    response = client.get("/en/practices/export.json", {"theme": "digital"})
    data = json.loads(b"".join(response.streaming_content))
    assert data["count"] == 1
    record = data["results"][0]
    assert (record["title"], record["objectives"], record["countries"]) == ("Cheaper remittances", "20", "KEN")
    assert record["url"].endswith(f"/practices/{repository['remit'].pk}/")


def test_feeds_list_new_practices(client, repository):
    rss = client.get("/en/practices/feed/").content.decode()
    atom = client.get("/en/practices/feed/atom/").content.decode()
    assert "<rss" in rss and "Mobile clinics" in rss and "Secret draft" not in rss
    assert "<feed" in atom and "Cheaper remittances" in atom


def test_objective_and_round_table_pages_list_their_practices(client, repository):
    content = client.get(reverse("gcm:objective", args=[15])).content.decode()
    assert "Mobile clinics" in content and "Secret draft" not in content
    table = Objective.objects.get(number=20).round_table
    assert "Cheaper remittances" in client.get(reverse("gcm:round_table", args=[table.number])).content.decode()
    other = RoundTable.objects.exclude(pk=table.pk).exclude(objectives__number__in=[1, 7, 15]).first()
    if other:
        assert "Cheaper remittances" not in client.get(other.get_absolute_url()).content.decode()


def test_home_counts_published_practices(client, repository):
    content = client.get("/en/").content.decode()
    assert 'data-stat="practices">3<' in content


def test_objective_section_keeps_a_constant_query_count(client):
    PracticeFactory.create_batch(1, status=S.PUBLISHED, objectives=[15])
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("gcm:objective", args=[15]))
    PracticeFactory.create_batch(4, status=S.PUBLISHED, objectives=[15])
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("gcm:objective", args=[15]))
    assert len(one) == len(five)


def test_facet_panel_is_cached_per_query_and_language_and_never_the_personal_header(client, repository,
                                                                                     settings):
    from tests.factories import UserFactory

    settings.PUBLIC_CACHE_SECONDS = 60
    first = client.get(LIST).content.decode()
    newer = PracticeFactory(status=S.PUBLISHED, title="Newer", objectives=[3], countries=["PER"])
    cached = client.get(LIST).content.decode()
    assert newer.pk not in ids_in(client.get(LIST)) and newer.pk in ids_in(client.get(LIST, {"page": 1}))
    assert 'data-facet-value="PER"' not in first and 'data-facet-value="PER"' not in cached  # kept 60 s
    assert 'data-facet-value="PER"' in client.get(LIST, {"objective": 3}).content.decode()  # other query
    assert 'data-facet-value="PER"' in client.get("/fr/practices/").content.decode()  # other language
    user = UserFactory(email="someone@example.org")
    client.force_login(user)
    signed_in = client.get(LIST).content.decode()
    assert "My practices" in signed_in and "My practices" not in first  # outside the cached panel
    settings.PUBLIC_CACHE_SECONDS = 0
    assert 'data-facet-value="PER"' in client.get(LIST).content.decode()  # no caching: always fresh
