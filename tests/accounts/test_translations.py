"""The project catalogue (locale/es, locale/fr) is complete, consistent and used by the interface."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

from accounts.enums import MembershipStatus
from gcm.enums import RegionalCommission, StakeholderCategory

LOCALE = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _catalog(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle, locale=language)


@pytest.mark.parametrize("language", ["es", "fr"])
def test_every_entry_is_translated_with_the_same_placeholders(language):
    problems = []
    for message in _catalog(language):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != expected and not (len(strings) > 1 and expected - {"n"} ==
                                                                   set(PLACEHOLDER.findall(text))):
                problems.append(f"placeholders differ: {ids[0]!r} -> {text!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["es", "fr"])
def test_catalogue_covers_reference_vocabularies(language):
    ids = {m.id for m in _catalog(language) if isinstance(m.id, str)}
    vocab = [*StakeholderCategory.labels, *RegionalCommission.labels, *MembershipStatus.labels]
    missing = [str(label) for label in vocab if str(label) not in ids]
    assert not missing


@pytest.mark.parametrize("language,expected", [
    ("es", ("Sociedad civil", "Comisión Económica para América Latina y el Caribe (CEPAL)", "Portal FEMI")),
    ("fr", ("Société civile", "Commission économique pour l’Amérique latine et les Caraïbes (CEPALC)",
            "Portail FEMI")),
])
def test_labels_are_translated_at_run_time(language, expected):
    with translation.override(language):
        got = (str(StakeholderCategory.CIVIL_SOCIETY.label), str(RegionalCommission.ECLAC.label),
               translation.gettext("FEMI Portal"))
    assert got == expected
