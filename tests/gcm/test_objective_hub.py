"""The objective hub gathers every app's published content on one objective in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dialogues.enums import ContributionStatus
from pledges.enums import PledgeType
from practices.enums import PracticeStatus
from reviews.enums import ReviewStatus
from tests.dialogues.factories import ContributionFactory, DialogueFactory
from tests.factories import objective
from tests.pledges.factories import PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review

STATES = ["COL", "MEX", "ECU", "PER"]


def _seed(states):
    n = len(states)
    for iso3 in states:
        complete_review(status=ReviewStatus.PUBLISHED, iso3=iso3, objectives=(8,))
    for _ in range(n):
        PracticeFactory(status=PracticeStatus.PUBLISHED, objectives=[8])
        PublishedPledgeFactory(objectives=[8], types=[PledgeType.FINANCIAL, PledgeType.TECHNICAL])
        dialogue = DialogueFactory()
        dialogue.objectives.add(objective(8))
        ContributionFactory(dialogue=dialogue, status=ContributionStatus.PUBLISHED, text=f"Hub contribution {_}")


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("gcm:objective", args=[8]))
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.django_db
def test_objective_hub_query_count_does_not_grow(client):
    _seed(STATES[:1])
    few, _html = _queries(client)
    _seed(STATES[1:])
    many, html = _queries(client)
    assert many == few
    assert html.count("data-review-entry=") == 4
    assert html.count("data-contribution-id=") == 4
    assert "?objective=8&amp;type=financial" in html
    assert f'{reverse("reviews:list")}?objective=8' in html


@pytest.mark.django_db
def test_objective_hub_counts_pledges_by_type(client):
    PublishedPledgeFactory(objectives=[8], types=[PledgeType.FINANCIAL])
    PublishedPledgeFactory(objectives=[8], types=[PledgeType.FINANCIAL, PledgeType.POLITICAL_LEGAL])
    PublishedPledgeFactory(objectives=[9], types=[PledgeType.FINANCIAL])
    html = client.get(reverse("gcm:objective", args=[8])).content.decode()
    section = html[html.index('data-section="pledge-types"'):]
    section = section[:section.index("</ul>")]
    assert "type=financial\">Financial</a> <span class=\"badge text-bg-secondary\">2<" in section


@pytest.mark.django_db
def test_hub_sections_and_home_are_cached_publicly_and_the_header_stays_personal(client, settings):
    from tests.factories import UserFactory

    settings.PUBLIC_CACHE_SECONDS = 60
    _seed(STATES[:1])
    few, first = _queries(client)
    home = client.get(reverse("gcm:home")).content.decode()
    _seed(STATES[1:])
    cached, again = _queries(client)
    assert again.count("data-review-entry=") == first.count("data-review-entry=") == 1  # kept 60 s
    assert cached < few  # the sections' queries are not run on a cache hit
    client.force_login(UserFactory(full_name="Ana Cached-Visitor"))
    signed_in = client.get(reverse("gcm:home")).content.decode()
    assert "Ana Cached-Visitor" in signed_in and "Ana Cached-Visitor" not in home  # header outside the cache
    assert 'name="csrfmiddlewaretoken"' in signed_in  # the sign-out form, rendered for this visitor
    assert signed_in.count('data-stat="practices"') == home.count('data-stat="practices"') == 1
    settings.PUBLIC_CACHE_SECONDS = 0
    assert _queries(client)[1].count("data-review-entry=") == 4
