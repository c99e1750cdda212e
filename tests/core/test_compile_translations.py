from babel.messages.catalog import Catalog

from core.management.commands.compile_translations import _drop_incomplete_plurals


def test_plural_entries_with_empty_forms_are_dropped_and_complete_ones_kept():
    catalog = Catalog(locale="es")
    catalog.add(("%(n)s pledge", "%(n)s pledges"), ("", ""))
    catalog.add(("%(n)s review", "%(n)s reviews"), ("%(n)s examen", "%(n)s exámenes"))
    catalog.add("Save", "Guardar")
    _drop_incomplete_plurals(catalog)
    assert [m.id for m in catalog if m.id] == [("%(n)s review", "%(n)s reviews"), "Save"]
