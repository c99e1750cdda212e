"""The related values of a page of API rows: one query per relation, read as plain values.

`prefetch_related` builds a model instance for every related row and a queryset for every row's manager; for a
page of 50 practices that was most of the request's time (numbers, slugs and codes are all the API prints). These
helpers read the same relations with `values_list` and set a list on each row, under `api_<name>`, which the
serializers read. The order is the related model's own (Meta.ordering), as a prefetch would give.
"""

from collections import defaultdict


def attach_m2m(rows, field_name, *columns, order):
    """rows[i].api_<field_name> = [value] (one column) or [dict] (several) of the many-to-many `field_name`."""
    if not rows:
        return
    field = type(rows[0])._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    query = (through.objects.filter(**{f"{source}_id__in": [row.pk for row in rows]})
             .order_by(*[f"{target}__{o}" for o in order])
             .values_list(f"{source}_id", *[f"{target}__{c}" for c in columns]))
    _set(rows, f"api_{field_name}", query, columns)


def attach_reverse(rows, attr, queryset, key, *columns):
    """rows[i].<attr> = [value] or [dict] of `queryset` (already filtered and ordered) whose `key` is the row."""
    if not rows:
        return
    query = queryset.filter(**{f"{key}__in": [row.pk for row in rows]}).values_list(key, *columns)
    _set(rows, attr, query, columns)


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
