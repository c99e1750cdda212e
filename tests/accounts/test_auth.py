"""Sign-up with e-mail verification, password reset, MFA for secretariat staff, error pages in every language."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.test import RequestFactory
from django.utils import translation

from accounts.models import User
from core import views as error_views
from tests.factories import PASSWORD, SecretariatFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-passphrase-7"


def _link(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


@pytest.mark.parametrize("language", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_sign_up_sends_verification_mail_and_confirming_signs_in(client, language):
    response = client.post(f"/{language}/accounts/signup/", {
        "email": "New.Person@example.org", "password1": PASSWORD, "password2": PASSWORD,
    })
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert user.preferred_language == language
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.person@example.org"]
    link = _link(mail.outbox[0])
    assert link.startswith(f"/{language}/accounts/confirm-email/")
    assert client.get(link).status_code == 200
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(f"/{language}/me/").status_code == 200  # signed in by the confirmation


def test_sign_in_before_verification_is_held_back(client):
    client.post("/en/accounts/signup/", {"email": "wait@example.org", "password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "wait@example.org", "password": PASSWORD})
    assert response.status_code == 302 and "confirm-email" in response.url
    assert client.get("/en/me/").status_code == 302


def test_sign_up_errors_are_summarised_and_linked_to_fields(client):
    response = client.post("/fr/accounts/signup/", {"email": "not-an-email", "password1": "x", "password2": "y"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    assert 'href="#id_email"' in html and 'href="#id_password1"' in html
    assert 'for="id_email"' in html  # every field has a visible label
    assert "Veuillez corriger" in html


@pytest.mark.parametrize(("language", "line"), [
    ("en", '<a href="#id_email">Email</a>: Enter a valid email address.'),
    ("fr", '<a href="#id_email">Courriel</a>\u00a0: Saisissez une adresse e-mail valide.'),
    ("zh-hans", '<a href="#id_email">电子邮件</a>：请输入合法的邮件地址。'),
])
def test_the_error_summary_joins_label_and_message_by_the_rules_of_the_language(client, language, line):
    html = client.post(f"/{language}/accounts/signup/", {"email": "not-an-email"}).content.decode()
    assert f"<li>{line}</li>" in html


@pytest.mark.parametrize(("language", "title"), [("ar", "إنشاء حساب"), ("ru", "Зарегистрироваться")])
def test_the_sign_up_page_takes_the_words_of_the_portal_menu_not_allauths(client, language, title):
    """allauth's own catalogues say "الاشتراك" (a subscription) and "Зарегистрируйтесь" (an order)."""
    html = client.get(f"/{language}/accounts/signup/").content.decode()
    assert re.search(rf"<h1[^>]*>\s*{title}\s*</h1>", html)
    assert "الاشتراك" not in html and "Зарегистрируйтесь" not in html


