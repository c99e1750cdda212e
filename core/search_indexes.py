"""Migration operations for the search indexes, on PostgreSQL only (no-ops on SQLite).

Trigram (pg_trgm) GIN indexes serve the substring match of the search (Chinese text, words matched as typed).
Django's `icontains` compiles to `UPPER(col::text) LIKE UPPER(%s)`, so the index is on that same expression: the
planner uses it for any pattern of three characters or more. Full-text GIN indexes on the computed vector serve
the rows without a stored vector (see `content_vector_index`)."""

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


def content_vector_function():
    """A migration operation creating `core.search.VECTOR_FUNCTION(text, language)`: the text as written plus its
    stems in `language`'s configuration. PL/pgSQL, so the planner keeps it as one call whose declared cost tells
    it parsing a row is expensive (an SQL function would be inlined to the cheap-looking to_tsvector calls)."""
    from core.languages import SEARCH_CONFIGS
    from core.search import VECTOR_FUNCTION

    cases = " ".join(f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in SEARCH_CONFIGS.items())
    create_sql = (
        f"CREATE OR REPLACE FUNCTION {VECTOR_FUNCTION}(body text, lang text) RETURNS tsvector "
        "LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000 AS $$ BEGIN "
        "RETURN to_tsvector('simple'::regconfig, body) "
        f"|| to_tsvector(CASE lang {cases} ELSE 'simple'::regconfig END, body); END $$"
    )

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(create_sql)

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {VECTOR_FUNCTION}(text, text)")

    return migrations.RunPython(create, drop, elidable=False)


def content_vector_index(model_label, fields, *, language_field="language"):
    """A migration operation creating (or dropping) a GIN index on the very expression `core.search` computes for
    rows without a stored vector (`content_vector(fields)`), so the full-text match reads the index instead of
    parsing every row. The SQL comes from Django's own compiler, so it is the expression the queries use; if
    `content_vector` or the configurations change, a new migration must rebuild this index."""
    app_label, model_name = model_label.split(".")
    name = f"{app_label}_{model_name}_fts"

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        from django.db.models.sql import Query

        from core.search import content_vector

        model = apps.get_model(app_label, model_name)
        query = Query(model, alias_cols=False)
        compiler = query.get_compiler(connection=schema_editor.connection)
        sql, params = content_vector(fields, language_field).resolve_expression(query).as_sql(
            compiler, schema_editor.connection)
        expression = sql % tuple(schema_editor.quote_value(p) for p in params)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {model._meta.db_table} USING gin (({expression}))")

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop, elidable=False)
