from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .roles import needs_mfa

# Paths staff may use before MFA is set up: the account pages (sign-out, MFA set-up), language switch, assets.
OPEN_SEGMENTS = ("/accounts/", "/i18n/", "/jsi18n/")
OPEN_PREFIXES = ("/static/", "/healthz")
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class SecretariatMFAMiddleware:
    """Secretariat staff without MFA are sent to set up an authenticator before they use any page: their role can
    publish, moderate and see unpublished material across every app, wherever its pages live."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and self._guarded(request.path) and needs_mfa(user):
            messages.warning(request, _("Secretariat staff must set up two-factor authentication first."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _guarded(path):
        """Open: the prefixes above, and the segments above right after the language prefix (or at the root) —
        not anywhere in the path: /<lang>/admin/accounts/… is the admin of users and organizations."""
        if path.startswith(OPEN_PREFIXES + OPEN_SEGMENTS):
            return False
        language, _slash, rest = path.lstrip("/").partition("/")
        return not (language in LANGUAGE_CODES and f"/{rest}".startswith(OPEN_SEGMENTS))
