"""Security headers the Django stack does not send by itself: a strict Content-Security-Policy (scripts and styles
only from our own static files, no inline code, no framing) and a Permissions-Policy. Django's SecurityMiddleware
and XFrameOptionsMiddleware add Referrer-Policy, X-Content-Type-Options, Cross-Origin-Opener-Policy and
X-Frame-Options."""

from django.conf import settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
