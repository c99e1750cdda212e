"""Brief caching of public aggregates (facet counts, totals, dashboard figures), rendered public fragments
(templatetags/public_cache.py) and open-data API pages at scale.

Counting 50,000 rows per facet on every page view costs more than the page itself; the figures are public and the
same for every visitor, so they are kept for PUBLIC_CACHE_SECONDS (0 turns caching off: development and tests see
every change at once). The key is the SQL of the query behind the figures plus the active language, so every
filter combination and every translation has its own entry.
"""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import get_language

from .public_changes import lookup, store


def cached_for_query(prefix, queryset, compute):
    """compute(), remembered briefly under a key made of `prefix`, the queryset's SQL and the language."""
    if not getattr(settings, "PUBLIC_CACHE_SECONDS", 0):
        return compute()
    sql, params = queryset.query.sql_with_params()
    return cached(prefix, f"{sql}|{params}", compute)


def cached(prefix, parts, compute):
    """compute(), remembered briefly under `prefix` and a digest of `parts` and the active language."""
    timeout = getattr(settings, "PUBLIC_CACHE_SECONDS", 0)
    if not timeout:
        return compute()
    key = public_key(prefix, parts)
    value, generation = lookup(key)
    if value is None:
        value = compute()
        store(key, value, generation, timeout)
    return value


def public_key(prefix, parts):
    """The cache key of a public entry: `prefix` and a digest of `parts` and the active language."""
    digest = hashlib.sha256(f"{parts}|{get_language()}".encode()).hexdigest()[:32]
    return f"public:{prefix}:{digest}"


class CachedCountPaginator(Paginator):
    """A paginator whose total (a COUNT(*) over the whole filtered table) is cached briefly like the facets."""

    @cached_property
    def count(self):
        return cached_for_query("count", self.object_list, self.object_list.count)


def cached_fragment(prefix, parts, render, *, storable=lambda html: True):
    """A rendered public fragment, remembered like the figures above; `storable(html)` False serves it unstored."""
    timeout = getattr(settings, "PUBLIC_CACHE_SECONDS", 0)
    if not timeout:
        return render()
    key = public_key(f"fragment:{prefix}", parts)
    html, generation = lookup(key)
    if html is None:
        html = render()
        if storable(html):
            store(key, html, generation, timeout)
    return html
