"""The Django admin signs staff in through the portal's sign-in, so its password-only form cannot skip MFA."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from tests.factories import PASSWORD, SecretariatFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_with_totp(settings):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = []
    staff = SecretariatFactory(email="boss@un.example")
    TOTP.activate(staff, generate_totp_secret())
    return staff


def test_the_admin_password_form_no_longer_signs_staff_in(client, staff_with_totp):
    response = client.post("/en/admin/login/?next=/en/admin/", {"username": staff_with_totp.email,
                                                                "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/en/admin/"
    assert client.get("/en/secretariat/")["Location"].startswith(reverse("account_login"))
    assert client.get("/en/admin/")["Location"].startswith("/en/admin/login/")


def test_the_portal_sign_in_asks_staff_for_their_second_factor(client, staff_with_totp):
    response = client.post(f"{reverse('account_login')}?next=/en/admin/",
                           {"login": staff_with_totp.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get("/en/admin/")["Location"].startswith("/en/admin/login/")  # not signed in yet


def test_signed_in_staff_pass_through_the_admin_login(client, staff_with_totp):
    client.force_login(staff_with_totp)
    assert client.get("/en/admin/login/?next=/en/admin/auth/")["Location"] == "/en/admin/auth/"
    assert client.get("/en/admin/login/?next=https://evil.example/")["Location"] == "/en/admin/"
