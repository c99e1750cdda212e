"""Whole public pages kept for anonymous, cookie-less visitors (core/page_cache.py): served without running the
view, per address and language; never to a visitor with a cookie; never stored when the page holds a CSRF token,
sets a cookie, writes the session, adds a message, is not a 200 HTML page, or is not a listed public view."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotFound, JsonResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from core.page_cache import STORED_TYPES
from dialogues.timezones import VIEWER_COOKIE
from practices.models import Practice
from tests.factories import UserFactory
from tests.practices.factories import PracticeFactory

pytestmark = pytest.mark.django_db
LIST = "/en/practices/"


@pytest.fixture
def page_cache(settings):
    """Caching on, as in production; the cache itself is emptied before every test (tests/conftest.py)."""
    settings.PUBLIC_CACHE_SECONDS = 60
    return settings


def is_hit(response):
    return response.has_header("Age")


# --- the real portal ---------------------------------------------------------------------------------------------

def test_a_second_anonymous_request_is_served_from_the_cache_without_running_the_view(
        client, page_cache, django_assert_num_queries):
    practice = PracticeFactory(status="published", title="First-marker")
    first = client.get(LIST)
    # Renamed without save(): no signal, so the entry is kept (what public changes do: tests/core/test_public_changes)
    Practice.objects.filter(pk=practice.pk).update(title="Second-marker")
    with django_assert_num_queries(0):
        again = client.get(LIST)
    assert not is_hit(first) and is_hit(again)
    assert again.status_code == 200 and again.content == first.content
    assert b"First-marker" in again.content and b"Second-marker" not in again.content  # kept 60 s


def test_a_hit_carries_the_headers_of_the_original_page(client, page_cache):
    first = client.get(LIST)
    again = client.get(LIST)
    assert is_hit(again)
    assert {k: v for k, v in again.items() if k != "Age"} == dict(first.items())
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Referrer-Policy",
                   "X-Content-Type-Options", "Cross-Origin-Opener-Policy", "Vary", "Content-Length"):
        assert again[header] == first[header], header
    assert again["Content-Language"] == "en" and again["Vary"] == "Cookie"


def test_the_age_header_tells_the_seconds_since_the_page_was_stored(client, page_cache, monkeypatch):
    import time

    stored_at = time.time()
    client.get(LIST)
    monkeypatch.setattr(time, "time", lambda: stored_at + 30.5)  # the clock, 30 s on (the entry lasts 60)
    assert client.get(LIST)["Age"] in {"29", "30"}  # the store itself may have taken under a second


def test_a_signed_in_visitor_always_gets_a_fresh_personal_page(client, page_cache):
    anonymous = client.get(LIST)
    assert is_hit(client.get(LIST))  # an anonymous copy is cached
    client.force_login(UserFactory(full_name="Ana Personal-Header"))
    signed_in = client.get(LIST)
    assert not is_hit(signed_in)
    assert b"Ana Personal-Header" in signed_in.content and b"Ana Personal-Header" not in anonymous.content
    assert b'name="csrfmiddlewaretoken"' in signed_in.content  # their sign-out form
    client.logout()
    client.cookies.clear()
    assert is_hit(client.get(LIST))  # the anonymous copy was left as it was


@pytest.mark.parametrize("cookie", ["sessionid", "messages", "django_language", "anything"])
def test_a_visitor_sending_any_other_cookie_gets_a_fresh_page(client, page_cache, cookie):
    client.get(LIST)
    client.cookies[cookie] = "x"
    response = client.get(LIST)
    assert response.status_code == 200 and not is_hit(response)


def test_the_csrf_cookie_a_browser_keeps_after_a_form_is_ignored_but_never_stores(client, page_cache):
    """Browsers keep the CSRF cookie for a year after any form: such a visitor still gets the stored page (it
    holds no token), but never stores one (Django gives that request a token secret)."""
    client.get(LIST)
    client.cookies["csrftoken"] = "x" * 32
    assert is_hit(client.get(LIST))
    other = LIST + "?objective=7"
    assert not is_hit(client.get(other)) and not is_hit(client.get(other))  # not stored from this visitor
    client.cookies.clear()
    assert not is_hit(client.get(other)) and is_hit(client.get(other))


def test_the_time_zone_cookie_is_part_of_the_key(client, page_cache):
    client.get(LIST)
    client.cookies[VIEWER_COOKIE] = "Europe/Zurich"
    assert not is_hit(client.get(LIST))  # another entry: dialogue pages show times in the reported zone
    assert is_hit(client.get(LIST))
    client.cookies[VIEWER_COOKIE] = "Asia/Tokyo"
    assert not is_hit(client.get(LIST))
    client.cookies.clear()
    assert is_hit(client.get(LIST))


def test_a_request_with_an_authorization_header_gets_a_fresh_page(client, page_cache):
    client.get(LIST)
    assert not is_hit(client.get(LIST, headers={"Authorization": "Basic dXNlcjpwYXNz"}))


def test_languages_query_strings_hosts_and_schemes_are_different_entries(client, page_cache):
    client.get(LIST, {"objective": "5", "region": "americas"})
    assert is_hit(client.get(LIST + "?region=americas&objective=5"))  # same parameters, another order
    assert is_hit(client.get(LIST + "?objective=%35&region=americas"))  # same values, another encoding
    assert not is_hit(client.get(LIST, {"objective": "6", "region": "americas"}))
    assert not is_hit(client.get(LIST))
    french = client.get("/fr/practices/?objective=5&region=americas")
    assert not is_hit(french) and french["Content-Language"] == "fr"
    assert not is_hit(client.get(LIST + "?objective=5&region=americas", headers={"Host": "localhost"}))
    assert not is_hit(client.get(LIST + "?objective=5&region=americas", secure=True))


def test_repeated_parameters_keep_their_order_in_the_key(client, page_cache):
    client.get(LIST + "?page=1&page=2")
    assert not is_hit(client.get(LIST + "?page=2&page=1"))  # the last value counts: another page
    assert is_hit(client.get(LIST + "?page=1&page=2"))


def test_head_is_answered_from_the_get_entry_and_never_stores_one(client, page_cache):
    assert not is_hit(client.head(LIST))  # a HEAD miss runs the view
    assert not is_hit(client.get(LIST))  # and stored nothing
    head = client.head(LIST)
    assert head.status_code == 200 and is_hit(head) and head["Content-Type"].startswith("text/html")


def test_nothing_is_kept_when_public_caching_is_off(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 0
    client.get(LIST)
    PracticeFactory(status="published", title="Later-marker")
    again = client.get(LIST)
    assert not is_hit(again) and b"Later-marker" in again.content


def test_a_missing_page_is_never_stored(client, page_cache):
    assert client.get("/en/practices/999999/").status_code == 404
    again = client.get("/en/practices/999999/")
    assert again.status_code == 404 and not is_hit(again)


def test_the_sign_in_page_holding_a_csrf_token_is_never_stored_even_when_listed(client, page_cache):
    page_cache.ANONYMOUS_PAGE_CACHE_VIEWS = {"account_login"}
    first = client.get("/en/accounts/login/")
    assert first.status_code == 200 and b'name="csrfmiddlewaretoken"' in first.content and "csrftoken" in first.cookies
    client.cookies.clear()
    again = client.get("/en/accounts/login/")
    assert not is_hit(again) and b'name="csrfmiddlewaretoken"' in again.content


@pytest.mark.parametrize("path", [
    "/en/secretariat/", "/en/accounts/login/", "/en/accounts/signup/", "/en/me/", "/en/admin/", "/api/v1/",
    "/api/v1/practices/", "/healthz", "/en/practices/export.csv", "/en/jsi18n/", "/",
    "/en/reviews/secretariat/", "/en/dialogues/calendar.ics", "/en/open-data/no-such.zip",
])
def test_private_api_health_and_export_addresses_are_never_stored(client, page_cache, path):
    first = client.get(path)
    again = client.get(path)
    assert not is_hit(first) and not is_hit(again), (path, again.status_code)


@pytest.mark.parametrize("path", ["/en/practices/feed/", "/en/practices/feed/atom/"])
def test_the_practice_feeds_are_kept_for_feed_readers(client, page_cache, path):
    PracticeFactory(status="published", title="Feed-marker")
    first = client.get(path)
    again = client.get(path)
    assert not is_hit(first) and is_hit(again) and again.content == first.content
    assert b"Feed-marker" in again.content and again["Content-Type"].startswith(("application/rss+xml",
                                                                                 "application/atom+xml"))


def test_only_listed_public_pages_are_stored_when_every_url_of_the_portal_is_walked(client, page_cache):
    from tests.security.access import _consume, fill, kwargs_for, url_patterns
    from tests.security.world import build_world

    world = build_world()
    stored, public = set(), set()
    for pattern in url_patterns():
        if pattern.is_admin:
            continue  # staff only: sign-in redirects for a visitor (one admin address is in the test above)
        address = fill(pattern, kwargs_for(pattern, world))
        first = client.get(address)
        _consume(first)
        if first.status_code == 200 and first["Content-Type"].startswith(STORED_TYPES):
            public.add(pattern.name)
        client.cookies.clear()  # stay a cookie-less visitor, whatever the page set
        if is_hit(client.get(address)):
            stored.add(pattern.name)
    listed = page_cache.ANONYMOUS_PAGE_CACHE_VIEWS
    assert stored <= listed
    assert stored == listed & public  # every listed page an anonymous visitor can read is kept
    assert {"gcm:home", "practices:list", "pledges:list", "dialogues:detail", "search:results",
            "practices:feed", "practices:feed_atom"} <= stored
    assert listed <= {p.name for p in url_patterns()}, "a listed view name that no URL has"
    published = world.practice_published.get_absolute_url()  # the world's practice address is a draft's (404)
    client.get(published)
    assert is_hit(client.get(published))


# --- each storing rule, on views made for it ---------------------------------------------------------------------

CALLS = []


def _counted(body):
    def view(request):
        CALLS.append(request.path)
        return body(request)
    return view


def _sets_cookie(request):
    response = HttpResponse("<p>cookie</p>")
    response.set_cookie("flavour", "plain")
    return response


def _writes_session(request):
    request.session["seen"] = True
    return HttpResponse("<p>session</p>")


def _adds_message(request):
    messages.info(request, "Hello")
    return HttpResponse("<p>" + " ".join(str(m) for m in messages.get_messages(request)) + "</p>")


def _varies_on_user_agent(request):
    response = HttpResponse("<p>agent</p>")
    patch_vary_headers(response, ["User-Agent"])
    return response


RULE_VIEWS = {
    "plain": lambda request: HttpResponse("<p>plain</p>"),
    "unlisted": lambda request: HttpResponse("<p>unlisted</p>"),
    "token": lambda request: HttpResponse(f"<form>{get_token(request)}</form>"),
    "cookie": _sets_cookie,
    "session": _writes_session,
    "message": _adds_message,
    "private": never_cache(lambda request: HttpResponse("<p>private</p>")),
    "vary": _varies_on_user_agent,
    "json": lambda request: JsonResponse({"a": 1}),
    "streaming": lambda request: StreamingHttpResponse(iter([b"<p>stream</p>"]), content_type="text/html"),
    "missing": lambda request: HttpResponseNotFound("<p>missing</p>"),
    "redirect": lambda request: HttpResponse(status=302, headers={"Location": "/en/rule/plain/"}),
}
urlpatterns = i18n_patterns(
    *[path(f"rule/{name}/", _counted(view), name=f"rule-{name}") for name, view in RULE_VIEWS.items()],
)


@pytest.fixture
def rule_views(page_cache):
    page_cache.ANONYMOUS_PAGE_CACHE_VIEWS = {f"rule-{name}" for name in RULE_VIEWS if name != "unlisted"}
    CALLS.clear()
    yield
    CALLS.clear()


@pytest.mark.urls(__name__)
def test_a_plain_listed_html_page_is_stored_and_the_view_not_run_again(client, rule_views):
    client.get("/en/rule/plain/")
    assert is_hit(client.get("/en/rule/plain/")) and is_hit(client.head("/en/rule/plain/"))
    assert CALLS == ["/en/rule/plain/"]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("name", [n for n in RULE_VIEWS if n != "plain"])
def test_a_page_that_breaks_a_rule_is_never_stored(client, rule_views, name):
    for _ in range(2):
        response = client.get(f"/en/rule/{name}/")
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        assert not is_hit(response)
        client.cookies.clear()  # stay a cookie-less visitor, whatever the page set
    assert CALLS == [f"/en/rule/{name}/"] * 2
