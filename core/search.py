"""Domain-free full-text search used by the site-wide search and the list pages.

On PostgreSQL every row is indexed in two ways: its words as written (the `simple` configuration, for names and
any language) and stemmed with the configuration of the row's own language (`language` field: arabic, english,
french, russian, spanish; `simple` for the others). The query is parsed as written and stemmed in the reader's UI
language (and in Russian or Arabic when typed in their script), so a Spanish reader's "migrantes" finds Spanish
content saying "migrante" and "мигрантов" finds "мигранты". Chinese has no stemmer or
word splitter in PostgreSQL: a query with Chinese characters matches by substring (`UPPER(col) LIKE`), which the
`pg_trgm` GIN indexes of each app's text columns serve. On SQLite the fallback is the substring match alone.

Highlights are returned as safe HTML: the text is escaped first and only our own <mark> tags are added."""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchConfig,
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Case, CharField, F, Func, Q, TextField, Value, When
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .languages import SEARCH_CONFIGS, search_config

START, STOP = "\x02", "\x03"  # never in user text once stripped; replaced by <mark> after escaping
MAX_WORDS = 8
# Han ideographs (with their extensions and compatibility forms), kana and Hangul: scripts without spaces.
CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]")
SCRIPT_CONFIGS = [(re.compile("[\u0400-\u04ff]"), "russian"),
                  (re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"), "arabic")]


@dataclass
class SearchResult:
    count: int = 0
    rows: list = field(default_factory=list)  # (object, highlighted snippet)


def _highlight(text):
    html = escape(text or "").replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our markers become tags


def _joined(fields):
    if len(fields) == 1:
        return F(fields[0])
    parts = []
    for name in fields:
        parts += [name, Value(" ")]
    return Concat(*parts[:-1], output_field=CharField())


def has_cjk(text):
    """True when `text` has Chinese (or other space-less CJK) characters, which only a substring match finds."""
    return bool(CJK.search(text or ""))


def row_config(language_field="language"):
    """The text-search configuration of each row's own language, as an SQL expression (for ts_headline)."""
    whens = [When(**{language_field: code}, then=SearchConfig(config)) for code, config in SEARCH_CONFIGS.items()]
    return Case(*whens, default=SearchConfig("simple"), output_field=CharField())


VECTOR_FUNCTION = "femi_content_vector"  # created by core/migrations/0003_content_vector_function.py


def content_vector(fields, language_field="language"):
    """The words of `fields` as written, plus their stems in the row's own language (PostgreSQL only).

    It calls one SQL function (`VECTOR_FUNCTION`: to_tsvector('simple') || to_tsvector(<the row's config>)) that
    is immutable, so `core.search_indexes.content_vector_index` builds a GIN index on this very expression, and
    costly, so the planner reads that index rather than parsing every row for a common word.
    """
    text = Func(*[Coalesce(F(name), Value(""), output_field=TextField()) for name in fields],
                template="%(expressions)s", arg_joiner=" || ' ' || ", output_field=TextField())
    return Func(text, F(language_field), function=VECTOR_FUNCTION, output_field=SearchVectorField())


def query_configs(text):
    """The configurations a query is parsed with: as written, the reader's UI language, and the language its
    script shows (Cyrillic: Russian, Arabic script: Arabic), whatever the page's language."""
    configs = [search_config(get_language())]
    configs += [config for script, config in SCRIPT_CONFIGS if script.search(text)]
    return ["simple", *dict.fromkeys(c for c in configs if c != "simple")]


def reader_query(text):
    """`text` (web-search syntax) as written, or stemmed in the reader's language (see `query_configs`)."""
    first, *others = query_configs(text)
    query = SearchQuery(text, search_type="websearch", config=first)
    for config in others:
        query |= SearchQuery(text, search_type="websearch", config=config)
    return query


def substring_condition(words, fields):
    """Every word in at least one of `fields`, case-insensitively (the SQLite fallback and the Chinese match)."""
    condition = Q()
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return condition


@dataclass
class Match:
    """What `matching` prepared: the queryset (with the vector aliased), the condition and the tsquery."""

    queryset: object
    condition: Q
    query: object = None


def matching(queryset, *, text, fields, language_field="language", vector_field=None, max_words=MAX_WORDS):
    """How rows of `queryset` match `text`: full-text per language on PostgreSQL, or by substring.

    `fields` are the columns searched (and matched by substring); `vector_field` names a stored vector built
    like `content_vector` (GIN-indexed), else the vector is computed from `fields`. The caller filters
    `match.queryset` by `match.condition`, possibly OR-ed with its own conditions; `match.query` is None when the
    match is by substring (SQLite, or a query with Chinese characters), with nothing to rank by.
    """
    text = (text or "").replace("\x00", " ")  # PostgreSQL text values refuse NUL; it separates words here
    words = text.split()[:max_words]
    if connection.vendor != "postgresql" or has_cjk(text):
        # Chinese: any match PostgreSQL's parser could find is a substring match too (served by pg_trgm).
        return Match(queryset, substring_condition(words, fields))
    query = reader_query(" ".join(words))
    vector = F(vector_field) if vector_field else content_vector(fields, language_field)
    return Match(queryset.alias(content_search=vector), Q(content_search=query), query)


def text_search(queryset, *, text, fields, limit=10, language_field="language", vector_field=None):
    """`queryset` rows matching `text` in any of `fields`: (count, best `limit` rows with a highlighted excerpt)."""
    text = (text or "").replace("\x00", " ")
    words = text.split()[:MAX_WORDS]
    if not words:
        return SearchResult()
    match = matching(queryset, text=text, fields=fields, language_field=language_field, vector_field=vector_field)
    matches = match.queryset.filter(match.condition)
    if match.query is None:
        rows = list(matches.order_by("-pk")[:limit])
        return SearchResult(matches.count(), [(row, _excerpt(row, fields, words)) for row in rows])
    count = matches.count()
    rows = matches.annotate(
        site_rank=SearchRank(F("content_search"), match.query),
        site_headline=SearchHeadline(_joined(fields), match.query, config=row_config(language_field),
                                     start_sel=START, stop_sel=STOP, max_words=35, min_words=15, max_fragments=2),
    ).order_by("-site_rank", "-pk")[:limit]
    return SearchResult(count, [(row, _highlight(row.site_headline)) for row in rows])


def _excerpt(row, fields, words, width=120):
    text = " ".join(str(getattr(row, name) or "") for name in fields).replace(START, "").replace(STOP, "")
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    found = pattern.search(text)
    start = max(0, found.start() - width // 2) if found else 0
    if start:  # begin on a word
        space = text.find(" ", start, found.start() if found else start + width)
        start = space + 1 if space != -1 else start
    piece = text[start:start + width]
    marked = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", piece)
    return _highlight(("…" if start else "") + marked + ("…" if start + width < len(text) else ""))
