"""Whole public pages kept for anonymous visitors who send no cookie, for PUBLIC_CACHE_SECONDS (0 turns it off).

Fragment caching (templatetags/public_cache.py) still builds the view, its filter set and the base template on
every request; most visitors of the public repository are anonymous and send no cookie, and for them the whole
page depends on nothing but its address. This middleware keeps such pages and answers them before the session,
locale, CSRF and authentication middleware run.

Served from the cache: GET and HEAD (from the GET entry) with no cookie but those of PAGE_CACHE_COOKIES and no
Authorization header, on a path with a language prefix (`/en/…`; the path fixes the language, so `/` and its
Accept-Language redirect never are). The key is the scheme, the host, the path, the query string with its
parameters in a canonical order (each parameter's values keep theirs: the last one counts) and the cookies that
change what a page shows (the time zone the browser reported, for the dialogue pages). The CSRF cookie, which
browsers keep for a year after any form, is allowed and ignored: a page that asked for a token is never stored, so
a stored page holds none (and a request carrying that cookie never stores: Django puts its value in CSRF_COOKIE).

Stored only when, beside the above: the view is one of ANONYMOUS_PAGE_CACHE_VIEWS (public pages checked to depend
on nothing else of the request), the answer is a 200, not streamed, HTML or a news feed (RSS, Atom), sets no
cookie, varies on nothing but Cookie, is not marked private/no-cache/no-store, no CSRF token was asked for
(`get_token()` puts CSRF_COOKIE in request.META; a request without a csrftoken cookie has none otherwise), the
session was not written and no message was added.

A page is stored with the generation of the public data it was built from, read with it in one round trip, and is
a miss once anything public changed since (core/public_changes.py): a withdrawn item leaves the pages at once.

A hit carries the stored status, body and headers (the middleware placed before it adds the security headers
again, per request) plus `Age`: the seconds since it was stored, which tells operators it came from here.

Django's cache middleware (django.middleware.cache) is not reused: it adds Expires and Cache-Control max-age to
every page it stores (telling browsers and proxies to keep pages that carry a personal header for others), keys
by the raw query string, needs two cache reads per hit (the Vary registry, then the page), reads its timeout once
at start-up, and keeps signed-in visitors' pages too (keyed by their Cookie header, which the pages vary on)
instead of never.
"""

import hashlib
import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse

from .public_changes import lookup, store

KEY_PREFIX = "anonpage:v3:"
# Cookies an anonymous visitor may carry and still be answered from the cache: True when the page may depend on
# it (part of the key), False when no stored page does.
PAGE_CACHE_COOKIES = {settings.CSRF_COOKIE_NAME: False, "femi_tz": True}
REFUSED_CACHE_CONTROL = ("private", "no-cache", "no-store")
# What a stored page may be: HTML, or a news feed (feed readers send no cookie and poll the same address).
STORED_TYPES = ("text/html", "application/rss+xml", "application/atom+xml")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PUBLIC_CACHE_SECONDS
        if not timeout or not is_anonymous_page_request(request):
            return self.get_response(request)
        key = page_key(request)
        entry, generation = lookup(key)
        if entry is not None:
            return replay(entry)
        response = self.get_response(request)
        if request.method == "GET" and is_storable(request, response):
            store(key, (time.time(), response.content, dict(response.items())), generation, timeout)
        return response


def is_anonymous_page_request(request):
    """GET or HEAD of a language-prefixed page, with no cookie but PAGE_CACHE_COOKIES, no Authorization header."""
    return (
        request.method in ("GET", "HEAD")
        and request.COOKIES.keys() <= PAGE_CACHE_COOKIES.keys()
        and "HTTP_AUTHORIZATION" not in request.META
        and request.path_info.split("/", 2)[1] in {code for code, _name in settings.LANGUAGES}
    )


def page_key(request):
    """The cache key of the page: scheme, host (validated by get_host), path, canonical query string and the
    cookies a page may depend on."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    cookies = urlencode(sorted((name, value) for name, value in request.COOKIES.items() if PAGE_CACHE_COOKIES[name]))
    address = f"{request.scheme}://{request.get_host().lower()}{request.path}?{query}#{cookies}"
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def is_storable(request, response):
    """True when the answer is the same for every cookie-less visitor of this address (see the module's text)."""
    if response.status_code != 200 or response.streaming or response.cookies or "Set-Cookie" in response:
        return False
    if not response.get("Content-Type", "").startswith(STORED_TYPES):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in REFUSED_CACHE_CONTROL):
        return False
    if {h.strip().lower() for h in response.get("Vary", "").split(",") if h.strip()} - {"cookie"}:
        return False
    if "CSRF_COOKIE" in request.META or _session_written(request) or _message_added(request):
        return False
    match = request.resolver_match
    return match is not None and match.view_name in settings.ANONYMOUS_PAGE_CACHE_VIEWS


def replay(entry):
    stored_at, content, headers = entry
    response = HttpResponse(content, headers=headers)
    response["Age"] = str(max(0, int(time.time() - stored_at)))
    return response


def _session_written(request):
    session = getattr(request, "session", None)
    return session is not None and session.modified


def _message_added(request):
    return getattr(getattr(request, "_messages", None), "added_new", False)
