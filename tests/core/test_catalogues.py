"""Translation catalogues are complete: every entry of every locale root translated in the six UN languages, the
same placeholders as the English, and no string in the code that `makemessages` would add.

Catalogues are found by glob (scripts/po_sync.py's roots), so a new app's `locale/` is covered. The
`makemessages` check needs no system gettext: msgids are extracted with Babel's Python and JavaScript extractors,
templates first go through Django's own `templatize` (what makemessages does before xgettext). Each file belongs
to the catalogue makemessages would write it to: its app's `locale/` when the app has one, else the project's.
"""

import importlib.util
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract
from django.conf import settings
from django.urls import reverse
from django.utils.translation.template import templatize

BASE = Path(settings.BASE_DIR)
_spec = importlib.util.spec_from_file_location("po_sync", BASE / "scripts" / "po_sync.py")
po_sync = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(po_sync)

# English is the source language (the msgids); the other five have catalogues.
CATALOGUE_LANGUAGES = ["ar", "zh_Hans", "fr", "ru", "es"]
# Django's makemessages keywords (xgettext's defaults plus Django's lazy and context variants).
KEYWORDS = {
    "_": None, "gettext": None, "gettext_lazy": None, "gettext_noop": None, "N_": None,
    "ngettext": (1, 2), "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2), "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3), "npgettext_lazy": ((1, "c"), 2, 3),
}
SKIPPED_DIRS = {"node_modules", ".venv", "tests", "benchmarks", "scripts", "var", "locale", "static", ".git"}


def catalogue_ids():
    """(root label, language) for every root × language, from the Spanish reference catalogues found by glob."""
    return sorted({(str(po.parents[2].relative_to(BASE)), lang)
                   for po in po_sync.reference_files() for lang in CATALOGUE_LANGUAGES})


def test_every_locale_root_has_the_same_catalogues_in_every_language():
    found = {}
    for root in po_sync.roots():
        for po in root.glob("*/LC_MESSAGES/*.po"):
            found.setdefault(po.parts[-3], set()).add((str(root.relative_to(BASE)), po.name))
    assert sorted(found) == sorted(CATALOGUE_LANGUAGES)
    assert all(found[lang] == found["es"] for lang in found), found


@pytest.mark.parametrize("root,language", catalogue_ids())
def test_every_entry_is_translated(root, language):
    """No empty and no fuzzy entry (fails until the Arabic, Chinese and Russian catalogues are filled)."""
    untranslated = [(po_sync.label(path), message and message.id) for path, message in po_sync.missing(language)
                    if str(path).startswith(str(BASE / root) + "/")]
    assert untranslated == []


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_translations_keep_the_placeholders_and_tags_of_the_english(language):
    assert [(po_sync.label(path), msgid, reason) for path, msgid, reason in po_sync.problems(language)] == []


# --- makemessages finds no new string -----------------------------------------------------------------------------

def _locale_root(path):
    app_locale = BASE / path.relative_to(BASE).parts[0] / "locale"
    return app_locale if app_locale.is_dir() else BASE / "locale"


def _source_files(suffixes):
    for path in sorted(BASE.rglob("*")):
        parts = path.relative_to(BASE).parts
        if path.suffix in suffixes and path.is_file() and not SKIPPED_DIRS.intersection(parts[:-1]):
            yield path
    if ".js" in suffixes:  # JavaScript lives under the apps' static folders
        yield from sorted(p for p in BASE.glob("*/static/**/*.js") if "node_modules" not in p.parts)


def _messages(path):
    if path.suffix == ".js":
        method, source = "javascript", path.read_bytes()
    elif path.suffix == ".py":
        method, source = "python", path.read_bytes()
    else:
        # xgettext reads templatize's output leniently; Python's tokenizer needs it without indentation.
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        method, source = "python", "\n".join(line.lstrip() for line in code.splitlines()).encode()
    for lineno, message, _comments, context in extract(method, io.BytesIO(source), keywords=KEYWORDS):
        if message and (message if isinstance(message, str) else message[0]):
            yield lineno, message, context


