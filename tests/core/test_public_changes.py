"""A change to what the public sees reaches the cached public pages, fragments, figures and API pages at once
(core/public_changes.py): a contribution taken down or a review unpublished is gone from the next anonymous page,
not two minutes later; a private change (a draft) leaves every cached entry as it was."""

import pytest
from django.core.cache import cache
from django.db import transaction

from core.caching import cached
from core.public_changes import GENERATION_KEY, public_data_changed
from dialogues.enums import ContributionStatus
from dialogues.services import contribution_reject
from practices.models import Practice
from reviews import services as reviews
from reviews.enums import ReviewStatus
from tests.dialogues.factories import ContributionFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review

pytestmark = pytest.mark.django_db
LIST = "/en/practices/"


@pytest.fixture
def caching_on(settings):
    """Public caching as in production; the cache is emptied before every test (tests/conftest.py)."""
    settings.PUBLIC_CACHE_SECONDS = 120
    return settings


def is_hit(response):
    return response.has_header("Age")


def test_a_contribution_taken_down_leaves_the_cached_dialogue_page_at_once(
        client, caching_on, secretariat_user, django_capture_on_commit_callbacks):
    contribution = ContributionFactory(status=ContributionStatus.PUBLISHED, text="Marker of a takedown")
    url = contribution.dialogue.get_absolute_url()
    assert b"Marker of a takedown" in client.get(url).content
    assert is_hit(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        contribution_reject(contribution_id=contribution.pk, by=secretariat_user, reason="Personal data in it.")
    after = client.get(url)
    assert not is_hit(after)
    assert after.status_code == 200 and b"Marker of a takedown" not in after.content
    assert is_hit(client.get(url))  # and kept again, from the new data


def test_an_unpublished_review_leaves_its_cached_page_and_the_cached_api_page_at_once(
        client, caching_on, secretariat_user, django_capture_on_commit_callbacks):
    review = complete_review(status=ReviewStatus.PUBLISHED, iso3="COL")
    page, api = review.get_absolute_url(), "/api/v1/reviews/"
    assert client.get(page).status_code == 200 and is_hit(client.get(page))
    assert '"COL"' in client.get(api).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        reviews.review_unpublish(review_id=review.pk, by=secretariat_user, comment="A wrong figure.")
    assert client.get(page).status_code == 404
    assert '"COL"' not in client.get(api).content.decode()


def test_a_change_nobody_was_told_about_waits_for_the_entry_to_expire(client, caching_on):
    """The other side of the rule: a cached page really is kept while nothing public changes through save()."""
    practice = PracticeFactory(status="published", title="Title before")
    assert b"Title before" in client.get(LIST).content
    Practice.objects.filter(pk=practice.pk).update(title="Title after")  # sends no signal
    again = client.get(LIST)
    assert is_hit(again) and b"Title before" in again.content


def test_new_published_content_shows_at_once_but_a_draft_costs_no_cached_page(
        client, caching_on, django_capture_on_commit_callbacks):
    PracticeFactory(status="published", title="Marker one")
    client.get(LIST)
    with django_capture_on_commit_callbacks(execute=True):
        draft = PracticeFactory(status="draft", title="Marker draft")
        draft.summary = "Edited while a draft."
        draft.save()
    assert is_hit(client.get(LIST))
    with django_capture_on_commit_callbacks(execute=True):
        PracticeFactory(status="published", title="Marker two")
    fresh = client.get(LIST)
    assert not is_hit(fresh) and b"Marker two" in fresh.content


def test_a_change_rolled_back_leaves_the_cache_as_it_was(client, caching_on, django_capture_on_commit_callbacks):
    practice = PracticeFactory(status="published", title="Marker kept")
    client.get(LIST)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            practice.status = "withdrawn"
            practice.save()
            raise RuntimeError("the rest of the decision failed")
    assert callbacks == []
    assert is_hit(client.get(LIST))


def test_figures_and_fragments_are_built_again_after_a_public_change(caching_on, django_capture_on_commit_callbacks):
    builds = []

    def figures():
        builds.append(1)
        return len(builds)

    assert cached("figures", "the query", figures) == 1
    assert cached("figures", "the query", figures) == 1  # kept
    with django_capture_on_commit_callbacks(execute=True):
        public_data_changed()
    assert cached("figures", "the query", figures) == 2


def test_a_lost_generation_never_brings_older_entries_back(client, caching_on, django_capture_on_commit_callbacks):
    PracticeFactory(status="published", title="Marker old")
    client.get(LIST)
    old_generation = cache.get(GENERATION_KEY)
    cache.delete(GENERATION_KEY)  # evicted, flushed or lost in an outage
    assert not is_hit(client.get(LIST))
    assert cache.get(GENERATION_KEY) not in (None, old_generation)
    assert is_hit(client.get(LIST))

