"""Compile every .po catalogue (project locale/ and each app's locale/) to .mo with Babel.

Unlike `compilemessages` this needs no system gettext, so `make run` works on a fresh machine.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile .po translation catalogues to .mo files (Babel)."

    def handle(self, *args, **options):
        roots = [Path(settings.BASE_DIR) / "locale"] + sorted(Path(settings.BASE_DIR).glob("*/locale"))
        count = 0
        for root in roots:
            for po_path in root.glob("*/LC_MESSAGES/*.po"):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                with po_path.open("rb") as handle:
                    catalog = read_po(handle, locale=po_path.parts[-3])
                _drop_incomplete_plurals(catalog)
                with mo_path.open("wb") as handle:
                    write_mo(handle, catalog, use_fuzzy=False)
                count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")


def _drop_incomplete_plurals(catalog):
    """Babel writes plural entries whose forms are empty; gettext would then show nothing. Drop them, so the
    next catalogue (an app's, or the English source) is used instead."""
    for message in list(catalog):
        if message.id and isinstance(message.string, (list, tuple)) and not all(message.string):
            catalog.delete(message.id, context=message.context)
