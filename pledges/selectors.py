"""Reads of the pledges app: public lists with their joins, dashboard figures, queues and personal lists.
Every list keeps a constant number of queries whatever the number of pledges."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum
from django.db.models.functions import Coalesce

from accounts.models import FocalPoint, Membership, MembershipStatus
from accounts.roles import organization_ids_of, state_ids_of
from gcm.enums import Region, StakeholderCategory
from gcm.models import Objective

from .enums import PartnerStatus, PledgeStatus, PledgeType, ProgressStatus, UpdateStatus
from .filters import PledgeFilter, type_q
from .models import Pledge, PledgePartner, ProgressUpdate


def _confirmed_partners():
    return Prefetch(
        "partners",
        queryset=PledgePartner.objects.filter(status=PartnerStatus.CONFIRMED).select_related(
            "member_state", "organization"),
        to_attr="confirmed_partners",
    )


def public_pledges():
    """Published pledges with what a list or export shows: pledger, objectives, principles, confirmed partners
    only (a partner that declined, or has not answered, never appears publicly)."""
    return Pledge.objects.published().select_related(
        "cycle", "member_state", "organization", "organization__country", "matches",
    ).prefetch_related("objectives", "principles", "countries", _confirmed_partners())


def pledge_list(*, params):
    """The public list, searched and filtered by `params` (a QueryDict)."""
    return PledgeFilter(params, queryset=public_pledges())


def published_updates(pledge):
    return pledge.updates.filter(status=UpdateStatus.PUBLISHED).order_by("-date", "-pk")


def pledge_detail_extras(pledge, *, public):
    """What the detail page shows besides the pledge: partners (confirmed only on the public view) and
    progress updates (published only on the public view)."""
    partners = pledge.partners.select_related("member_state", "organization")
    updates = pledge.updates.select_related("author")
    if public:
        partners = partners.filter(status=PartnerStatus.CONFIRMED)
        updates = updates.filter(status=UpdateStatus.PUBLISHED)
    return {
        "partners": list(partners),
        "updates": list(updates),
        "objectives": list(pledge.objectives.all()),
        "principles": list(pledge.principles.all()),
        "countries": list(pledge.countries.all()),
    }


def pledges_of(user):
    """Every pledge of the States and organizations `user` acts for, newest first."""
    return Pledge.objects.filter(
        Q(member_state_id__in=state_ids_of(user)) | Q(organization_id__in=organization_ids_of(user))
    ).select_related("member_state", "organization", "cycle").order_by("-created_at", "-pk")


def invitations_for(user):
    """Partnerships `user` may answer for (still open), with their pledges."""
    return PledgePartner.objects.filter(
        Q(member_state_id__in=state_ids_of(user)) | Q(organization_id__in=organization_ids_of(user)),
        status=PartnerStatus.INVITED,
        pledge__status__in=[PledgeStatus.SUBMITTED, PledgeStatus.PUBLISHED],
    ).select_related("pledge", "pledge__member_state", "pledge__organization", "member_state", "organization")


def moderation_queue():
    return Pledge.objects.filter(status=PledgeStatus.SUBMITTED).select_related(
        "member_state", "organization", "cycle").order_by("submitted_at", "pk")


def updates_to_moderate():
    return ProgressUpdate.objects.filter(status=UpdateStatus.SUBMITTED).select_related(
        "pledge", "pledge__member_state", "pledge__organization", "author").order_by("created_at", "pk")


# --- Dashboard ----------------------------------------------------------------------------------------------------

def _bars(rows):
    """rows: (key, label, value) → dicts with the share of the largest value, for the SVG bars."""
    top = max([value for _key, _label, value in rows] + [0]) or 1
    return [{"key": key, "label": label, "value": value, "share": value / top} for key, label, value in rows]


BAR_MAX = 250


def chart(key, title, column, rows):
    """A horizontal bar chart for `rows` (from _bars): each bar is BAR_MAX units at most, drawn from the left
    (`width`) or, right to left, from the right (`rtl_x`); labels and values stay HTML beside the bars."""
    for row in rows:
        row["width"] = round(row["share"] * BAR_MAX)
        row["rtl_x"] = BAR_MAX - row["width"]
    return {"key": key, "title": title, "column": column, "rows": rows, "bar_max": BAR_MAX}


def dashboard(queryset):
    """Totals and chart series of the (filtered) published pledges `queryset`, in five queries."""
    base = Pledge.objects.filter(pk__in=queryset.order_by().values("pk"))
    financial = type_q(PledgeType.FINANCIAL)
    totals = base.aggregate(
        total=Count("pk"),
        joint=Count("pk", filter=Q(is_joint=True)),
        mptf=Count("pk", filter=financial & Q(to_mptf=True)),
        inactive=Count("pk", filter=Q(is_inactive=True)),
        **{f"type_{t}": Count("pk", filter=type_q(t)) for t in PledgeType.values},
        **{f"progress_{p}": Count("pk", filter=Q(progress_status=p, is_inactive=False))
           for p in ProgressStatus.values},
    )
    return {
        "totals": totals,
        "by_objective": _bars(_by_objective(base)),
        "by_type": _bars([(t, label, totals[f"type_{t}"]) for t, label in PledgeType.choices]),
        "by_category": _bars(_by_category(base)),
        "by_region": _bars(_by_region(base)),
        "by_joint": _bars([("joint", _label("joint"), totals["joint"]),
                           ("single", _label("single"), totals["total"] - totals["joint"])]),
        "by_progress": _bars([(p, label, totals[f"progress_{p}"]) for p, label in ProgressStatus.choices]
                             + [("inactive", _label("inactive"), totals["inactive"])]),
        "by_currency": _by_currency(base),
    }


def _label(key):
    from django.utils.translation import gettext as _

    return {"joint": _("Joint pledges"), "single": _("Single pledges"),
            "inactive": _("Inactive (no update for a year)"), "states": _("Member States"),
            "none": _("Global / no region")}[key]


def _by_objective(base):
    objectives = Objective.objects.annotate(n=Count("pledges", filter=Q(pledges__in=base.values("pk"))))
    return [(o.number, str(o), o.n) for o in objectives.order_by("number")]


def _by_category(base):
    counts = {row["organization__category"]: row["n"]
              for row in base.values("organization__category").annotate(n=Count("pk")).order_by()}
    rows = [("states", _label("states"), counts.get(None, 0))]
    return rows + [(value, label, counts.get(value, 0)) for value, label in StakeholderCategory.choices]


def _by_region(base):
    counts = {row["r"]: row["n"] for row in base.annotate(
        r=Coalesce("member_state__region", "organization__country__region")).values("r").annotate(
        n=Count("pk")).order_by()}
    rows = [(value, label, counts.get(value, 0)) for value, label in Region.choices]
    return rows + [("none", _label("none"), counts.get(None, 0))]


def _by_currency(base):
    rows = base.filter(type_q(PledgeType.FINANCIAL), amount__isnull=False).exclude(currency="").values(
        "currency").annotate(total=Sum("amount"), n=Count("pk")).order_by("currency")
    rows = list(rows)
    top = max([r["total"] for r in rows] + [0]) or 1
    return [{"key": r["currency"], "label": r["currency"], "value": r["total"], "count": r["n"],
             "display": f"{r['total']:,.0f}", "share": float(r["total"] / top)} for r in rows]


# --- Shared pages -------------------------------------------------------------------------------------------------

def pledges_for_objective(objective, *, limit=10):
    return list(Pledge.objects.published().filter(objectives=objective).select_related(
        "member_state", "organization")[:limit])


def pledges_for_round_table(round_table, *, limit=10):
    links = Pledge.objectives.through.objects.filter(pledge_id=OuterRef("pk"), objective__round_table=round_table)
    return list(Pledge.objects.published().filter(Exists(links)).select_related(
        "member_state", "organization")[:limit])


def published_count(cycle=None):
    qs = Pledge.objects.published()
    return qs.filter(cycle=cycle).count() if cycle else qs.count()


def mptf_count(cycle=None):
    qs = Pledge.objects.published().filter(type_q(PledgeType.FINANCIAL), to_mptf=True)
    return qs.filter(cycle=cycle).count() if cycle else qs.count()


# --- Secretariat console and summaries ---------------------------------------------------------------------------

def pledge_status_counts(cycle=None):
    """{status: count} of the pledges (of `cycle`), drafts excluded. One query."""
    qs = Pledge.objects.exclude(status=PledgeStatus.DRAFT)
    if cycle is not None:
        qs = qs.filter(cycle=cycle)
    return dict(qs.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n"))


def pledges_without_update(*, year):
    """Published pledges with no progress update dated in `year` (a rejected update does not count)."""
    dated = ProgressUpdate.objects.filter(date__year=year).exclude(status=UpdateStatus.REJECTED)
    return Pledge.objects.published().exclude(pk__in=dated.values("pledge_id"))


def pledgers_of(pledges):
    """{user: [pledges]} of the active people acting for the pledging State or organization of each of
    `pledges`. Three queries."""
    pledges = list(pledges.select_related("member_state", "organization"))
    by_state, by_org = {}, {}
    for pledge in pledges:
        if pledge.member_state_id:
            by_state.setdefault(pledge.member_state_id, []).append(pledge)
        elif pledge.organization_id:
            by_org.setdefault(pledge.organization_id, []).append(pledge)
    people = {}
    for fp in FocalPoint.objects.filter(member_state_id__in=by_state, user__is_active=True).select_related("user"):
        people.setdefault(fp.user, []).extend(by_state[fp.member_state_id])
    for membership in Membership.objects.filter(organization_id__in=by_org, status=MembershipStatus.APPROVED,
                                                user__is_active=True).select_related("user"):
        people.setdefault(membership.user, []).extend(by_org[membership.organization_id])
    return people


def joint_pledges(cycle):
    """The published joint pledges of `cycle` with their confirmed partners."""
    return list(public_pledges().filter(cycle=cycle, is_joint=True).order_by("reference", "pk"))


def dashboard_charts(figures):
    """The dashboard's charts from dashboard() figures: (bar charts, currency chart). Shared by the dashboard
    page and the secretariat's campaign summary."""
    from django.utils.translation import gettext as _

    charts = [
        chart("objective", _("Pledges by GCM objective"), _("Objective"), figures["by_objective"]),
        chart("type", _("Pledges by type"), _("Type"), figures["by_type"]),
        chart("category", _("Pledges by stakeholder category"), _("Pledger"), figures["by_category"]),
        chart("region", _("Pledges by region of the pledger"), _("Region"), figures["by_region"]),
        chart("joint", _("Joint and single pledges"), _("Kind"), figures["by_joint"]),
        chart("progress", _("Progress status"), _("Progress"), figures["by_progress"]),
    ]
    currency = chart("currency", _("Financial pledges: amounts by currency"), _("Currency"), figures["by_currency"])
    return charts, currency


def pledge_site_search(text, *, limit=10):
    """Published pledges matching `text`, for the site-wide search."""
    from core.search import text_search

    return text_search(Pledge.objects.published(), text=text, fields=["title", "narrative"], limit=limit)


def _type_counts(pledges):
    counts = pledges.aggregate(**{t: Count("pk", filter=type_q(t)) for t in PledgeType.values})
    return [(t, label, counts[t]) for t, label in PledgeType.choices]


def pledge_type_counts_for_objective(objective):
    """(type, label, count) of the published pledges on `objective`, in one query."""
    return _type_counts(Pledge.objects.published().filter(objectives=objective))


def pledge_type_counts_for_round_table(round_table):
    """(type, label, count) of the published pledges on any objective of `round_table`, in one query (a pledge
    on two of its objectives counts once)."""
    links = Pledge.objectives.through.objects.filter(pledge_id=OuterRef("pk"), objective__round_table=round_table)
    return _type_counts(Pledge.objects.published().filter(Exists(links)))
