"""A small registry where domain apps contribute to shared pages without importing each other.

Slots used now:
- "home": callable(cycle) -> dict(key, count, label) for the road-to-IMRF element `key` on the home page
  (keys: reviews, practices, pledges, dialogues, mptf, stakeholders).
- "objective": callable(objective) -> dict(title, template, items): a section on an objective's page; the
  template is included with `items`. Keep it to a constant number of queries.
- "round_table": callable(round_table) -> dict(title, template, items), likewise.
- "secretariat": callable(user) -> list of dict(label, count, url) queues on the secretariat console.
Apps register in their AppConfig.ready().
"""

from collections import defaultdict

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
