"""Home page and sign-in in each language, in a real browser, with an accessibility check."""

import re

import pytest

from tests.conftest import assert_accessible, browser_login
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language,heading", [("en", "The road to"), ("fr", "La route"), ("es", "El camino")])
def test_home_page_in_each_language_is_accessible(page, language, heading):
    page.goto(f"/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_sign_in_page_is_accessible_and_signs_in(page, language):
    user = UserFactory(email=f"person-{language}@example.org")
    page.goto(f"/{language}/accounts/login/")
    assert_accessible(page)
    browser_login(page, user.email, language=language)
    assert re.search(rf"/{language}/me/$", page.url), page.url
    assert user.display_name in page.content()


def test_language_bar_keeps_the_current_path(page):
    page.goto("/en/objectives/7/")
    page.click("nav.language-bar >> text=Español")
    assert page.url.endswith("/es/objectives/7/")
