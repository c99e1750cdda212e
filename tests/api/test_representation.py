"""The fast representation of the big API serializers (api/representation.py) gives exactly what DRF gives from
the declared fields, for rows read the way the API reads them: every optional part empty and filled, every content
language, joint pledges with confirmed, declined and invited partners, reviews with and without answers."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from api import representation, views
from core.languages import ContentLanguage
from pledges.enums import PartnerStatus, PledgeStatus, UpdateStatus
from practices.enums import PracticeStatus
from reviews.enums import ReviewStatus
from tests.factories import OrganizationFactory, active_cycle, member_state
from tests.pledges.factories import PartnerFactory, PledgeFactory, ProgressUpdateFactory, PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review

VIEWSETS = [views.PracticeViewSet, views.PledgeViewSet, views.ReviewViewSet]
LANGUAGES = [language.value for language in ContentLanguage]
MOMENT = datetime(2026, 5, 4, 3, 2, 1, 123456, tzinfo=UTC)


@pytest.fixture
def variety(db):
    """Practices, pledges and reviews covering every shape a field of their API records can take."""
    for language in LANGUAGES:
        PracticeFactory(status=PracticeStatus.PUBLISHED, language=language, title=f"«{language}» عربي 中文 \u2028 \"\\",
                        links="https://a.example/x\n\n  https://b.example/y \n", end_date=date(2030, 2, 3),
                        themes=["gender", "children"], principles=["human-rights", "people-centred"],
                        objectives=[5, 8, 23], countries=["COL", "MEX", "FRA"], published_at=MOMENT)
        PublishedPledgeFactory(language=language, types=["financial", "technical"], amount=Decimal("1234567.5"),
                               currency="EUR", to_mptf=True, objectives=[1, 23])
    bare = PracticeFactory(status=PracticeStatus.PUBLISHED, organization=None, member_state=member_state("MEX"),
                           summary="", description="", results="", links="", region="", start_date=None,
                           countries=[], is_global=True, implementation_status="", narrative_timely="")
    bare.partners.set([OrganizationFactory(name="Zeta", acronym=""), OrganizationFactory(name="Alpha")])
    PracticeFactory(status=PracticeStatus.IN_REVIEW, title="not served")

    matched = PublishedPledgeFactory(title="Matched", start_date=None, target_date=None, last_progress_at=None)
    PublishedPledgeFactory(matches=matched, amount=Decimal("0.00"), currency="USD", organization=None,
                           member_state=member_state("COL"), scope="", is_inactive=True, progress_status="fulfilled")
    PublishedPledgeFactory(matches=PledgeFactory(status=PledgeStatus.SUBMITTED), types=[], objectives=[])
    joint = PublishedPledgeFactory(title="Joint", is_joint=True)
    PartnerFactory(pledge=joint, status=PartnerStatus.CONFIRMED, organization=None, member_state=member_state("FRA"))
    PartnerFactory(pledge=joint, status=PartnerStatus.CONFIRMED, organization=OrganizationFactory(acronym=""))
    PartnerFactory(pledge=joint, status=PartnerStatus.DECLINED)
    PartnerFactory(pledge=joint, status=PartnerStatus.INVITED)
    ProgressUpdateFactory(pledge=joint, status=UpdateStatus.PUBLISHED, evidence_url="https://e.example/")
    ProgressUpdateFactory(pledge=joint, status=UpdateStatus.PUBLISHED, date=date(2027, 1, 1), language="ar")
    ProgressUpdateFactory(pledge=joint, status=UpdateStatus.SUBMITTED)

    cycle = active_cycle()
    for iso3, language in zip(["COL", "MEX", "FRA", "EGY", "CHN", "RUS"], LANGUAGES, strict=True):
        complete_review(status=ReviewStatus.PUBLISHED, iso3=iso3, cycle=cycle, objectives=(1, 5, 23),
                        language=language, published_at=MOMENT)
    complete_review(status=ReviewStatus.PUBLISHED, iso3="ARG", cycle=cycle, objectives=(), government_bodies="",
                    stakeholders_consulted=[], published_at=None)
    complete_review(status=ReviewStatus.SUBMITTED, iso3="BRA", cycle=cycle)


def _served_rows(viewset):
    """The rows of the API's list, with their relations read as the API reads them."""
    view = viewset()
    rows = list(view.get_queryset().order_by("-pk"))
    view.relate(rows)
    return rows


def _by_drf(serializer_class, row):
    """What DRF's own Serializer.to_representation makes of `row` with the declared fields."""
    return serializers.Serializer.to_representation(serializer_class(), row)


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.__name__)
def test_fast_representation_is_exactly_the_declared_fields_output(variety, viewset):
    rows = _served_rows(viewset)
    assert len(rows) >= 7
    fast = viewset.serializer_class(rows, many=True).data
    drf = [_by_drf(viewset.serializer_class, row) for row in rows]
    assert fast == drf
    assert JSONRenderer().render(fast) == JSONRenderer().render(drf)
    for row, record in zip(rows, fast, strict=True):  # the order of the keys is the declared one too
        assert list(record) == list(viewset.serializer_class().fields)
        assert viewset.serializer_class(row).data == record  # a detail, or the nightly ZIP's records


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.__name__)
def test_fast_representation_covers_every_declared_field(viewset):
    """No field of the big serializers falls back to DRF, which would silently lose the saving."""
    recipe = representation._recipe(viewset.serializer_class)
    assert recipe is not representation._SERVED_BY_DRF
    assert [name for name, _, _ in recipe] == list(viewset.serializer_class().fields)


