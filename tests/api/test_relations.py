"""Relation values of a page of API rows (api/relations.py): what a prefetch would give, in the related model's
order, whichever page and page size; the SQL made once per relation and number of ids serves any ids."""

import pytest
from django.db import connection

from api import relations
from practices.enums import PracticeStatus
from practices.models import Practice
from tests.factories import OrganizationFactory
from tests.practices.factories import PracticeFactory

ISO3 = ["COL", "MEX", "FRA", "EGY", "CHN", "RUS", "ARG"]


@pytest.fixture
def practices(db):
    for i in range(7):
        practice = PracticeFactory(status=PracticeStatus.PUBLISHED, objectives=[23 - i, 1 + i, 12][: 1 + i % 3],
                                   countries=ISO3[i:] if i % 2 else [])
        practice.partners.set([OrganizationFactory(name=f"Partner {i}-{j}", acronym="") for j in range(i % 3)])
    return list(Practice.objects.order_by("pk"))


def _prefetched(rows):
    """The same relations read through prefetch_related (model instances, the related model's Meta.ordering)."""
    fresh = Practice.objects.filter(pk__in=[row.pk for row in rows]).prefetch_related("objectives", "countries",
                                                                                      "partners")
    return {p.pk: ([o.number for o in p.objectives.all()], [c.iso3 for c in p.countries.all()],
                   [{"id": o.pk, "name": o.name, "acronym": o.acronym, "category": o.category}
                    for o in p.partners.all()]) for p in fresh}


@pytest.mark.parametrize("pages", [[7], [3, 3, 1], [2, 2, 2, 1]], ids=["one page", "threes", "twos"])
def test_attach_m2m_gives_what_a_prefetch_gives_on_every_page(practices, pages):
    start = 0
    for size in pages:
        rows = practices[start:start + size]
        start += size
        relations.attach_m2m(rows, "objectives", "number", order=("number",))
        relations.attach_m2m(rows, "countries", "iso3", order=("iso3",))
        relations.attach_m2m(rows, "partners", *relations.ORGANIZATION_COLUMNS, order=("name", "pk"))
        expected = _prefetched(rows)
        assert {row.pk: (row.api_objectives, row.api_countries, row.api_partners) for row in rows} == expected
    assert any(row.api_objectives for row in practices) and any(row.api_partners for row in practices)


def test_attach_m2m_runs_one_query_per_relation_and_page(practices, django_assert_num_queries):
    relations.attach_m2m(practices[:3], "objectives", "number", order=("number",))  # the SQL made, once
    with django_assert_num_queries(1):
        relations.attach_m2m(practices[3:6], "objectives", "number", order=("number",))
    assert [row.api_objectives for row in practices[3:6]] == [
        [o.number for o in row.objectives.all()] for row in practices[3:6]]


def test_a_query_with_other_parameters_or_converted_columns_is_not_reused(practices):
    ids = [row.pk for row in practices]
    through = Practice.objectives.through
    plain = through.objects.filter(practice_id__in=ids).values_list("practice_id", "objective__number")
    assert relations._reusable_sql(plain, ids, connection) is not None
    other_parameter = plain.filter(objective__number__gt=3)
    assert relations._reusable_sql(other_parameter, ids, connection) is None
    assert relations._reusable_sql(through.objects.filter(practice_id__in=ids).values("practice_id"), ids,
                                   connection) is None
    # Whatever the backend converts (a boolean on SQLite) is read through the ORM, with the same result.
    relations.attach_m2m(practices, "partners", "verified", order=("name", "pk"))
    assert [row.api_partners for row in practices] == [[o.verified for o in row.partners.all()] for row in practices]
