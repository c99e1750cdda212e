"""Domain-free full-text search used by the site-wide search: ranked PostgreSQL search with ts_headline, or a
simple case-insensitive fallback with a Python excerpt on SQLite. Highlights are returned as safe HTML: the text
is escaped first and only our own <mark> tags are added."""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

START, STOP = "\x02", "\x03"  # never in user text once stripped; replaced by <mark> after escaping
MAX_WORDS = 8


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


def text_search(queryset, *, text, fields, limit=10):
    """`queryset` rows matching `text` in any of `fields`: (count, best `limit` rows with a highlighted excerpt)."""
    words = (text or "").split()[:MAX_WORDS]
    if not words:
        return SearchResult()
    if connection.vendor == "postgresql":
        return _postgres(queryset, " ".join(words), fields, limit)
    return _fallback(queryset, words, fields, limit)


def _postgres(queryset, text, fields, limit):
    query = SearchQuery(text, search_type="websearch", config="simple")
    vector = SearchVector(*fields, config="simple")
    matches = queryset.annotate(site_search=vector).filter(site_search=query)
    count = matches.count()
    rows = matches.annotate(
        site_rank=SearchRank(vector, query),
        site_headline=SearchHeadline(_joined(fields), query, config="simple", start_sel=START, stop_sel=STOP,
                                     max_words=35, min_words=15, max_fragments=2),
    ).order_by("-site_rank", "-pk")[:limit]
    return SearchResult(count, [(row, _highlight(row.site_headline)) for row in rows])


def _fallback(queryset, words, fields, limit):
    condition = Q()
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    matches = queryset.filter(condition)
    rows = list(matches.order_by("-pk")[:limit])
    return SearchResult(matches.count(), [(row, _excerpt(row, fields, words)) for row in rows])


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
