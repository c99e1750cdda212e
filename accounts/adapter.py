from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Stores the interface language in use at sign-up as the user's preferred language."""

    def save_user(self, request, user, form, commit=True):
        user.preferred_language = translation.get_supported_language_variant(translation.get_language() or "en")
        return super().save_user(request, user, form, commit=commit)
