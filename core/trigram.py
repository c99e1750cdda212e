"""Trigram (pg_trgm) GIN indexes for the substring match of the search (Chinese text, and the SQLite-style
fallback words), on PostgreSQL only. Django's `icontains` compiles to `UPPER(col::text) LIKE UPPER(%s)`, so the
index is on that same expression: the planner uses it for any pattern of three characters or more."""

from django.db import migrations


def trigram_indexes(table, columns):
    """A migration operation creating (or, reversed, dropping) one trigram index per column of `table`."""
    names = {column: f"{table}_{column}_trgm" for column in columns}

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column, name in names.items():
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name in names.values():
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop, elidable=False)