def test_the_variety_shows_each_kind_of_value(variety):
    """The comparison above is only worth what the rows hold: the empty and the filled shapes are there."""
    practices = views.PracticeViewSet.serializer_class(_served_rows(views.PracticeViewSet), many=True).data
    pledges = views.PledgeViewSet.serializer_class(_served_rows(views.PledgeViewSet), many=True).data
    reviews = views.ReviewViewSet.serializer_class(_served_rows(views.ReviewViewSet), many=True).data
    assert {p["language"] for p in practices} == {p["language"] for p in pledges} == set(LANGUAGES)
    assert {p["submitting_organization"] is None for p in practices} == {True, False}
    assert {p["start_date"] is None for p in practices} == {p["end_date"] is None for p in practices} == {True, False}
    assert {len(p["partners"]) for p in practices} == {0, 2}
    assert "2026-05-04T03:02:01.123456Z" in {p["published_at"] for p in practices}
    assert {p["amount"] for p in pledges} >= {None, "0.00", "1234567.50"}
    assert len({p["matches"] for p in pledges}) == 2  # the published match, and None (none, or unpublished)
    joint = next(p for p in pledges if p["title"] == "Joint")
    assert [bool(p["member_state"]) for p in joint["partners"]] == [True, False]
    assert [u["date"] for u in joint["updates"]] == ["2027-01-01", "2026-06-01"]
    assert {len(r["entries"]) for r in reviews} == {0, 3}
    assert {r["published_at"] is None for r in reviews} == {True, False}


def test_fast_representation_keeps_the_current_time_zone(variety):
    rows = _served_rows(views.PledgeViewSet)
    with timezone.override("America/Bogota"):
        fast = views.PledgeViewSet.serializer_class(rows, many=True).data
        assert fast == [_by_drf(views.PledgeViewSet.serializer_class, row) for row in rows]
    assert all(p["published_at"].endswith("-05:00") for p in fast)


class _Fallbacks(representation.FastRepresentation, serializers.Serializer):
    """Missing values, defaults, omitted fields and values a plain converter does not know."""

    number = serializers.IntegerField()
    label = serializers.CharField(source="kind.label", allow_null=True, default="none")
    optional = serializers.CharField(required=False)
    nullable = serializers.CharField(allow_null=True)
    day = serializers.DateField(allow_null=True)
    flag = serializers.BooleanField()
    moment = serializers.DateTimeField()


class _Unknown(representation.FastRepresentation, serializers.Serializer):
    url = serializers.URLField()


@pytest.mark.parametrize("instance", [
    {"number": "7", "kind": {"label": 3}, "nullable": None, "day": date(2026, 1, 2), "flag": "yes",
     "moment": datetime(2026, 1, 2, 3, 4, 5)},
    {"number": 7, "kind": None, "optional": 5, "day": "2026-01-02", "flag": 0, "moment": MOMENT},
    {"number": 7, "kind": {}, "day": None, "flag": True, "moment": "2026"},
], ids=["coerced", "null-intermediate", "missing"])
def test_fast_representation_handles_odd_values_as_drf_does(instance):
    assert _Fallbacks(instance).data == _by_drf(_Fallbacks, instance)


def test_a_serializer_with_a_field_it_does_not_know_is_served_by_drf():
    assert representation._recipe(_Unknown) is representation._SERVED_BY_DRF
    assert _Unknown({"url": "https://a.example/"}).data == {"url": "https://a.example/"}


def test_a_missing_required_value_fails_as_with_drf():
    with pytest.raises(KeyError) as fast:
        _ = _Fallbacks({"kind": None}).data
    with pytest.raises(KeyError) as drf:
        _by_drf(_Fallbacks, {"kind": None})
    assert str(fast.value) == str(drf.value)


def test_the_mixin_leaves_the_schema_as_the_declared_fields_make_it(client, db):
    """drf-spectacular describes a serializer by the first docstring in its MRO: the mixin must have none."""
    assert representation.FastRepresentation.__doc__ is None
    components = client.get("/api/v1/schema/?format=json").json()["components"]["schemas"]
    for viewset in VIEWSETS:
        component = components[viewset.serializer_class.__name__.removesuffix("Serializer")]
        assert "description" not in component
        assert list(component["properties"]) == list(viewset.serializer_class().fields)


def test_fields_changed_on_an_instance_or_a_partial_serializer_are_served_as_drf_does():
    instance = {"number": 7, "kind": {}, "nullable": "x", "day": None, "flag": True, "moment": MOMENT}
    serializer = _Fallbacks(instance)
    serializer.fields.pop("flag")
    assert "flag" not in serializer.data and serializer.data["number"] == 7
    partial = _Fallbacks(instance, partial=True)  # DRF then leaves out a missing value rather than its default
    assert partial.data == serializers.Serializer.to_representation(_Fallbacks(partial=True), instance)
    assert "label" not in partial.data and "label" in _Fallbacks(instance).data


class _WithMethod(serializers.Serializer):
    shout = serializers.SerializerMethodField()

    def get_shout(self, obj) -> str:
        return obj["word"].upper() + self.context.get("mark", "")


class _NestedWithMethod(representation.FastRepresentation, serializers.Serializer):
    inner = _WithMethod()


class _OwnFields(representation.FastRepresentation, serializers.Serializer):
    word = serializers.CharField()

    def get_fields(self):
        fields = super().get_fields()
        if self.context.get("hide"):
            del fields["word"]
        return fields


def test_serializers_whose_fields_are_not_the_declared_ones_are_served_by_drf():
    assert _NestedWithMethod({"inner": {"word": "a"}}, context={"mark": "!"}).data == {"inner": {"shout": "A!"}}
    assert _OwnFields({"word": "a"}, context={"hide": True}).data == {}
    assert representation._recipe(_OwnFields) is representation._SERVED_BY_DRF
