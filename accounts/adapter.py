from contextlib import contextmanager

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


@contextmanager
def in_language_of(user):
    """Render in `user`'s preferred language (the active one when the user has none): allauth renders its mails,
    and reverses the links in them, in the language of the request that triggered them, which need not be the
    recipient's (a password reset asked for from the English page for an account kept in Arabic)."""
    language = getattr(user, "preferred_language", "") or translation.get_language()
    with translation.override(translation.get_supported_language_variant(language)):
        yield


class AccountAdapter(DefaultAccountAdapter):
    """Stores the interface language in use at sign-up as the user's preferred language, and sends the account
    mails (password reset, address confirmation, security notices) in the recipient's preferred language."""

    def save_user(self, request, user, form, commit=True):
        user.preferred_language = translation.get_supported_language_variant(translation.get_language() or "en")
        return super().save_user(request, user, form, commit=commit)

    def send_password_reset_mail(self, user, email, context):
        with in_language_of(user):
            # The link was reversed in the request's language: reverse it again in the recipient's.
            url = self.get_reset_password_from_key_url(f"{context['uid']}-{context['key']}")
            return super().send_password_reset_mail(user, email, {**context, "password_reset_url": url})

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        with in_language_of(emailconfirmation.email_address.user):
            return super().send_confirmation_mail(request, emailconfirmation, signup)

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        with in_language_of(user):
            return super().send_notification_mail(template_prefix, user, context=context, email=email)
