"""Staff without a second factor are sent to set one up before any page — an "/accounts/" further down a path
(the Django admin's accounts app: users, organizations, focal points) is no way around it."""

import pytest
from django.urls import reverse

from tests.factories import SecretariatFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_without_mfa(client, settings):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = []
    staff = SecretariatFactory(email="new.staff@un.example", is_superuser=True)
    client.force_login(staff)
    return staff


@pytest.mark.parametrize("path", [
    "/en/admin/accounts/user/", "/en/admin/accounts/organization/", "/fr/admin/accounts/focalpoint/",
    "/en/secretariat/", "/en/practices/manage/", "/en/admin/",
])
def test_staff_without_mfa_are_sent_to_set_it_up_first(client, staff_without_mfa, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("path", ["/en/accounts/2fa/totp/activate/", "/fr/accounts/logout/", "/en/jsi18n/"])
def test_the_account_pages_stay_open_to_set_up_mfa(client, staff_without_mfa, path):
    response = client.get(path)
    assert response.status_code in (200, 302) and response.get("Location") != reverse("mfa_activate_totp")
