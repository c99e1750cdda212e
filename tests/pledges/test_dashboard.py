"""Dashboard figures against counts computed by hand from a small, known set of pledges."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pledges.enums import PartnerStatus, PledgeStatus
from pledges.selectors import dashboard, public_pledges
from tests.factories import FocalPointFactory, OrganizationFactory, member_state
from tests.pledges.factories import PartnerFactory, PledgeFactory, PublishedPledgeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges():
    """Five published pledges (and two that must never count):

    A  Colombia (Americas)            financial 1,000,000 USD to MPTF + technical   obj 1, 5   joint   planned
    B  Kenya (Africa)                 financial 500 EUR, not MPTF                   obj 5      single  in progress
    C  civil society org, Mexico      material                                      obj 5, 23  joint   fulfilled
    D  academia org, no country       political/legal                               obj 23     single  inactive
    E  civil society org, France      technical + material                          principle  single  in progress
    """
    FocalPointFactory(member_state=member_state("COL"))
    cso_mex = OrganizationFactory(category="civil_society", country=member_state("MEX"))
    academia = OrganizationFactory(category="academia", country=None)
    cso_fra = OrganizationFactory(category="civil_society", country=member_state("FRA"))
    a = PublishedPledgeFactory(organization=None, member_state=member_state("COL"), types=["financial", "technical"],
                               amount=Decimal("1000000"), currency="USD", to_mptf=True, objectives=[1, 5])
    PartnerFactory(pledge=a, status=PartnerStatus.CONFIRMED)
    b = PublishedPledgeFactory(organization=None, member_state=member_state("KEN"), types=["financial"],
                               amount=Decimal("500"), currency="EUR", objectives=[5], progress_status="in_progress")
    c = PublishedPledgeFactory(organization=cso_mex, types=["material"], objectives=[5, 23],
                               progress_status="fulfilled")
    PartnerFactory(pledge=c, status=PartnerStatus.CONFIRMED)
    PartnerFactory(pledge=b, status=PartnerStatus.DECLINED)  # a declined partner does not make B joint
    d = PublishedPledgeFactory(organization=academia, types=["political_legal"], objectives=[23], is_inactive=True)
    e = PublishedPledgeFactory(organization=cso_fra, types=["technical", "material"], objectives=[],
                               progress_status="in_progress")
    e.principles.set([1])
    for pledge in (a, c):
        pledge.is_joint = True
        pledge.save(update_fields=["is_joint"])
    PledgeFactory(status=PledgeStatus.SUBMITTED, types=["financial"], amount=9, currency="USD", to_mptf=True,
                  objectives=[5])
    PledgeFactory(status=PledgeStatus.WITHDRAWN, objectives=[5])
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def _table(figures, key):
    return {row["key"]: row["value"] for row in figures[key]}


def test_dashboard_figures_match_hand_counts(pledges):
    figures = dashboard(public_pledges())
    assert figures["totals"]["total"] == 5
    assert figures["totals"]["joint"] == 2
    assert figures["totals"]["mptf"] == 1
    by_objective = _table(figures, "by_objective")
    assert len(by_objective) == 23
    assert (by_objective[1], by_objective[5], by_objective[23], by_objective[2]) == (1, 3, 2, 0)
    assert _table(figures, "by_type") == {"financial": 2, "material": 2, "technical": 2, "political_legal": 1}
    by_category = _table(figures, "by_category")
    assert (by_category["states"], by_category["civil_society"], by_category["academia"]) == (2, 2, 1)
    assert sum(by_category.values()) == 5
    assert _table(figures, "by_region") == {"africa": 1, "americas": 2, "asia": 0, "europe": 1, "oceania": 0,
                                            "none": 1}
    assert _table(figures, "by_joint") == {"joint": 2, "single": 3}
    assert _table(figures, "by_progress") == {"planned": 1, "in_progress": 2, "fulfilled": 1, "inactive": 1}
    currencies = {row["key"]: (row["count"], row["value"]) for row in figures["by_currency"]}
    assert currencies == {"EUR": (1, Decimal("500")), "USD": (1, Decimal("1000000"))}


def test_dashboard_page_shows_charts_and_tables_with_the_same_figures(client, pledges):
    body = client.get(reverse("pledges:dashboard")).content.decode()
    assert 'data-total="total">5<' in body and 'data-total="mptf">1<' in body
    for key in ("objective", "type", "category", "region", "joint", "progress", "currency"):
        assert f'data-chart="{key}"' in body and f'data-table="{key}"' in body
    assert "<script" not in body.split('data-chart="objective"')[1].split("</svg>")[0]
    assert '<tr data-key="joint"><th scope="row" class="fw-normal">Joint pledges</th><td class="text-end">2</td>' \
        in body


def test_dashboard_follows_the_filters(client, pledges):
    body = client.get(reverse("pledges:dashboard"), {"region": "americas"}).content.decode()
    assert 'data-total="total">2<' in body
    body = client.get(reverse("pledges:dashboard"), {"category": "states"}).content.decode()
    assert 'data-total="total">2<' in body and 'data-total="mptf">1<' in body
