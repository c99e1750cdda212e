"""One query across the published content of every domain app, through each app's own search selector."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogues.selectors import contribution_site_search, dialogue_site_search
from pledges.selectors import pledge_site_search
from practices.selectors import practice_site_search
from reviews.selectors import review_site_search

PER_KIND = 5
MAX_QUERY = 200

KINDS = [
    ("practices", _("Practices"), practice_site_search, "practices:list"),
    ("pledges", _("Pledges"), pledge_site_search, "pledges:list"),
    ("reviews", _("Voluntary reviews"), review_site_search, None),
    ("dialogues", _("Dialogues"), dialogue_site_search, "dialogues:list"),
    ("contributions", _("Contributions"), contribution_site_search, None),
]


def site_search(text):
    """Groups of results, one per kind, each with its count, best rows and a link to the full filtered list.
    Each row carries the language its text is written in (the page marks it up with `lang` and `dir`)."""
    text = (text or "").strip()[:MAX_QUERY]
    if not text:
        return []
    groups = []
    for key, label, search, list_url in KINDS:
        result = search(text, limit=PER_KIND)
        more = f"{reverse(list_url)}?{urlencode({'q': text})}" if list_url and key != "dialogues" else None
        rows = [{"title": _title(key, obj), "url": obj.get_absolute_url(), "snippet": snippet,
                 "language": obj.language, "title_language": obj.language if key != "contributions" else None}
                for obj, snippet in result.rows]
        groups.append({"key": key, "label": label, "count": result.count, "rows": rows, "more_url": more})
    return groups


def _title(key, obj):
    if key == "contributions":
        return gettext("Contribution to %(dialogue)s") % {"dialogue": obj.dialogue.title}
    return str(obj)
