"""The related values of a page of API rows: one query per relation, read as plain values.

`prefetch_related` builds a model instance for every related row and a queryset for every row's manager; for a
page of 50 practices that was most of the request's time (numbers, slugs and codes are all the API prints). These
helpers read the same relations with `values_list` and set a list on each row, under `api_<name>`, which the
serializers read. The order is the related model's own (Meta.ordering), as a prefetch would give.

A many-to-many read has the same SQL on every page but for its ids, and building it with the ORM cost more than
running it: the ORM makes it once per relation and number of ids (`_reusable_sql`) and it is run again with each
page's ids, when it takes exactly those ids as parameters and its columns need no conversion (numbers, codes,
names); any other query is built by the ORM every time.
"""

from collections import defaultdict

from django.db import connections, router
from django.db.models.query import ValuesListIterable


def attach_m2m(rows, field_name, *columns, order):
    """rows[i].api_<field_name> = [value] (one column) or [dict] (several) of the many-to-many `field_name`."""
    if not rows:
        return
    field = type(rows[0])._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()

    def query(ids):
        return (through.objects.filter(**{f"{source}_id__in": ids})
                .order_by(*[f"{target}__{o}" for o in order])
                .values_list(f"{source}_id", *[f"{target}__{c}" for c in columns]))

    shape = (type(rows[0]), field_name, columns, order)
    _set(rows, f"api_{field_name}", _values(through, shape, query, [row.pk for row in rows]), columns)


def attach_reverse(rows, attr, queryset, key, *columns):
    """rows[i].<attr> = [value] or [dict] of `queryset` (already filtered and ordered) whose `key` is the row."""
    if not rows:
        return
    query = queryset.filter(**{f"{key}__in": [row.pk for row in rows]}).values_list(key, *columns)
    _set(rows, attr, query, columns)


_UNKNOWN = object()
_sql = {}  # (database alias, vendor, shape, number of ids) -> the ORM's SQL for it, or None: not reusable


def _values(model, shape, query, ids):
    """The rows of `query(ids)`: from its SQL made once per `shape` and number of ids, or from the ORM."""
    alias = router.db_for_read(model)
    connection = connections[alias]
    key = (alias, connection.vendor, shape, len(ids))
    sql = _sql.get(key, _UNKNOWN)
    if sql is _UNKNOWN:
        sql = _sql[key] = _reusable_sql(query(ids), ids, connection)
    if sql is None:
        return query(ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return cursor.fetchall()


def _reusable_sql(queryset, ids, connection):
    """The SQL of a values_list `queryset` if its rows come from the database as they are and its only
    parameters are `ids` in order (so the same SQL serves any ids of that number); else None."""
    query = queryset.query
    if queryset._iterable_class is not ValuesListIterable or query.annotation_select or query.extra_select:
        return None
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.as_sql()
    columns = [select[0] for select in compiler.select]
    if (list(params) != ids or compiler.col_count != len(columns) or compiler.get_converters(columns)
            or compiler.has_composite_fields(columns)):
        return None
    return sql


def _set(rows, attr, query, columns):
    grouped = defaultdict(list)
    if len(columns) == 1:
        for owner, value in query:
            grouped[owner].append(value)
    else:
        for owner, *values in query:
            grouped[owner].append(dict(zip(columns, values, strict=True)))
    for row in rows:
        setattr(row, attr, grouped.get(row.pk, []))


def organization(values, prefix):
    """{id, name, acronym, category} of an organization read as columns `<prefix>id`, … of `values`, or None."""
    if values[f"{prefix}id"] is None:
        return None
    return {name: values[f"{prefix}{name}"] for name in ("id", "name", "acronym", "category")}


ORGANIZATION_COLUMNS = ("id", "name", "acronym", "category")
