"""A small registry where domain apps contribute to shared pages without importing each other.

Slots used now:
- "home": callable(cycle) -> dict(key, count, label) for the road-to-IMRF element `key` on the home page
  (keys: reviews, practices, pledges, dialogues, mptf, stakeholders).
- "objective": callable(objective) -> dict(title, template, items): a section on an objective's page; the
  template is included with `items`. Keep it to a constant number of queries.
- "round_table": callable(round_table) -> dict(title, template, items), likewise.
- "secretariat": callable(user) -> list of dict(label, count, url, oldest) queues on the secretariat console;
  `oldest` is the datetime (or date) since the oldest item waits, None when unknown; build them with `queue()`.
  Optional keys: `key` (stable identifier), `flagged` (count of items needing attention, e.g. disagreement),
  `flag_label`. Keep each queue to one query.
Apps register in their AppConfig.ready().
"""

from collections import defaultdict

from django.db.models import Count, Min

_contributions = defaultdict(list)


def register(slot, func):
    if func not in _contributions[slot]:
        _contributions[slot].append(func)
    return func


def collect(slot, *args, **kwargs):
    results = []
    for func in _contributions[slot]:
        value = func(*args, **kwargs)
        if value is None:
            continue
        results.extend(value if isinstance(value, list) else [value])
    return results


def queue(key, label, queryset, since, url, **extra):
    """A console queue from `queryset`: its count and the oldest value of field `since`, in one query."""
    aggregates = {"count": Count("pk", distinct=True)}
    if since:
        aggregates["oldest"] = Min(since)
    figures = queryset.order_by().aggregate(**aggregates)
    return {"key": key, "label": label, "url": url, "count": figures["count"], "oldest": figures.get("oldest"),
            **extra}