def test_password_reset_by_mail_sets_a_new_password(client):
    user = UserFactory(email="forgetful@example.org")
    client.post("/en/accounts/password/reset/", {"email": "forgetful@example.org"})
    assert len(mail.outbox) == 1
    response = client.get(_link(mail.outbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else _link(mail.outbox[0])
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    response = client.post("/en/accounts/login/", {"login": user.email, "password": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == "/en/me/"


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_password_reset_mail_speaks_the_recipients_language_whatever_page_asked_for_it(client, language):
    """Asked for from the English page, the mail for an account kept in Arabic (Chinese) is in Arabic (Chinese), and
    its link opens the reset page in that language."""
    from django.utils import translation

    user = UserFactory(email="forgetful@example.org", preferred_language=language)
    client.post("/en/accounts/password/reset/", {"email": "forgetful@example.org"})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    with translation.override(language):
        subject = translation.gettext("Password Reset Email")
    assert subject != "Password Reset Email" and subject in message.subject
    assert "You're receiving this email" not in message.body
    link = _link(message)
    assert link.startswith(f"/{language}/accounts/password/reset/key/")
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    assert client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_reset_for_unknown_email_sends_nothing_that_reveals_it(client):
    response = client.post("/en/accounts/password/reset/", {"email": "ghost@example.org"})
    assert response.status_code == 302
    assert all("ghost" not in m.body or "reset" not in m.body.lower() for m in mail.outbox)


# --- MFA for the secretariat --------------------------------------------------------------------------------------

def test_secretariat_without_totp_is_sent_to_set_it_up(client, settings):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["secretariat@demo.femi.example"]
    staff = SecretariatFactory(email="staff@un.example")
    client.force_login(staff)
    response = client.get("/en/secretariat/")
    assert response.status_code == 302 and response.url == "/en/accounts/2fa/totp/activate/"
    assert client.get("/en/secretariat/organizations/").status_code == 302


@pytest.mark.parametrize("path", ["/en/", "/fr/reviews/", "/es/practices/", "/en/pledges/", "/en/dialogues/"])
def test_secretariat_without_totp_cannot_use_any_page_before_setting_it_up(client, settings, path):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = []
    client.force_login(SecretariatFactory(email="staff@un.example"))
    response = client.get(path)
    assert response.status_code == 302 and response.url == f"{path[:3]}/accounts/2fa/totp/activate/"


def test_secretariat_without_totp_can_still_reach_the_set_up_and_sign_out(client, settings):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = []
    client.force_login(SecretariatFactory(email="staff@un.example"))
    response = client.get("/en/accounts/2fa/totp/activate/")  # allauth asks for the password again first
    assert response.status_code == 302 and response.url.startswith("/en/accounts/reauthenticate/")
    assert client.get(response.url).status_code == 200
    assert client.post("/en/accounts/logout/").status_code == 302
    assert client.get("/en/").status_code == 200  # signed out: the public page again


def test_secretariat_with_totp_opens_the_console(client):
    staff = SecretariatFactory(email="staff@un.example")
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    assert client.get("/en/secretariat/").status_code == 200


def test_exempt_demo_secretariat_account_is_not_redirected(client, settings):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["secretariat@demo.femi.example"]
    client.force_login(SecretariatFactory(email="secretariat@demo.femi.example"))
    assert client.get("/en/secretariat/").status_code == 200


def test_other_users_are_not_asked_for_mfa_and_get_404(client):
    client.force_login(UserFactory())
    assert client.get("/en/secretariat/").status_code == 404


# --- Error pages --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language,title", [("en", "Page not found"), ("fr", "Page introuvable"),
                                            ("es", "Página no encontrada")])
def test_404_page_in_each_language(client, language, title):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert title in html and f'lang="{language}"' in html


@pytest.mark.parametrize("language,title", [("en", "Bad request"), ("fr", "Requête incorrecte"),
                                            ("es", "Solicitud incorrecta")])
def test_400_page_on_bad_host_in_each_language(client, language, title):
    response = client.get(f"/{language}/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert title in response.content.decode()


@pytest.mark.parametrize("handler,status,titles", [
    (error_views.permission_denied, 403, {"en": "Access denied", "fr": "Accès refusé", "es": "Acceso denegado"}),
    (error_views.server_error, 500, {"en": "Something went wrong", "fr": "Une erreur s’est produite",
                                     "es": "Algo salió mal"}),
])
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_403_and_500_pages_in_each_language(handler, status, titles, language):
    request = RequestFactory().get(f"/{language}/somewhere/")
    with translation.override(language):
        response = handler(request) if status == 500 else handler(request, exception=None)
    assert response.status_code == status
    assert titles[language] in response.content.decode()


def test_a_confirmation_mail_for_an_added_address_speaks_the_account_holders_language(client):
    from django.utils import translation

    user = UserFactory(email="holder@example.org", preferred_language="ru")
    client.force_login(user)
    response = client.post("/en/accounts/email/", {"email": "second@example.org", "action_add": ""})
    assert response.status_code in (200, 302)
    [message] = [m for m in mail.outbox if "second@example.org" in m.to]
    with translation.override("ru"):
        subject = translation.gettext("Please Confirm Your Email Address")
    assert subject != "Please Confirm Your Email Address" and subject in message.subject
    assert _link(message).startswith("/ru/accounts/confirm-email/")
