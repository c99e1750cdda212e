"""Security headers on every kind of response, and the cookie flags of production."""

import json

import pytest
from django.urls import reverse

from tests.factories import PASSWORD
from tests.pledges.factories import PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_secure_headers(response, *, frame_options=True):
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"] and directives["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    if frame_options:  # static files answer before XFrameOptionsMiddleware; frame-ancestors covers them
        assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.fixture
def public_urls(db):
    practice = PracticeFactory(status="published")
    pledge = PublishedPledgeFactory()
    return [
        "/en/", reverse("practices:list"), reverse("practices:detail", args=[practice.pk]),
        reverse("practices:export_csv"), reverse("practices:feed"), reverse("pledges:list"),
        reverse("pledges:detail", args=[pledge.pk]), reverse("pledges:export_json"), reverse("dialogues:list"),
        reverse("account_login"), reverse("account_signup"), reverse("javascript-catalog"),
    ]


def test_every_kind_of_page_sends_the_security_headers(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_secure_headers(response)


@pytest.mark.parametrize("url,status", [
    ("/en/practices/999999/", 404), ("/en/no-such-page/", 404), ("/static/css/portal.css", 200), ("/healthz", 200),
])
def test_errors_static_files_and_health_also_send_the_csp(client, url, status, settings):
    response = client.get(url)
    assert response.status_code == status
    assert "script-src 'self'" in response["Content-Security-Policy"]
    if url != "/healthz":  # answered before SecurityMiddleware on purpose (no host check)
        assert_secure_headers(response, frame_options=not url.startswith("/static/"))


def test_a_signed_in_page_and_a_form_error_send_the_headers(client, user):
    response = client.post(reverse("account_signup"), {"email": "not an e-mail"})
    assert response.status_code == 200
    assert_secure_headers(response)
    client.force_login(user)
    assert_secure_headers(client.get(reverse("accounts:profile")))


def test_session_and_csrf_cookies_are_httponly_and_samesite(client, user):
    from django.conf import settings

    page = client.get(reverse("account_login"))
    assert page.cookies[settings.CSRF_COOKIE_NAME]["samesite"] == "Lax"
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] is True and session["samesite"] == "Lax"


def test_production_cookies_are_secure_httponly_and_samesite():
    names = ["SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SECURE",
             "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE", "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_HTTPONLY",
             "LANGUAGE_COOKIE_SAMESITE", "SECURE_HSTS_SECONDS", "X_FRAME_OPTIONS", "CONTENT_SECURITY_POLICY"]
    code = ("import json; from django.conf import settings; "
            f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))")
    result = manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"] and values["LANGUAGE_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] and values["CSRF_COOKIE_HTTPONLY"] and values["LANGUAGE_COOKIE_HTTPONLY"]
    assert {values[n] for n in names if n.endswith("SAMESITE")} == {"Lax"}
    assert values["SECURE_HSTS_SECONDS"] >= 31536000 and values["X_FRAME_OPTIONS"] == "DENY"
    assert "'unsafe-inline'" not in values["CONTENT_SECURITY_POLICY"]
