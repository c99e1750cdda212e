"""The strict Content-Security-Policy breaks no page: no violation is reported on the main pages (scripts and
styles come from static files only), while an injected inline handler is blocked."""

import pytest

from tests.conftest import browser_login
from tests.factories import MembershipFactory
from tests.pledges.factories import PublishedPledgeFactory
from tests.practices.factories import PracticeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


def visit(page, url):
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate("window.__csp")


def test_main_pages_report_no_csp_violation_and_inline_code_is_blocked(page):
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))
    practice = PracticeFactory(status="published", title="Mobile clinics")
    pledge = PublishedPledgeFactory()
    member = MembershipFactory(organization=pledge.organization).user
    for url in ["/en/", "/fr/practices/", f"/en/practices/{practice.pk}/", "/es/pledges/", f"/en/pledges/{pledge.pk}/",
                "/en/pledges/dashboard/", "/en/dialogues/", "/en/reviews/", "/en/accounts/login/",
                "/en/accounts/signup/"]:
        assert visit(page, url) == [], url
    browser_login(page, member.email)
    assert visit(page, "/en/pledges/new/") == []
    page.fill("textarea[name=narrative]", "Short")
    assert "295 more needed" in page.locator("#narrative-count").inner_text()  # the static script runs
    assert page.evaluate("window.__csp") == []
    assert not [line for line in console if "Content Security Policy" in line], console

    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__ran=1\">')")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    page.wait_for_function("window.__csp.length >= 2")
    assert page.evaluate("window.__ran") is None
    assert {v.split()[0] for v in page.evaluate("window.__csp")} >= {"script-src-attr", "style-src-attr"}