def _extracted(domain):
    suffixes = {".js"} if domain == "djangojs" else {".py", ".html", ".txt"}
    for path in _source_files(suffixes):
        if domain == "django" and "/static/" in str(path):
            continue
        for lineno, message, context in _messages(path):
            yield _locale_root(path), f"{path.relative_to(BASE)}:{lineno}", message, context


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_makemessages_would_find_no_new_string(domain):
    catalogues, missing, seen = {}, [], 0
    for root, where, message, context in _extracted(domain):
        seen += 1
        if root not in catalogues:
            path = root / "es" / "LC_MESSAGES" / f"{domain}.po"
            catalogues[root] = po_sync.load(path, "es") if path.exists() else None
        catalogue = catalogues[root]
        if catalogue is None or catalogue.get(message, context=context) is None:
            missing.append((where, message, context))
    assert seen > (500 if domain == "django" else 0)  # the extraction really ran
    assert missing == []


# --- The main pages in Arabic show no English UI label ------------------------------------------------------------

ENGLISH_LABELS = {
    "Reviews", "Practices", "Pledges", "Dialogues", "GCM objectives", "Search the portal", "Search", "Sign in",
    "Sign up", "Skip to main content", "Open data", "Main navigation", "Toggle navigation", "Language", "Filters",
    "Apply", "Clear", "Pledge dashboard", "Published pledges", "Joint pledges", "Financial pledges", "Type",
    "Region", "Progress", "GCM objective", "Guiding principle", "Password", "Forgot your password?", "Save",
    "Repository of practices", "Dashboard", "All", "Objective",
}


class _Labels(HTMLParser):
    """Visible text nodes and labelling attributes, leaving out scripts and text marked in another language."""

    def __init__(self, language):
        super().__init__()
        self.language, self.stack, self.labels = language, [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        foreign = bool(self.stack and self.stack[-1]) or tag in ("script", "style") or (
            "lang" in attrs and tag != "html" and not attrs["lang"].startswith(self.language[:2]))
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "col", "wbr"):
            self.stack.append(foreign)
        if not foreign:
            for name in ("aria-label", "placeholder", "title", "alt"):
                if attrs.get(name):
                    self.labels.add(" ".join(attrs[name].split()))

    def handle_endtag(self, tag):
        if self.stack and tag not in ("br", "img", "input", "meta", "link", "hr", "source", "col", "wbr"):
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.labels.add(" ".join(data.split()))


def _labels(html, language):
    parser = _Labels(language)
    parser.feed(html)
    return parser.labels


@pytest.fixture
def main_pages(client, focal_point):
    from tests.reviews.factories import ReviewFactory

    review = ReviewFactory(member_state=focal_point.focal_points.first().member_state)

    def pages(language):
        from django.utils import translation

        with translation.override(language):
            public = [reverse("gcm:home"), reverse("practices:list"), reverse("pledges:list"),
                      reverse("pledges:dashboard"), reverse("account_login")]
            form = reverse("reviews:section", args=[review.pk, "policy"])
        result = {url: client.get(url).content.decode() for url in public}
        client.force_login(focal_point)
        result[form] = client.get(form).content.decode()
        client.logout()
        return result

    return pages


def test_the_english_labels_checked_really_are_on_the_main_pages(main_pages):
    shown = set().union(*(_labels(html, "en") for html in main_pages("en").values()))
    assert ENGLISH_LABELS - shown == set()


@pytest.mark.parametrize("language", ["ar", "es"])
def test_main_pages_show_no_english_ui_label(main_pages, language):
    """Arabic needs the Arabic catalogue (fails until it is filled); Spanish, complete, shows the check works."""
    leftovers = {url: sorted(ENGLISH_LABELS & _labels(html, language)) for url, html in main_pages(language).items()}
    assert {url: labels for url, labels in leftovers.items() if labels} == {}
