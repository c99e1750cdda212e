from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Stores the interface language in use at sign-up as the user's preferred language."""

    def save_user(self, request, user, form, commit=True):
        language = (translation.get_language() or "en").split("-")[0]
        user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)
