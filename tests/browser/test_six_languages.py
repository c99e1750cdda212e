"""The home page, a list page with filters, a form with errors and the pledge dashboard in the six UN languages:
axe-core finds no serious or critical violation (Arabic, right to left, included) and nothing scrolls sideways on
a 320 px wide screen."""

from decimal import Decimal

import pytest

from practices.enums import PracticeStatus
from tests.conftest import assert_accessible
from tests.pledges.factories import PublishedPledgeFactory
from tests.practices.factories import PracticeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.fixture
def content(reference_data):
    PracticeFactory(status=PracticeStatus.PUBLISHED, title="Mobile consular registration", objectives=[14, 4])
    PublishedPledgeFactory(title="Shared reception centres", types=["financial"], amount=Decimal("250000"),
                           currency="USD", objectives=[5, 23])
    PublishedPledgeFactory(title="Data training", types=["technical"], objectives=[1])


def _signup_with_errors(page, language):
    page.goto(f"/{language}/accounts/signup/")
    page.fill("input[name=email]", "not-an-email")
    page.fill("input[name=password1]", "short")
    page.fill("input[name=password2]", "different")
    # The browser's own checks would stop an invalid address: the server's error summary is what is tested.
    page.eval_on_selector("form[action*='signup']", "form => form.setAttribute('novalidate', '')")
    page.click("form[action*='signup'] button[type=submit]")
    page.wait_for_selector("#error-summary")


PAGES = {
    "home": lambda page, language: page.goto(f"/{language}/"),
    "practice list with filters": lambda page, language: page.goto(f"/{language}/practices/?objective=4"),
    "form with errors": _signup_with_errors,
    "pledge dashboard": lambda page, language: page.goto(f"/{language}/pledges/dashboard/?type=financial"),
}


def _direction(language):
    return "rtl" if language == "ar" else "ltr"


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_main_pages_are_accessible_in_every_language(page, content, language, name):
    PAGES[name](page, language)
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, _direction(language))
    assert_accessible(page)


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_scrolls_sideways_at_320_px(page, content, language, name):
    page.set_viewport_size({"width": 320, "height": 800})
    PAGES[name](page, language)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{name} in {language}: {widths[0]} px of content in a {widths[1]} px window"


def test_arabic_pages_load_bootstraps_rtl_stylesheet_and_mirror_the_layout(page, content):
    page.goto("/ar/pledges/dashboard/")
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href || '')")
    assert any(href.endswith("/vendor/bootstrap/css/bootstrap.rtl.min.css") for href in sheets)
    # The brand sits on the right in Arabic, on the left in English.
    arabic = page.locator(".navbar-brand").bounding_box()
    page.goto("/en/pledges/dashboard/")
    english = page.locator(".navbar-brand").bounding_box()
    width = page.viewport_size["width"]
    assert arabic["x"] > width / 2 > english["x"]


def test_language_bar_keeps_the_page_in_chinese_and_arabic(page, content):
    page.goto("/en/pledges/dashboard/")
    page.click("nav.language-bar >> text=中文")
    assert page.url.endswith("/zh-hans/pledges/dashboard/")
    page.click("nav.language-bar >> text=العربية")
    assert page.url.endswith("/ar/pledges/dashboard/")
    assert page.locator("html").get_attribute("dir") == "rtl"


@pytest.mark.parametrize("width", [1000, 1200, 1280, 1440])
def test_the_menu_of_a_signed_in_secretariat_user_fits_every_language_on_a_desktop_screen(page, content, width):
    """The longest menu (French, Russian: secretariat link, account, sign out) neither breaks its entries over two
    lines nor pushes the page sideways; it collapses below 1200 px and may take a second row up to 1400 px."""
    from tests.conftest import browser_login
    from tests.factories import SecretariatFactory

    user = SecretariatFactory(full_name="Alexandra Montgomery-Fitzgerald")
    user.set_password("correct-horse-battery-9")
    user.save()
    page.set_viewport_size({"width": width, "height": 900})
    browser_login(page, user.email)
    for language in LANGUAGES:
        page.goto(f"/{language}/")
        layout = page.evaluate("""() => {
            const lines = [...document.querySelectorAll('header .nav-link, header .navbar-brand')]
                .filter(link => link.offsetParent !== null)
                .map(link => [link.textContent.trim(), link.getBoundingClientRect().height]);
            return {lines, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
                    collapsed: getComputedStyle(document.querySelector('.navbar-toggler')).display !== 'none'};
        }""")
        assert layout["scroll"] <= layout["client"], f"{language} at {width} px scrolls sideways"
        assert layout["collapsed"] == (width < 1200)
        if not layout["collapsed"]:
            heights = {round(height) for _, height in layout["lines"] if height}
            assert max(heights) < 2 * min(heights), f"{language} at {width} px: an entry breaks over lines {layout}"
