"""Read-only endpoints of the open-data API. Each queryset comes from the owning app's selector (published only)
and each filter set is the one of the app's web list."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date
from django.utils.translation import gettext
from rest_framework import viewsets

from core.caching import public_key
from core.public_changes import lookup, lookup_keys, store
from dialogues.filters import ContributionFilter, DialogueFilter
from dialogues.selectors import public_contributions, public_dialogues
from gcm.filters import MemberStateFilter
from gcm.models import Cycle, MemberState, Principle
from gcm.selectors import objective_list, round_table_list
from pledges.enums import PartnerStatus, UpdateStatus
from pledges.filters import PledgeFilter
from pledges.models import PledgePartner, ProgressUpdate
from pledges.selectors import public_pledges
from practices.filters import PracticeFilter
from practices.models import PracticeTheme
from practices.selectors import practice_list_rows, published_practices
from reviews.filters import PublishedReviewFilter
from reviews.models import ObjectiveEntry
from reviews.selectors import published_reviews

from . import serializers
from .pagination import ReferenceCursorPagination, ReviewCursorPagination
from .relations import ORGANIZATION_COLUMNS, attach_m2m, attach_reverse, organization

ENTRY_TEXTS = ("progress", "challenges", "good_practices", "support_needed")


class ApiPracticeFilter(PracticeFilter):
    """The repository's filters; the order is the API's own (stable cursor), so `sort` is not offered."""


del ApiPracticeFilter.base_filters["sort"]


class ConditionalViewSet(viewsets.ReadOnlyModelViewSet):
    """Answers GET with an ETag (of the body) and, where the rows carry a date, Last-Modified; a matching
    If-None-Match or If-Modified-Since gets 304.

    A list page or an object is the same for every client (the API is anonymous and read-only), so its rendered
    body is kept for PUBLIC_CACHE_SECONDS (0 in development and tests) under its path and query string:
    serializing 50 rows with their relations costs far more than the request itself; it is stale as soon as
    anything public changes (core/public_changes.py). The rate limit still counts every request."""

    modified_fields: tuple[str, ...] = ()

    def list(self, request, *args, **kwargs):
        cached = self._cached(request)
        return cached if cached is not None else super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        cached = self._cached(request)
        return cached if cached is not None else super().retrieve(request, *args, **kwargs)

    def _cached(self, request):
        if not settings.PUBLIC_CACHE_SECONDS:
            return None
        key = self._page_key(request)
        found = getattr(self, "cache_read", None)  # read with the rate-limit counter (api/throttling.py)
        hit, self._generation = lookup(key, found=found if found is not None and key in self._keys_read else None)
        if hit is None:
            return None
        content, content_type, last_modified, etag = hit
        response = HttpResponse(content, content_type=content_type)
        response.cached_last_modified = last_modified
        response["ETag"] = etag  # kept with the body: hashing a large page again on every hit costs a millisecond
        return response

    def cache_keys_to_read(self, request):
        """What the rate limit reads in its round trip for this request: the cached page and its generation."""
        if not settings.PUBLIC_CACHE_SECONDS or self.action not in ("list", "retrieve"):
            self._keys_read = []
        else:
            self._keys_read = lookup_keys(self._page_key(request))
        return self._keys_read

    def _page_key(self, request):
        return public_key("api:v3", f"{request.path}?{sorted(request.query_params.lists())}")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if hasattr(response, "cached_last_modified"):
            last_modified = response.cached_last_modified
        else:
            response.render()
            last_modified = self._last_modified(response)
            set_response_etag(response)
            if self.action in ("list", "retrieve") and settings.PUBLIC_CACHE_SECONDS:
                store(self._page_key(request),
                      (response.content, response["Content-Type"], last_modified, response["ETag"]),
                      getattr(self, "_generation", None), settings.PUBLIC_CACHE_SECONDS)
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        return get_conditional_response(
            request, etag=response.get("ETag"),
            last_modified=int(last_modified.timestamp()) if last_modified else None, response=response,
        )

    def _last_modified(self, response):
        objects = getattr(self, "_served", None) or []
        dates = [getattr(obj, field) for obj in objects for field in self.modified_fields
                 if getattr(obj, field, None) is not None]
        return max(dates) if dates else None

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self._served = page if page is not None else []
        self.relate(self._served)
        return page

    def get_object(self):
        obj = super().get_object()
        self._served = [obj]
        self.relate(self._served)
        return obj

    def relate(self, rows):
        """Read what the serializer shows of the rows' relations (api/relations.py); nothing by default."""


def not_found(request):
    """Any other address under the API: a JSON 404, like a missing object (never the HTML error page)."""
    return JsonResponse({"detail": gettext("Not found.")}, status=404)


