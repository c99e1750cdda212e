"""The open-data API shows what is published and nothing else; it limits anonymous use and answers conditionally."""

import json

import pytest
from django.urls import reverse

from dialogues.enums import ContributionStatus
from pledges.enums import PartnerStatus, PledgeStatus, UpdateStatus
from practices.enums import PracticeStatus
from reviews.enums import ReviewStatus
from tests.dialogues.factories import ContributionFactory, DialogueFactory
from tests.factories import OrganizationFactory, member_state
from tests.pledges.factories import PartnerFactory, PledgeFactory, ProgressUpdateFactory, PublishedPledgeFactory
from tests.practices.factories import AssignmentFactory, PracticeFactory
from tests.reviews.factories import complete_review

LISTS = ["cycle", "objective", "principle", "round-table", "member-state", "review", "practice", "pledge",
         "dialogue", "contribution"]


@pytest.fixture
def world(db):
    """One published and one unpublished thing of each kind, with markers to look for in every answer."""
    published_review = complete_review(status=ReviewStatus.PUBLISHED, iso3="COL",
                                       next_steps="Visible-review-marker")
    hidden_review = complete_review(status=ReviewStatus.SUBMITTED, iso3="MEX", next_steps="Hidden-review-marker")
    practice = PracticeFactory(status=PracticeStatus.PUBLISHED, title="Visible-practice-marker")
    hidden_practice = PracticeFactory(status=PracticeStatus.IN_REVIEW, title="Hidden-practice-marker")
    assignment = AssignmentFactory(practice=practice)
    pledge = PublishedPledgeFactory(title="Visible-pledge-marker", is_joint=True)
    hidden_pledge = PledgeFactory(status=PledgeStatus.SUBMITTED, title="Hidden-pledge-marker")
    PartnerFactory(pledge=pledge, status=PartnerStatus.CONFIRMED,
                   organization=OrganizationFactory(name="Confirmed-partner-marker"))
    PartnerFactory(pledge=pledge, status=PartnerStatus.DECLINED,
                   organization=OrganizationFactory(name="Declined-partner-marker"))
    PartnerFactory(pledge=pledge, status=PartnerStatus.INVITED,
                   organization=OrganizationFactory(name="Invited-partner-marker"))
    ProgressUpdateFactory(pledge=pledge, status=UpdateStatus.PUBLISHED, narrative="Visible-update-marker")
    ProgressUpdateFactory(pledge=pledge, status=UpdateStatus.SUBMITTED, narrative="Hidden-update-marker")
    dialogue = DialogueFactory(title="Visible-dialogue-marker")
    contribution = ContributionFactory(dialogue=dialogue, status=ContributionStatus.PUBLISHED,
                                       text="Visible-contribution-marker")
    hidden_contribution = ContributionFactory(dialogue=dialogue, status=ContributionStatus.SUBMITTED,
                                              text="Hidden-contribution-marker")
    rejected = ContributionFactory(dialogue=dialogue, status=ContributionStatus.REJECTED,
                                   text="Rejected-contribution-marker")
    return {
        "visible": {"review": published_review, "practice": practice, "pledge": pledge, "dialogue": dialogue,
                    "contribution": contribution},
        "hidden": {"review": hidden_review, "practice": hidden_practice, "pledge": hidden_pledge,
                   "contribution": hidden_contribution, "rejected": rejected},
        "reviewer": assignment.reviewer,
        "contribution_author": contribution.author,
    }


def _all_pages(client, url):
    """Every page of a list, following the cursors; returns the concatenated body text."""
    bodies = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        data = response.json()
        bodies.append(response.content.decode())
        url = data["next"]
    return "\n".join(bodies)


def test_every_endpoint_shows_published_and_hides_unpublished(client, world):
    text = "\n".join(_all_pages(client, reverse(f"api:{name}-list") + "?page_size=200") for name in LISTS)
    for marker in ["Visible-review-marker", "Visible-practice-marker", "Visible-pledge-marker",
                   "Confirmed-partner-marker", "Visible-update-marker", "Visible-dialogue-marker",
                   "Visible-contribution-marker"]:
        assert marker in text
    for marker in ["Hidden-review-marker", "Hidden-practice-marker", "Hidden-pledge-marker",
                   "Declined-partner-marker", "Invited-partner-marker", "Hidden-update-marker",
                   "Hidden-contribution-marker", "Rejected-contribution-marker"]:
        assert marker not in text
    # No person behind a review or a submission, and no e-mail address at all.
    assert world["reviewer"].email not in text and world["reviewer"].full_name not in text
    assert "@" not in text


