"""Site-wide search: one query across practices, pledges, published reviews, dialogues and contributions."""

import pytest
from django.urls import reverse

from dialogues.enums import ContributionStatus
from pledges.enums import PledgeStatus
from practices.enums import PracticeStatus
from reviews.enums import ReviewStatus
from tests.dialogues.factories import ContributionFactory, DialogueFactory
from tests.pledges.factories import PledgeFactory, PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review

WORD = "zanzibarite"


@pytest.fixture
def seeded(db):
    """One published item of each kind containing WORD, and one unpublished of each kind containing it too."""
    complete_review(status=ReviewStatus.PUBLISHED, iso3="COL", next_steps=f"Create a {WORD} registry.")
    complete_review(status=ReviewStatus.SUBMITTED, iso3="MEX", next_steps=f"Hidden {WORD} plan.")
    PracticeFactory(status=PracticeStatus.PUBLISHED, title="Visible practice",
                    summary=f"A {WORD} <b>programme</b>.")
    PracticeFactory(status=PracticeStatus.SUBMITTED, title="Hidden practice", summary=f"{WORD}")
    PublishedPledgeFactory(title="Visible pledge", narrative=f"We fund {WORD} centres.")
    PledgeFactory(status=PledgeStatus.SUBMITTED, title="Hidden pledge", narrative=f"{WORD}")
    dialogue = DialogueFactory(title=f"Dialogue on {WORD} data")
    ContributionFactory(dialogue=dialogue, status=ContributionStatus.PUBLISHED, text=f"I support the {WORD} idea.")
    ContributionFactory(dialogue=dialogue, status=ContributionStatus.SUBMITTED, text=f"Hidden {WORD} text.")


def _counts(html):
    import re

    return dict(re.findall(r'data-kind="(\w+)".*?badge text-bg-secondary">(\d+)<', html, flags=re.S))


def test_search_finds_one_published_item_of_each_kind_and_nothing_unpublished(client, seeded):
    response = client.get(reverse("search:results"), {"q": WORD.upper()})
    html = response.content.decode()
    assert response.status_code == 200
    assert _counts(html) == {"practices": "1", "pledges": "1", "reviews": "1", "dialogues": "1",
                             "contributions": "1"}
    assert "Hidden" not in html
    assert "<mark>" in html
    # User markup never comes through (escaped, or dropped by ts_headline): only our own <mark> tags are markup.
    assert "<b>programme</b>" not in html and "programme" in html


def test_empty_query_shows_the_form_only(client, db):
    response = client.get(reverse("search:results"))
    assert response.status_code == 200 and b"data-kind" not in response.content


def test_every_page_has_the_search_box_in_its_header(client, db):
    html = client.get(reverse("gcm:home")).content.decode()
    assert 'id="header-search"' in html and reverse("search:results") in html


@pytest.mark.django_db
def test_a_query_with_nul_bytes_is_searched_as_words(client):
    response = client.get(reverse("search:results"), {"q": "mobile\x00clinics"})
    assert response.status_code == 200
    assert "mobile clinics" in response.content.decode()
