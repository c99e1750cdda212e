"""Round-table pages gather, over the table's objectives, what the objective hubs show for one objective — review
entries, practices, pledges by type, dialogues, contributions and the online consultation — each with a link to
the full list filtered by the round table, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dialogues.enums import ContributionStatus
from dialogues.models import Consultation
from gcm.models import Cycle, RoundTable
from pledges.enums import PledgeType
from practices.enums import PracticeStatus
from reviews.enums import ReviewStatus
from tests.dialogues.factories import ContributionFactory, DialogueFactory
from tests.pledges.factories import PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review

pytestmark = pytest.mark.django_db

# Round table 1 of the IMRF: objectives 2, 5, 6, 12 and 18. Objective 8 belongs to round table 2.
IN_TABLE = (5, 12)
OTHER = 8
STATES = ["COL", "MEX", "ECU", "PER"]


def _seed(states):
    table = RoundTable.objects.get(number=1)
    for index, iso3 in enumerate(states):
        complete_review(status=ReviewStatus.PUBLISHED, iso3=iso3, objectives=(IN_TABLE[index % 2],))
        PracticeFactory(status=PracticeStatus.PUBLISHED, objectives=list(IN_TABLE), title=f"Table practice {iso3}")
        PublishedPledgeFactory(objectives=list(IN_TABLE), types=[PledgeType.FINANCIAL, PledgeType.TECHNICAL],
                               title=f"Table pledge {iso3}")
        dialogue = DialogueFactory(title=f"Table dialogue {iso3}")
        dialogue.round_tables.add(table)
        ContributionFactory(dialogue=dialogue, status=ContributionStatus.PUBLISHED, text=f"Table input {iso3}")


def _page(client, number=1):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("gcm:round_table", args=[number]))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _consultation():
    today = timezone.now().date()
    return Consultation.objects.create(
        cycle=Cycle.objects.active(), round_table=RoundTable.objects.get(number=1),
        guiding_question="Which regular pathways work for workers?", opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=10), languages=["en", "es"])


def test_round_table_page_gathers_every_kind_in_a_constant_number_of_queries(client):
    _consultation()
    _seed(STATES[:1])
    few, _html = _page(client)
    _seed(STATES[1:])
    many, html = _page(client)
    assert many == few
    assert html.count("data-review-entry=") == 4
    assert html.count("data-contribution-id=") == 4
    assert html.count("data-dialogue-id=") == 4
    assert "Which regular pathways work for workers?" in html
    for name in ("practices:list", "pledges:list", "reviews:list", "dialogues:list"):
        assert f"{reverse(name)}?round_table=1" in html
    assert "?round_table=1&amp;type=financial" in html


def test_round_table_page_counts_a_pledge_on_two_of_its_objectives_once_and_leaves_other_tables_out(client):
    PublishedPledgeFactory(objectives=list(IN_TABLE), types=[PledgeType.FINANCIAL], title="Counted once")
    PublishedPledgeFactory(objectives=[OTHER], types=[PledgeType.FINANCIAL], title="Round table two pledge")
    PracticeFactory(status=PracticeStatus.PUBLISHED, objectives=[OTHER], title="Round table two practice")
    PracticeFactory(status=PracticeStatus.DRAFT, objectives=[IN_TABLE[0]], title="Unpublished draft practice")
    _count, html = _page(client)
    types = html[html.index('data-section="pledge-types"'):]
    types = types[:types.index("</ul>")]
    assert "Counted once" in html
    assert ">1</span>" in types.split("type=financial")[1].split("</li>")[0]
    for absent in ("Round table two pledge", "Round table two practice", "Unpublished draft practice"):
        assert absent not in html


@pytest.mark.parametrize("name", ["practices:list", "pledges:list", "reviews:list", "dialogues:list"])
def test_lists_filter_by_round_table_without_duplicates(client, name):
    _seed(STATES[:2])
    complete_review(status=ReviewStatus.PUBLISHED, iso3="CHL", objectives=(OTHER,))
    PracticeFactory(status=PracticeStatus.PUBLISHED, objectives=[OTHER], title="Table practice CHL")
    PublishedPledgeFactory(objectives=[OTHER], title="Table pledge CHL")
    DialogueFactory(title="Table dialogue CHL").round_tables.add(RoundTable.objects.get(number=2))

    html = client.get(reverse(name), {"round_table": 1}).content.decode()
    everything = client.get(reverse(name)).content.decode()

    marker = {"practices:list": "Table practice", "pledges:list": "Table pledge", "dialogues:list": "Table dialogue",
              "reviews:list": None}[name]
    if marker:
        assert html.count(f"{marker} COL") == everything.count(f"{marker} COL") >= 1
        assert html.count(f"{marker} MEX") == everything.count(f"{marker} MEX") >= 1
        assert f"{marker} CHL" not in html and f"{marker} CHL" in everything
    else:  # the page also lists every State's status, so count the review rows
        assert html.count("data-review-id=") == 2
        assert everything.count("data-review-id=") == 3


def test_an_unknown_round_table_in_a_list_filter_is_a_form_error_not_a_500(client):
    for name in ("practices:list", "pledges:list", "reviews:list", "dialogues:list"):
        assert client.get(reverse(name), {"round_table": "9"}).status_code in (200, 400)
        assert client.get(reverse(name), {"round_table": "x"}).status_code in (200, 400)


def test_practice_list_offers_a_round_table_facet(client):
    _seed(STATES[:2])
    html = client.get(reverse("practices:list")).content.decode()
    facet = html[html.index('data-facet="round_table"'):]
    facet = facet[:facet.index("</section>")]
    assert 'data-facet-value="1"' in facet
    assert ">2</span>" in facet  # two practices, each on two objectives of the table, count once each
