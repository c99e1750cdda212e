#!/usr/bin/env python3
"""Keep the translation catalogues of every language in step with the Spanish reference catalogue.

The Spanish catalogue of each locale root (`locale/`, `<app>/locale/`) is complete and follows the code; the
other languages are created or brought up to date from it with Babel only (no system gettext):

    scripts/po_sync.py sync [LANG ...]          add new entries (empty), drop obsolete ones, keep translations
    scripts/po_sync.py missing [LANG ...]       list untranslated or fuzzy entries per catalogue
    scripts/po_sync.py export LANG OUT.json     untranslated entries of LANG, for a translator
    scripts/po_sync.py import LANG IN.json      fill LANG's catalogues from a translator's JSON
    scripts/po_sync.py check [LANG ...]         translations whose placeholders or HTML tags differ from the msgid

The JSON is a list of {"catalogue", "context", "id", "plural", "translation"}: "translation" is a string, or a
list of the language's plural forms for an entry with a plural.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

BASE = Path(__file__).resolve().parent.parent
REFERENCE = "es"
TARGETS = ["ar", "ru", "zh_Hans"]


def roots() -> list[Path]:
    return [BASE / "locale"] + sorted(p for p in BASE.glob("*/locale") if p.parent.name != "node_modules")


def reference_files() -> list[Path]:
    return [po for root in roots() for po in sorted(root.glob(f"{REFERENCE}/LC_MESSAGES/*.po"))]


def target_path(reference: Path, lang: str) -> Path:
    return reference.parents[2] / lang / "LC_MESSAGES" / reference.name


def label(path: Path) -> str:
    return str(path.relative_to(BASE))


def load(path: Path, lang: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def save(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=False)


def translated(message) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.string, (list, tuple)):
        return all(message.string)
    return bool(message.string)


def sync_one(reference: Path, lang: str) -> tuple[int, int]:
    source = load(reference, REFERENCE)
    path = target_path(reference, lang)
    old = load(path, lang) if path.exists() else None
    new = Catalog(
        locale=lang,
        project=source.project,
        version=source.version,
        copyright_holder=source.copyright_holder,
        msgid_bugs_address=source.msgid_bugs_address or "femi-portal@un.example",
        last_translator="FEMI Portal team <femi-portal@un.example>",
        language_team="FEMI Portal team <femi-portal@un.example>",
        header_comment=source.header_comment,
        fuzzy=False,
    )
    added = 0
    for message in source:
        if not message.id:
            continue
        previous = old.get(message.id, context=message.context) if old else None
        plural = isinstance(message.id, (list, tuple))
        was_plural = previous is not None and isinstance(previous.id, (list, tuple))
        if previous is not None and translated(previous) and was_plural == plural:
            string = previous.string
            if plural and len(string) != new.num_plurals:
                string = tuple(list(string)[: new.num_plurals] + [""] * max(0, new.num_plurals - len(string)))
        else:
            string = tuple([""] * new.num_plurals) if plural else ""
            added += 1
        flags = {flag for flag in message.flags if flag != "fuzzy"}
        new.add(message.id, string, locations=message.locations, flags=flags, context=message.context,
                auto_comments=message.auto_comments, user_comments=message.user_comments)
    if old is not None:  # keep the header dates, so an unchanged catalogue is rewritten byte for byte
        new.creation_date = old.creation_date
        new.revision_date = old.revision_date
    dropped = 0
    if old:
        dropped = sum(1 for m in old if m.id and source.get(m.id, context=m.context) is None)
    save(new, path)
    return added, dropped


def command_sync(langs: list[str]) -> None:
    for lang in langs:
        for reference in reference_files():
            added, dropped = sync_one(reference, lang)
            if added or dropped:
                print(f"{label(target_path(reference, lang))}: {added} to translate, {dropped} obsolete dropped")


def missing(lang: str):
    for reference in reference_files():
        path = target_path(reference, lang)
        if not path.exists():
            yield path, None
            continue
        catalogue = load(path, lang)
        for message in catalogue:
            if message.id and not translated(message):
                yield path, message
        if lang != REFERENCE:  # entries of the reference not yet synced into this catalogue
            for message in load(reference, REFERENCE):
                if message.id and catalogue.get(message.id, context=message.context) is None:
                    yield path, message


def command_missing(langs: list[str]) -> int:
    total = 0
    for lang in langs:
        for path, message in missing(lang):
            total += 1
            print(f"{label(path)}: " + ("missing catalogue" if message is None else repr(message.id)))
    print(f"{total} untranslated", file=sys.stderr)
    return 1 if total else 0


PLACEHOLDER = re.compile(r"%\([A-Za-z0-9_]+\)[sdif]|%[sdif]|\{[A-Za-z0-9_]*\}|</?[a-zA-Z][^>]*>")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(lang: str):
    """(catalogue, msgid, reason) for each translated entry whose placeholders or tags differ from its msgid."""
    for reference in reference_files():
        path = target_path(reference, lang)
        if not path.exists():
            continue
        for message in load(path, lang):
            if not message.id or not translated(message):
                continue
            if isinstance(message.id, (list, tuple)):
                wanted = placeholders(message.id[1])
                forms = list(message.string)
            else:
                wanted = placeholders(message.id)
                forms = [message.string]
            for form in forms:
                got = placeholders(form)
                # A plural form may leave out the count (Arabic "one"/"two" forms), never add or rename one.
                if got != wanted and not (isinstance(message.id, (list, tuple)) and set(got) <= set(wanted)):
                    yield path, message.id, f"placeholders {got} differ from {wanted}"


def command_check(langs: list[str]) -> int:
    total = 0
    for lang in langs:
        for path, msgid, reason in problems(lang):
            total += 1
            print(f"{label(path)}: {msgid!r}: {reason}")
    print(f"{total} problem(s)", file=sys.stderr)
    return 1 if total else 0


def command_export(lang: str, out: Path) -> None:
    entries = []
    for path, message in missing(lang):
        if message is None:
            continue
        plural = isinstance(message.id, (list, tuple))
        entries.append({
            "catalogue": label(path),
            "context": message.context,
            "id": message.id[0] if plural else message.id,
            "plural": message.id[1] if plural else None,
            "translation": list(message.string) if plural else message.string,
        })
    out.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(entries)} entries written to {out}")


def command_import(lang: str, source: Path) -> None:
    entries = json.loads(source.read_text(encoding="utf-8"))
    by_catalogue: dict[str, list[dict]] = {}
    for entry in entries:
        by_catalogue.setdefault(entry["catalogue"], []).append(entry)
    filled = 0
    for name, items in by_catalogue.items():
        path = BASE / name
        if f"/{lang}/" not in f"/{name}":
            raise SystemExit(f"{name} is not a {lang} catalogue")
        catalog = load(path, lang)
        for entry in items:
            key = (entry["id"], entry["plural"]) if entry.get("plural") else entry["id"]
            message = catalog.get(key, context=entry.get("context"))
            if message is None:
                print(f"{name}: no entry {entry['id']!r}, skipped", file=sys.stderr)
                continue
            value = entry["translation"]
            if isinstance(message.id, (list, tuple)):
                value = tuple(value) if isinstance(value, list) else tuple([value] * catalog.num_plurals)
            if value and (not isinstance(value, tuple) or all(value)):
                message.string = value
                message.flags.discard("fuzzy")
                filled += 1
        save(catalog, path)
    print(f"{filled} entries filled")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    if command == "sync":
        command_sync(args or TARGETS)
    elif command == "missing":
        return command_missing(args or TARGETS + [REFERENCE])
    elif command == "check":
        return command_check(args or TARGETS + ["fr", REFERENCE])
    elif command == "export" and len(args) == 2:
        command_export(args[0], Path(args[1]))
    elif command == "import" and len(args) == 2:
        command_import(args[0], Path(args[1]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
