"""Reads of the accounts app: lists with their joins, for the user side and the secretariat console."""

from django.db.models import Count, Q

from gcm.enums import Region
from gcm.models import MemberState

from .enums import FocalPointKind, Gender, MembershipStatus, ReviewerKind
from .models import FocalPoint, Membership, Organization, ReviewerProfile
from .permissions import admin_organization_ids_of
from .roles import is_secretariat, reviewer_profile_of


def roles_for(user):
    """What `user` may act as, for the profile page."""
    return {
        "is_secretariat": is_secretariat(user),
        "memberships": Membership.objects.filter(user=user).select_related("organization"),
        "focal_points": FocalPoint.objects.filter(user=user).select_related("member_state"),
        "reviewer": reviewer_profile_of(user),
    }


def memberships_of(user):
    """Every membership and join request of `user`, with its organization."""
    return Membership.objects.filter(user=user).select_related("organization", "organization__country").order_by(
        "organization__name"
    )


def _search(queryset, text):
    text = (text or "").strip()
    if not text:
        return queryset
    return queryset.filter(Q(name__icontains=text) | Q(acronym__icontains=text))


def joinable_organizations(*, text="", category=""):
    """Verified organizations, optionally searched by name or acronym and filtered by category."""
    queryset = _search(Organization.objects.filter(verified=True).select_related("country"), text)
    return queryset.filter(category=category) if category else queryset


def organization_list(*, text="", verified=None, category=""):
    """Organizations for the secretariat, with their approved and pending member counts."""
    queryset = _search(Organization.objects.select_related("country", "proposed_by"), text).annotate(
        member_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.APPROVED)),
        pending_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.PENDING)),
    )
    if verified is not None:
        queryset = queryset.filter(verified=verified)
    queryset = queryset.order_by("verified", "name")  # awaiting verification first
    return queryset.filter(category=category) if category else queryset


def organization_members(organization):
    """Members of `organization`, pending requests first."""
    return Membership.objects.filter(organization=organization).select_related("user").order_by(
        "-status", "user__full_name", "user__email"
    )


def managed_organizations(user):
    """Verified organizations `user` administers, with the number of requests waiting for them."""
    return Organization.objects.filter(pk__in=admin_organization_ids_of(user), verified=True).annotate(
        pending_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.PENDING))
    ).order_by("name")


def pending_memberships(*, organization_ids=None):
    """Pending requests to join verified organizations (all of them, or those of `organization_ids`)."""
    queryset = Membership.objects.filter(status=MembershipStatus.PENDING, organization__verified=True)
    if organization_ids is not None:
        queryset = queryset.filter(organization_id__in=organization_ids)
    return queryset.select_related("user", "organization").order_by("created_at", "pk")


def focal_point_list(*, text="", member_state=None):
    queryset = FocalPoint.objects.select_related("user", "member_state", "designated_by").order_by(
        "member_state__iso3", "kind", "user__email"
    )
    if member_state:
        queryset = queryset.filter(member_state=member_state)
    text = (text or "").strip()
    if text:
        queryset = queryset.filter(Q(user__email__icontains=text) | Q(user__full_name__icontains=text))
    return queryset


def reviewer_list(*, text="", kind="", region="", objective=None, language="", active=None):
    """The peer-reviewer roster with organizations, countries and objectives (prefetched)."""
    queryset = ReviewerProfile.objects.select_related("user", "organization", "country").prefetch_related(
        "objectives"
    ).order_by("user__full_name", "user__email")
    text = (text or "").strip()
    if text:
        queryset = queryset.filter(Q(user__email__icontains=text) | Q(user__full_name__icontains=text))
    if kind:
        queryset = queryset.filter(kind=kind)
    if active is not None:
        queryset = queryset.filter(is_active=active)
    if objective:
        queryset = queryset.filter(objectives=objective)
    # Regions and languages are JSON lists of codes; a quoted-code text match works on SQLite and PostgreSQL.
    if region:
        queryset = queryset.filter(regions__icontains=f'"{region}"')
    if language:
        queryset = queryset.filter(languages__icontains=f'"{language}"')
    return queryset


def roster_balance(queryset):
    """Counts of active reviewers by kind, gender, region and language: the roster's balance at a glance."""
    rows = list(queryset.filter(is_active=True).values("kind", "gender", "regions", "languages"))
    kinds = {label: sum(r["kind"] == value for r in rows) for value, label in ReviewerKind.choices}
    genders = {label: sum(r["gender"] == value for r in rows) for value, label in Gender.choices}
    regions = {label: sum(value in (r["regions"] or []) for r in rows) for value, label in Region.choices}
    return {"total": len(rows), "kinds": kinds, "genders": genders, "regions": regions}


def stakeholder_count():
    return Organization.objects.filter(verified=True).count()


def states_without_focal_point():
    """UN Member States with no designated focal point."""
    return MemberState.objects.members().exclude(pk__in=FocalPoint.objects.filter(
        kind=FocalPointKind.FOCAL_POINT).values("member_state_id"))
