"""The scale seed at a small size, and the benchmark's query counts: constant whatever the row count.

No timing here (benchmarks/load.py measures speed); this checks that the seed fills derived fields as the services
do and that every public page reads a fixed number of SQL queries at two sizes.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from benchmarks.pages import EXPORTS, count_queries, public_pages
from dialogues.models import Contribution, Dialogue
from gcm.models import Cycle, MemberState
from pledges.enums import PartnerStatus
from pledges.models import Pledge
from practices.models import Practice
from reviews.models import Review

pytestmark = pytest.mark.django_db


def seed(n):
    call_command("seed_scale", practices=n, pledges=n, contributions=2 * n, users=n, seed=n, stdout=io.StringIO(),
                 stderr=io.StringIO())


def test_seed_scale_fills_every_area_and_the_derived_fields():
    seed(60)
    assert Practice.objects.count() == 60 and Practice.objects.published().count() > 30
    assert {p.language for p in Practice.objects.all()} == {"en", "es", "fr"}
    assert Practice.objects.filter(objectives__isnull=True).count() == 0
    cycle = Cycle.objects.active()
    assert Review.objects.filter(cycle=cycle).count() == MemberState.objects.members().count() == 193
    assert not Review.objects.filter(cycle=cycle, entries__isnull=True).exists()
    published = Pledge.objects.published()
    assert all(p.reference == f"{cycle.code}-P-{p.sequence:04d}" for p in published)
    joint = published.annotate(confirmed=Count("partners", filter=Q(partners__status=PartnerStatus.CONFIRMED)))
    assert joint.filter(is_joint=True).exists()
    assert not joint.filter(is_joint=True, confirmed=0).exists() and not joint.filter(is_joint=False,
                                                                                      confirmed__gt=0).exists()
    counted = Dialogue.objects.annotate(real=Count("contributions", filter=Q(contributions__status="published")))
    assert Contribution.objects.published().count() > 0
    assert [(d.published_contribution_count, d.real) for d in counted] == [(d.real, d.real) for d in counted]


def test_seed_scale_refuses_a_negative_size():
    with pytest.raises(Exception, match="positive"):
        call_command("seed_scale", practices=-1, stdout=io.StringIO(), stderr=io.StringIO())


def test_public_pages_keep_their_query_count_at_two_sizes(client):
    seed(40)
    small = {name: count_queries(client, path) for name, path in public_pages()}
    seed(120)
    large = {name: count_queries(client, path) for name, path in public_pages()}
    assert all(status == 200 for status, _n in small.values()), small
    assert {name: n for name, (_s, n) in large.items()} == {name: n for name, (_s, n) in small.items()}


def test_exports_stream_every_published_row(client):
    seed(40)
    bodies = {}
    for name, path in EXPORTS:
        response = client.get(path)
        assert response.streaming, name
        bodies[name] = b"".join(response.streaming_content).decode("utf-8-sig")
    practices = Practice.objects.published().count()
    pledges = Pledge.objects.published().count()
    assert len(list(csv.reader(io.StringIO(bodies["practices CSV"])))) == practices + 1
    assert json.loads(bodies["practices JSON"])["count"] == len(json.loads(bodies["practices JSON"])["results"])
    assert len(json.loads(bodies["practices JSON"])["results"]) == practices
    assert len(list(csv.reader(io.StringIO(bodies["pledges CSV"])))) == pledges + 1
    assert len(json.loads(bodies["pledges JSON"])["pledges"]) == pledges
