"""Machinery of the permission matrix: walk every URL pattern, fill it, request it as a role, classify the answer."""

import copy
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from .world import KWARGS

LANGUAGE = "en"


@dataclass(frozen=True)
class Pattern:
    name: str  # "namespace:name"
    route: str  # the pattern as written, prefixes included (for messages)
    parts: tuple  # the patterns from the root to the view, to fill in

    @property
    def is_admin(self):
        return self.name.startswith("admin:")

    @property
    def arguments(self):
        names = []
        for part in self.parts:
            names += list(part.regex.groupindex)
        return names


def url_patterns():
    """Every URL pattern of the project, with its full name (i18n_patterns, api/, admin/ and allauth included)."""
    found = []

    def walk(patterns, parents, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = ":".join(n for n in (namespace, entry.namespace) if n)
                walk(entry.url_patterns, parents + (entry.pattern,), ns)
            elif isinstance(entry, URLPattern):
                name = ":".join(n for n in (namespace, entry.name or "<unnamed>") if n)
                route = "".join(_text(p) for p in parents + (entry.pattern,))
                found.append(Pattern(name, route, parents + (entry.pattern,)))

    walk(get_resolver().url_patterns, (), "")
    return found


def _text(pattern):
    if isinstance(pattern, LocalePrefixPattern):
        return f"{LANGUAGE}/"
    return str(pattern)


def fill(pattern, kwargs):
    """The path of `pattern` with `kwargs` (format-suffix variants of the API get `.json`)."""
    kwargs = {**kwargs, "format": "json"}
    path = "/"
    for part in pattern.parts:
        if isinstance(part, LocalePrefixPattern):
            path += f"{LANGUAGE}/"
        elif isinstance(part, RoutePattern):
            route = str(part).replace("<drf_format_suffix:format>", ".json")  # the API root's ".json" variant
            path += re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), route)
        elif isinstance(part, RegexPattern):
            path += _fill_regex(str(part), kwargs)
    return path


def _fill_regex(regex, kwargs):
    regex = regex.lstrip("^").rstrip("$")
    if regex == r"[\s\S]*":  # the API's catch-all
        return "no-such-endpoint/"
    regex = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: "\0" + m.group(1) + "\0", regex)
    regex = regex.replace("/?", "/").replace("\\.", ".")
    return re.sub(r"\0(\w+)\0", lambda m: str(kwargs[m.group(1)]), regex)


def kwargs_for(pattern, world):
    """The URL arguments of `pattern`, filled with the world's objects (admin patterns get object 1)."""
    arguments = [a for a in pattern.arguments if a != "format"]
    if not arguments:
        return {}
    if pattern.is_admin:
        return {a: {"app_label": "accounts"}.get(a, "1") for a in arguments}
    factory = KWARGS.get(pattern.name)
    if factory is None:
        raise AssertionError(f"{pattern.name} ({pattern.route}) takes {arguments}: add it to tests/security/world.py "
                             "KWARGS with an object of State A / organization X")
    return factory(world)


def classify(response):
    """The matrix's code for a response (see the legend of tests/security/matrix.py)."""
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if location.startswith(f"/{LANGUAGE}/accounts/login/"):
            return "L"
        if location.startswith(f"/{LANGUAGE}/admin/login/"):
            return "A"
        return "302"
    return str(response.status_code)


WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
# Writes a GET may do: the session (sign-in state, messages). Nothing else.
ALLOWED_WRITE_TABLES = ("django_session",)


def writes(queries):
    """The SQL statements of `queries` that change data, except the session's."""
    found = []
    for query in queries:
        sql = query["sql"]
        if WRITE.match(sql) and not any(f'"{t}"' in sql or f" {t} " in sql for t in ALLOWED_WRITE_TABLES):
            found.append(sql[:200])
    return found


def request(client, method, path, data=None, world=None, rollback=True):
    """One request whose database changes are rolled back afterwards (unless `rollback` is off), so every cell
    starts from the same world. Returns the response and the data-changing SQL it ran."""
    cookies = copy.deepcopy(client.cookies)
    connection.queries_log.clear()  # the log is bounded: a full one would make the capture below empty
    with CaptureQueriesContext(connection) as queries:
        with transaction.atomic():
            response = client.generic(method, path, data=_encode(data), content_type=_FORM) if method == "POST" \
                else client.get(path)
            _consume(response)
            transaction.set_rollback(rollback)
    client.cookies = cookies  # a sign-out (rolled back) must not sign the client out for the next cell
    cache.clear()  # rate limits and caches never carry over between cells
    if world is not None:
        world.restore_files()  # a rolled-back deletion still removed the file from storage
    return response, writes(queries.captured_queries)


_FORM = "application/x-www-form-urlencoded"


def _encode(data):
    from urllib.parse import urlencode

    return urlencode(data or {}, doseq=True)


def _consume(response):
    """Read a streamed body inside the transaction (exports stream their rows)."""
    if getattr(response, "streaming", False):
        # The test client closes the response when its iterator ends, with Django's close_old_connections
        # disconnected; closing it again here would let that handler drop the PostgreSQL connection mid-transaction.
        response._body = b"".join(response.streaming_content)


def body_of(response):
    return response._body if getattr(response, "streaming", False) else response.content


def normalized(body, path):
    """A 404 page with what legitimately differs between two requests removed: the path (language links) and the
    per-request CSRF token and CSP nonce."""
    text = body.decode("utf-8", "replace")
    from urllib.parse import quote

    unprefixed = path.removeprefix(f"/{LANGUAGE}")  # the language bar links to the same page in each language
    for variant in (path, quote(path), unprefixed, quote(unprefixed)):
        text = text.replace(variant, "<path>")
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value=""', text)
    text = re.sub(r'nonce="[^"]+"', 'nonce=""', text)
    return text
