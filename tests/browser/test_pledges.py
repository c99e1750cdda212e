"""An organization pledges jointly with a partner that confirms; the secretariat publishes; the pledge shows on
the dashboard counts and in the export. Pages checked with axe-core on the way."""

import json
import re

import pytest

from pledges.models import Pledge
from tests.conftest import assert_accessible, browser_login
from tests.factories import MembershipFactory, OrganizationFactory, SecretariatFactory
from tests.pledges.factories import NARRATIVE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_out(page):
    page.context.clear_cookies()


def test_joint_pledge_confirmed_published_and_counted(page, settings):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["staff@un.example"]
    lead = MembershipFactory(organization=OrganizationFactory(name="Lead Migrant Network")).user
    partner_org = OrganizationFactory(name="Partner Diaspora Forum")
    partner_member = MembershipFactory(organization=partner_org).user
    SecretariatFactory(email="staff@un.example")

    browser_login(page, lead.email)
    page.goto("/en/pledges/new/")
    page.fill("input[name=title]", "Joint legal clinics for migrants")
    page.fill("textarea[name=narrative]", "Too short")
    assert re.search(r"9 characters .*291 more needed", page.locator("#narrative-count").inner_text())
    page.fill("textarea[name=narrative]", NARRATIVE)
    page.check("input[name=types][value=technical]")
    page.check("input[name=scope][value=local]")
    page.check("input[name=objectives] >> nth=4")  # objective 5
    page.fill("input[name=start_date]", "2026-03-01")
    page.fill("input[name=target_date]", "2027-03-01")
    page.select_option("select[name=partner_organizations]", label=str(partner_org))
    page.fill("input[name=contact_name]", "Ana Lead")
    page.fill("input[name=contact_email]", "ana@lead.example")
    assert_accessible(page)
    page.click("button[name=submit]")
    page.wait_for_load_state()
    assert "Your pledge has been submitted to the secretariat." in page.content()
    pledge = Pledge.objects.get(title="Joint legal clinics for migrants")
    assert pledge.status == "submitted"

    _sign_out(page)
    browser_login(page, partner_member.email)
    page.goto("/en/pledges/mine/")
    assert_accessible(page)
    page.click("[data-invitation] button[value=confirm]")
    page.wait_for_load_state()
    assert "You confirmed the partnership." in page.content()

    _sign_out(page)
    browser_login(page, "staff@un.example")
    page.goto("/en/pledges/moderate/")
    page.click(f"tr[data-pledge-id='{pledge.pk}'] a")
    assert_accessible(page)
    page.click("button:has-text('Publish')")
    page.wait_for_load_state()
    assert "The pledge is published." in page.content()
    reference = Pledge.objects.get(pk=pledge.pk).reference
    assert page.locator("[data-reference]").inner_text() == reference

    _sign_out(page)
    page.goto("/en/pledges/dashboard/")
    assert page.locator("[data-total=total]").inner_text() == "1"
    assert page.locator("[data-total=joint]").inner_text() == "1"
    assert page.locator("table[data-table=objective] tr[data-key='5'] td").inner_text() == "1"
    assert_accessible(page)
    page.goto(f"/en/pledges/{pledge.pk}/")
    assert partner_org.name in page.locator("[data-partners]").inner_text()

    exported = json.loads(page.request.get("/en/pledges/export.json?joint=joint").text())["pledges"]
    assert [(row["reference"], row["partners"]) for row in exported] == [(reference, [partner_org.name])]
    csv_text = page.request.get("/en/pledges/export.csv").text()
    assert reference in csv_text and "Partner Diaspora Forum" in csv_text


@pytest.mark.parametrize("language", ["fr", "es"])
def test_pledge_list_and_dashboard_are_accessible_in_each_language(page, language):
    page.goto(f"/{language}/pledges/")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    page.goto(f"/{language}/pledges/dashboard/")
    assert_accessible(page)
