from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .roles import needs_mfa

GUARDED_SEGMENTS = ("/secretariat/", "/admin/")


class SecretariatMFAMiddleware:
    """Secretariat staff without MFA are sent to set up an authenticator before using the console or admin."""

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
        return any(segment in path for segment in GUARDED_SEGMENTS)
