"""Bulk writes for the daily sweeps: insert many rows at once, each at most once, whatever runs concurrently.

Rows are plain tuples of values, not model instances: building, preparing and quoting a Django instance per row
was most of a sweep's time. On PostgreSQL they are streamed with `COPY … FROM STDIN` (psycopg adapts the values
in C) into a temporary table, then moved into the target by one `INSERT … SELECT … ON CONFLICT DO NOTHING
RETURNING`; elsewhere (SQLite) they go through `bulk_create` in batches.
"""

import json

from django.db import IntegrityError, connection, transaction
from django.db.models import JSONField

BATCH_SIZE = 1000
ATTEMPTS = 3
STAGE = "femi_bulk_stage"  # temporary table: private to the session, dropped before the call returns


def insert_missing(model, rows, *, fields, key, existing=None, prepare=None):
    """Insert those of `rows` whose `key` is not stored yet; return {key tuple: pk} of the rows this call inserted.

    `rows` are tuples of values for `fields` (attribute names such as "registration_id", values ready for the
    database: ids rather than instances, aware datetimes); every other field of `model` takes its default,
    computed once for the call. `key` names the fields (among `fields`) of a unique constraint of `model`.
    `prepare(row)`, if given, returns the row completed (work spared for the rows already stored). `existing` is a
    queryset of `model` (or a function returning it, called only when it is needed) holding at least every stored
    row that could share a key with `rows` (one query reads their keys); it is read on SQLite, and on PostgreSQL
    only when `prepare` is given.

    Exactly once: when a concurrent run inserts some of the same keys meanwhile, this call inserts only the others
    and returns only those. On PostgreSQL the unique constraint sorts them out in the insert itself (ON CONFLICT
    waits for the other transaction and skips what it committed); on SQLite the refused batch is rolled back to a
    savepoint and retried without them. Call it inside a transaction.
    """
    positions = [fields.index(name) for name in key]
    rows = list(rows)
    if connection.vendor == "postgresql":
        if prepare:
            rows = [prepare(row) for row in _unstored(rows, positions, existing, key)]
        return _copy_missing(model, rows, fields=fields, key=key, positions=positions)
    return _bulk_create_missing(model, rows, fields=fields, key=key, positions=positions, existing=existing,
                                prepare=prepare)


def copy_rows(model, rows, *, fields):
    """Append `rows` (tuples of values for `fields`, the other fields at their defaults) to `model`'s table, in
    one COPY on PostgreSQL, bulk_create elsewhere. No key, no conflict handling, nothing returned: for append-only
    rows such as audit events."""
    rows = list(rows)
    if connection.vendor != "postgresql":
        model.objects.bulk_create(_instances(model, rows, fields), batch_size=BATCH_SIZE)
        return
    columns, dumps, constants = _columns(model, fields)
    table = model._meta.db_table
    names = ", ".join(_quote(c) for c in columns + list(constants))
    with connection.cursor() as cursor:
        # COPY cannot take a constant for a column, so the defaults go into each row: the same objects repeated.
        extra, dumped = tuple(constants.values()), _row_dumper(dumps)
        with cursor.copy(f"COPY {_quote(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*dumped(row), *extra))


def _unstored(rows, positions, existing, key):
    if callable(existing):
        existing = existing()
    stored = set(existing.order_by().values_list(*key))
    return [row for row in rows if tuple(row[i] for i in positions) not in stored]


def _copy_missing(model, rows, *, fields, key, positions):
    if not rows:
        return {}
    columns, dumps, constants = _columns(model, fields)
    table, pk = model._meta.db_table, model._meta.pk.column
    key_columns = [columns[i] for i in positions]
    target = ", ".join(_quote(c) for c in columns + list(constants))
    source = ", ".join([_quote(c) for c in columns] + [f"%s::{cast}" for cast in _casts(model, constants)])
    returning = ", ".join(_quote(c) for c in [pk, *key_columns])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} ON COMMIT DROP AS "
                       f"SELECT {', '.join(_quote(c) for c in columns)} FROM {_quote(table)} WITH NO DATA")
        dumped = _row_dumper(dumps)
        with cursor.copy(f"COPY {STAGE} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(dumped(row))
        cursor.execute(f"INSERT INTO {_quote(table)} ({target}) SELECT {source} FROM {STAGE} "
                       f"ON CONFLICT ({', '.join(_quote(c) for c in key_columns)}) DO NOTHING RETURNING {returning}",
                       list(constants.values()))
        inserted = {tuple(found[1:]): found[0] for found in cursor.fetchall()}
        cursor.execute(f"DROP TABLE {STAGE}")
    return inserted


def _bulk_create_missing(model, rows, *, fields, key, positions, existing, prepare):
    prepared = {}  # key -> row as prepared (once, on the first attempt that tries it)
    for attempt in range(ATTEMPTS):
        todo = _unstored(rows, positions, existing, key)
        if not todo:
            return {}
        for row in todo:
            found = tuple(row[i] for i in positions)
            if found not in prepared:
                prepared[found] = prepare(row) if prepare else row
        objects = _instances(model, [prepared[tuple(row[i] for i in positions)] for row in todo], fields)
        try:
            with transaction.atomic():
                model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
            continue
        return {tuple(getattr(obj, name) for name in key): obj.pk for obj in objects}
    return {}


def _instances(model, rows, fields):
    return [model(**dict(zip(fields, row, strict=True))) for row in rows]


def _columns(model, fields):
    """The columns of `fields`, a converter for each (JSON is dumped, other values go as they are), and
    {column: value ready for the database} of the other concrete fields' defaults (the primary key aside)."""
    by_name = {field.attname: field for field in model._meta.concrete_fields}
    columns = [by_name[name].column for name in fields]
    dumps = [_json_dumper(by_name[name]) if isinstance(by_name[name], JSONField) else None for name in fields]
    constants = {field.column: field.get_db_prep_save(field.get_default(), connection)
                 for field in model._meta.concrete_fields if field.attname not in fields and not field.primary_key}
    return columns, dumps, constants


def _casts(model, constants):
    by_column = {field.column: field for field in model._meta.concrete_fields}
    return [by_column[column].db_type(connection) for column in constants]


def _json_dumper(field):
    cache = {}  # id -> (value, text): one context object is often shared by thousands of rows, dumped once

    def dump(value):
        if isinstance(value, (dict, list)):
            found = cache.get(id(value))
            if found is not None and found[0] is value:
                return found[1]
            text = json.dumps(value, cls=field.encoder)
            cache[id(value)] = (value, text)
            return text
        return json.dumps(value, cls=field.encoder)
    return dump


def _row_dumper(dumps):
    """A function turning a row into what COPY takes: the JSON values dumped, the others as they are."""
    converted = [(i, dump) for i, dump in enumerate(dumps) if dump is not None]
    if not converted:
        return tuple

    def dumped(row):
        row = list(row)
        for i, dump in converted:
            row[i] = dump(row[i])
        return row
    return dumped


def _quote(name):
    return connection.ops.quote_name(name)
