"""Benchmark-only URLconf: the portal's URLs plus a minimal Django view, the ceiling every page is compared with.

Selected by benchmarks/settings.py; never part of the production URLs.
"""

from django.http import HttpResponse
from django.urls import path

from femi_portal.urls import handler400, handler403, handler404, handler500
from femi_portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def minimal(request):
    """The least a Django view can do: the same middleware stack, no query, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal), *portal_urlpatterns]