class CycleViewSet(ConditionalViewSet):
    """IMRF cycles (by forum year)."""

    queryset = Cycle.objects.all()
    serializer_class = serializers.CycleSerializer
    lookup_field = "year"
    pagination_class = ReferenceCursorPagination


class RoundTableViewSet(ConditionalViewSet):
    """The four IMRF round tables and their objectives (by number)."""

    queryset = round_table_list()
    serializer_class = serializers.RoundTableSerializer
    lookup_field = "number"
    pagination_class = ReferenceCursorPagination


class ObjectiveViewSet(ConditionalViewSet):
    """The 23 GCM objectives (by number), titles in every UI language."""

    queryset = objective_list()
    serializer_class = serializers.ObjectiveSerializer
    lookup_field = "number"
    pagination_class = ReferenceCursorPagination


class PrincipleViewSet(ConditionalViewSet):
    """The ten guiding principles (by slug)."""

    queryset = Principle.objects.all()
    serializer_class = serializers.PrincipleSerializer
    lookup_field = "slug"
    pagination_class = ReferenceCursorPagination


class MemberStateViewSet(ConditionalViewSet):
    """UN Member States and observer States (by ISO 3166 alpha-3 code)."""

    queryset = MemberState.objects.all()
    serializer_class = serializers.MemberStateSerializer
    filterset_class = MemberStateFilter
    lookup_field = "iso3"
    lookup_value_regex = "[A-Z]{3}"
    pagination_class = ReferenceCursorPagination


class ReviewViewSet(ConditionalViewSet):
    """Published voluntary reviews with the State's answers per objective."""

    queryset = published_reviews().prefetch_related(None)
    serializer_class = serializers.ReviewSerializer
    pagination_class = ReviewCursorPagination
    filterset_class = PublishedReviewFilter
    modified_fields = ("published_at",)

    def relate(self, rows):
        attach_m2m(rows, "principles", "slug", order=("position",))
        attach_reverse(rows, "api_entries", ObjectiveEntry.objects.order_by("objective__number", "pk"), "review_id",
                       "objective__number", *ENTRY_TEXTS)
        for row in rows:
            for entry in row.api_entries:
                entry["objective"] = {"number": entry.pop("objective__number")}


class PracticeViewSet(ConditionalViewSet):
    """Published practices of the repository (peer-reviewed)."""

    queryset = practice_list_rows(published_practices()).prefetch_related(None)
    serializer_class = serializers.PracticeSerializer
    filterset_class = ApiPracticeFilter
    modified_fields = ("published_at", "updated_at")

    def relate(self, rows):
        attach_m2m(rows, "objectives", "number", order=("number",))
        attach_m2m(rows, "countries", "iso3", order=("iso3",))
        attach_m2m(rows, "principles", "slug", order=("position",))
        attach_m2m(rows, "partners", *ORGANIZATION_COLUMNS, order=("name", "pk"))
        attach_reverse(rows, "api_theme_rows", PracticeTheme.objects.order_by("theme"), "practice_id", "theme")


class PledgeViewSet(ConditionalViewSet):
    """Published pledges with their confirmed partners and published progress updates."""

    queryset = public_pledges().prefetch_related(None)
    serializer_class = serializers.PledgeSerializer
    filterset_class = PledgeFilter
    modified_fields = ("published_at", "last_progress_at")

    def relate(self, rows):
        attach_m2m(rows, "objectives", "number", order=("number",))
        attach_m2m(rows, "principles", "slug", order=("position",))
        attach_m2m(rows, "countries", "iso3", order=("iso3",))
        # Confirmed partners only, and published progress only, as on the pledge page.
        partner_organization = [f"organization__{c}" for c in ORGANIZATION_COLUMNS]
        attach_reverse(rows, "api_partners", PledgePartner.objects.filter(status=PartnerStatus.CONFIRMED)
                       .order_by("pk"), "pledge_id", "member_state__iso3", *partner_organization)
        for row in rows:
            row.api_partners = [
                {"member_state": {"iso3": p["member_state__iso3"]} if p["member_state__iso3"] else None,
                 "organization": organization(p, "organization__")} for p in row.api_partners]
        attach_reverse(rows, "api_updates", ProgressUpdate.objects.filter(status=UpdateStatus.PUBLISHED)
                       .order_by("-date", "-pk"), "pledge_id", "progress", "narrative", "date", "evidence_url",
                       "language")


class DialogueViewSet(ConditionalViewSet):
    """Migration dialogues and regional round tables."""

    queryset = public_dialogues()
    serializer_class = serializers.DialogueSerializer
    filterset_class = DialogueFilter
    modified_fields = ("updated_at",)


class ContributionViewSet(ConditionalViewSet):
    """Published contributions to the dialogues."""

    queryset = public_contributions()
    serializer_class = serializers.ContributionSerializer
    filterset_class = ContributionFilter
    modified_fields = ("decided_at",)