@pytest.mark.parametrize("kind", ["review", "practice", "pledge", "contribution", "rejected"])
def test_unpublished_detail_answers_404_like_a_missing_one(client, world, kind):
    hidden = world["hidden"][kind]
    name = "contribution" if kind == "rejected" else kind
    response = client.get(reverse(f"api:{name}-detail", args=[hidden.pk]))
    assert response.status_code == 404
    assert response.json() == client.get(reverse(f"api:{name}-detail", args=[10**6])).json()


def test_published_pledge_detail_lists_only_confirmed_partners_and_published_updates(client, world):
    data = client.get(reverse("api:pledge-detail", args=[world["visible"]["pledge"].pk])).json()
    assert [p["organization"]["name"] for p in data["partners"]] == ["Confirmed-partner-marker"]
    assert [u["narrative"] for u in data["updates"]] == ["Visible-update-marker"]
    assert data["reference"] == world["visible"]["pledge"].reference


def test_review_detail_has_answers_per_objective_and_no_contact(client, world):
    data = client.get(reverse("api:review-detail", args=[world["visible"]["review"].pk])).json()
    assert data["member_state"] == "COL"
    assert [e["objective"] for e in data["entries"]] == [5]
    assert data["entries"][0]["progress"] == "Progress on objective 5."
    assert "contact_email" not in data and "contact_name" not in data


def test_filters_are_those_of_the_web_lists(client, world):
    other = PracticeFactory(status=PracticeStatus.PUBLISHED, objectives=[8], title="Objective-eight-practice")
    data = client.get(reverse("api:practice-list"), {"objective": 8}).json()
    assert [row["id"] for row in data["results"]] == [other.pk]
    data = client.get(reverse("api:review-list"), {"objective": 5, "region": "americas"}).json()
    assert [row["id"] for row in data["results"]] == [world["visible"]["review"].pk]
    assert client.get(reverse("api:review-list"), {"region": "europe"}).json()["results"] == []
    data = client.get(reverse("api:pledge-list"), {"joint": "joint"}).json()
    assert [row["id"] for row in data["results"]] == [world["visible"]["pledge"].pk]
    data = client.get(reverse("api:member-state-list"), {"is_champion": "true", "page_size": 200}).json()
    assert member_state("COL").iso3 in [row["iso3"] for row in data["results"]]


