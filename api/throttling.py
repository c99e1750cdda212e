from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class ApiAnonRateThrottle(AnonRateThrottle):
    """Per-address limit for the public API, counted in the shared cache (Redis in production). The rate is read
    from settings at request time so deployments and tests may change it."""

    scope = "api_anon"

    def get_rate(self):
        return settings.API_ANON_RATE
