"""Account flows in a real browser: sign-up, e-mail verification, sign-in; accessible forms and console pages."""

import re

import pytest
from django.core import mail

from accounts.models import User
from tests.conftest import assert_accessible, browser_login
from tests.factories import PASSWORD, OrganizationFactory, SecretariatFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _confirmation_path(message):
    return re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+)", message.body).group(1)


@pytest.mark.parametrize("language,heading", [("en", "Sign Up"), ("fr", "S’inscrire"), ("es", "Registrarse"),
                                              ("ar", "إنشاء حساب"), ("ru", "Зарегистрироваться"), ("zh-hans", "注册")])
def test_sign_up_verify_and_sign_in(page, language, heading):
    email = f"newcomer-{language}@example.org"
    page.goto(f"/{language}/accounts/signup/")
    assert heading.lower() in page.locator("h1").inner_text().lower()
    assert_accessible(page)
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert f"/{language}/accounts/confirm-email/" in page.url

    assert len(mail.outbox) == 1 and mail.outbox[0].to == [email]
    page.goto(_confirmation_path(mail.outbox[0]))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert re.search(rf"/{language}/me/$", page.url), page.url
    assert User.objects.get(email=email).preferred_language == language

    page.locator("header form[action*='logout'] button").click()
    page.wait_for_load_state()
    assert page.locator("header a[href$='/accounts/login/']").is_visible()
    browser_login(page, email, password=PASSWORD, language=language)
    assert re.search(rf"/{language}/me/$", page.url), page.url


def test_sign_up_errors_are_accessible_and_focusable(page):
    page.goto("/fr/accounts/signup/")
    page.locator("input[name=password1]").fill("short")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    summary.locator("a[href='#id_email']").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    assert_accessible(page)


def test_join_an_organization_and_console_pages_are_accessible(page, settings):
    OrganizationFactory(name="Coastal Migrant Network", acronym="CMN")
    user = UserFactory(email="joiner@example.org")
    browser_login(page, user.email)
    page.goto("/en/me/organizations/?q=coastal")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Ask to join")).click()
    page.get_by_label("Message to the organization").fill("I coordinate volunteers.")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_load_state()
    assert "pending approval" in page.locator("main").inner_text()

    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["secretariat@demo.femi.example"]
    page.context.clear_cookies()
    SecretariatFactory(email="secretariat@demo.femi.example")
    browser_login(page, "secretariat@demo.femi.example")
    for path in ("/en/secretariat/memberships/", "/en/secretariat/organizations/", "/en/secretariat/focal-points/",
                 "/en/secretariat/reviewers/", "/en/secretariat/reviewers/enroll/"):
        page.goto(path)
        assert page.locator("h1").is_visible()
        assert_accessible(page)
    page.goto("/en/secretariat/memberships/")
    assert "Coastal Migrant Network" in page.locator("main").inner_text()
    page.get_by_role("button", name=re.compile("Approve")).click()
    page.wait_for_load_state()
    assert "is now a member" in page.locator("main").inner_text()