def test_bad_filter_value_is_answered_400_with_json_naming_the_parameter(client, world):
    response = client.get(reverse("api:pledge-list"), {"type": "bogus"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "type" in response.json()
    response = client.get(reverse("api:practice-list"), {"cursor": "not-a-cursor"})
    assert response.status_code == 400
    assert "cursor" in response.json()


def test_cursor_pagination_walks_every_row_once(client, db):
    ids = {PublishedPledgeFactory().pk for _ in range(5)}
    seen, url = [], reverse("api:pledge-list") + "?page_size=2"
    while url:
        data = client.get(url).json()
        seen += [row["id"] for row in data["results"]]
        url = data["next"]
    assert sorted(seen) == sorted(ids) and len(seen) == 5


def test_reviews_come_ten_a_page_unless_asked_and_the_schema_says_so(client, db):
    """A review carries every answer, so its list pages are smaller than the others' (documented defaults)."""
    states = ["ARG", "BRA", "CHL", "COL", "ECU", "MEX", "PER", "URY", "PRY", "BOL", "GTM"]
    ids = {complete_review(status=ReviewStatus.PUBLISHED, iso3=iso3).pk for iso3 in states}
    first = client.get(reverse("api:review-list")).json()
    assert len(first["results"]) == 10 and first["next"]
    rest = client.get(first["next"]).json()
    assert {row["id"] for row in first["results"] + rest["results"]} == ids and rest["next"] is None
    assert len(client.get(reverse("api:review-list"), {"page_size": 11}).json()["results"]) == 11
    paths = client.get(reverse("api:schema"), {"format": "json"}).json()["paths"]

    def default_page_size(path):
        parameters = paths[path]["get"]["parameters"]
        return next(p["schema"]["default"] for p in parameters if p["name"] == "page_size")

    assert default_page_size("/api/v1/reviews/") == 10
    assert default_page_size("/api/v1/practices/") == 50


def test_anonymous_use_is_limited_with_429_and_retry_after(client, db, settings):
    settings.API_ANON_RATE = "3/minute"
    url = reverse("api:objective-list")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(url)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "detail" in json.loads(response.content)


def test_etag_and_last_modified_give_304(client, world):
    url = reverse("api:pledge-detail", args=[world["visible"]["pledge"].pk])
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    listing = client.get(reverse("api:objective-list"))
    assert client.get(reverse("api:objective-list"), headers={"If-None-Match": listing["ETag"]}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_schema_and_docs_page_are_served_from_local_assets(client, db):
    schema = client.get(reverse("api:schema"), {"format": "json"})
    assert schema.status_code == 200
    paths = json.loads(schema.content)["paths"]
    assert "/api/v1/pledges/" in paths and "/api/v1/reviews/{id}/" in paths
    docs = client.get(reverse("api:docs")).content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs
    assert "cdn" not in docs.lower() and "unpkg" not in docs.lower()


@pytest.mark.parametrize("n", [1, 4])
def test_list_queries_do_not_grow(client, db, n, django_assert_max_num_queries):
    for _ in range(n):
        pledge = PublishedPledgeFactory()
        PartnerFactory(pledge=pledge, status=PartnerStatus.CONFIRMED)
        PracticeFactory(status=PracticeStatus.PUBLISHED)
    for name, limit in [("pledge", 8), ("practice", 10)]:
        with django_assert_max_num_queries(limit):
            assert len(client.get(reverse(f"api:{name}-list")).json()["results"]) == n


@pytest.mark.parametrize("params,name", [
    ({"region": ""}, "region"),
    ({"is_champion": "maybe"}, "is_champion"),
    ({"page_size": "0"}, "page_size"),
    ({"page_size": "500"}, "page_size"),
])
def test_parameters_that_cannot_be_read_are_400_not_ignored(client, db, params, name):
    response = client.get(reverse("api:member-state-list"), params)
    assert response.status_code == 400
    assert list(response.json()) == [name]


def test_repeated_parameter_is_400(client, db):
    response = client.get(reverse("api:member-state-list") + "?region=europe&region=africa")
    assert response.status_code == 400 and "region" in response.json()


def test_unknown_api_address_is_a_json_404(client, db):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_practice_year_out_of_range_is_400_not_a_database_error(client, db):
    response = client.get(reverse("api:practice-list"), {"year": "-99999999999"})
    assert response.status_code == 400 and "year" in response.json()


def test_web_practice_list_with_absurd_year_is_not_a_server_error(client, db):
    response = client.get(reverse("practices:list"), {"year": "-99999999999", "objective": "10000000000000000000"})
    assert response.status_code == 200


def test_pledges_expose_and_filter_by_their_content_language(client, db):
    arabic = PublishedPledgeFactory(language="ar")
    PublishedPledgeFactory(language="es")
    data = client.get(reverse("api:pledge-list"), {"language": "ar"}).json()
    assert [(row["id"], row["language"]) for row in data["results"]] == [(arabic.pk, "ar")]


def test_list_pages_are_cached_briefly_with_their_validators_and_still_rate_limited(client, db, settings):
    settings.PUBLIC_CACHE_SECONDS = 60
    settings.API_ANON_RATE = "4/minute"
    first_pledge = PublishedPledgeFactory(title="First-pledge-marker")
    url = reverse("api:pledge-list")
    first = client.get(url)
    PublishedPledgeFactory(title="Second-pledge-marker")
    cached = client.get(url)
    assert cached.status_code == 200 and cached.content == first.content  # kept: the second is not there yet
    assert b"First-pledge-marker" in cached.content and b"Second-pledge-marker" not in cached.content
    assert cached["ETag"] == first["ETag"] and cached["Last-Modified"] == first["Last-Modified"]
    assert cached["Content-Type"] == first["Content-Type"] == "application/json"
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert b"Second-pledge-marker" in client.get(url, {"page_size": 10}).content  # another query, fresh
    assert client.get(url).status_code == 429  # the limit counts cached answers too
    settings.API_ANON_RATE = "100/minute"
    detail_url = reverse("api:pledge-detail", args=[first_pledge.pk])
    detail = client.get(detail_url)
    assert detail.status_code == 200 and b"First-pledge-marker" in detail.content
    type(first_pledge).objects.filter(pk=first_pledge.pk).update(title="Renamed-pledge-marker")
    again = client.get(detail_url)
    assert again.content == detail.content and again["ETag"] == detail["ETag"]  # the object is kept 60 s too
    assert client.get(detail_url, headers={"If-None-Match": detail["ETag"]}).status_code == 304
    assert client.get(reverse("api:pledge-detail", args=[10**9])).status_code == 404  # a miss is never kept
    settings.PUBLIC_CACHE_SECONDS = 0
    assert b"Second-pledge-marker" in client.get(url).content  # no caching: always fresh
