"""Reads for voluntary reviews: lists with their joins, the public overview, history, reminders to send."""

from django.db.models import Count, Prefetch, Q

from accounts.models import FocalPoint
from accounts.roles import state_ids_of
from gcm.enums import Region
from gcm.models import Cycle, MemberState

from .enums import IN_PROCESS, NOT_SUBMITTED, ExtensionStatus, PublicStatus, ReviewStatus
from .filters import ReviewFilter
from .models import DeadlineExtension, ObjectiveEntry, Review, ReviewAttachment
from .questionnaire import review_gaps, section_progress


def cycle_for(year=None):
    """The cycle of `year`, or the active cycle (also for a year that is not a number: a hand-typed query)."""
    if year and str(year).isascii() and str(year).isdigit() and len(str(year)) <= 4:
        found = Cycle.objects.filter(year=year).first()
        if found:
            return found
    return Cycle.objects.active()


def entries_of(review):
    return list(review.entries.select_related("objective__round_table"))


def review_workspace(review):
    """What the State's workspace shows: entries, attachments, progress, gaps, extensions."""
    entries = entries_of(review)
    attachments = list(review.attachments.all())
    sections, done, total = section_progress(review, entries, len(attachments))
    extensions = list(review.extensions.select_related("requested_by", "decided_by"))
    return {
        "entries": entries,
        "attachments": attachments,
        "sections": sections,
        "done": done,
        "total": total,
        "percent": round(100 * done / total),
        "gaps": review_gaps(review, entries),
        "extensions": extensions,
        "pending_extension": any(e.status == ExtensionStatus.PENDING for e in extensions),
    }


def reviews_for_focal_point(user, cycle):
    """(State, review or None) for every State `user` acts for, in `cycle`."""
    states = MemberState.objects.filter(pk__in=state_ids_of(user))
    reviews = {r.member_state_id: r for r in Review.objects.filter(cycle=cycle, member_state__in=states)}
    return [(state, reviews.get(state.pk)) for state in states.sorted_by_name()]


def public_review_queryset(cycle):
    return (
        Review.objects.published()
        .filter(cycle=cycle)
        .select_related("cycle", "member_state")
        .prefetch_related(Prefetch("entries", queryset=ObjectiveEntry.objects.select_related("objective")))
        .order_by("member_state__region", "member_state__iso3")
    )


def published_review_list(*, cycle, params):
    """A ReviewFilter over the published reviews of `cycle` (region, commission, champion, objective)."""
    return ReviewFilter(params, queryset=public_review_queryset(cycle))


def public_status(review):
    if review is None or review.status in NOT_SUBMITTED or review.status == ReviewStatus.WITHDRAWN:
        return PublicStatus.NOT_YET
    if review.status in IN_PROCESS:
        return PublicStatus.SUBMITTED
    return PublicStatus.PUBLISHED


def state_overview(cycle):
    """Every UN Member State with the public status of its review in `cycle`, grouped by region; plus counts.
    Two queries whatever the number of reviews."""
    statuses = dict(Review.objects.filter(cycle=cycle).order_by().values_list("member_state_id", "status"))
    rows, counts = [], {status: 0 for status in PublicStatus}
    for state in MemberState.objects.members().sorted_by_name():
        status = statuses.get(state.pk)
        shown = PublicStatus.NOT_YET if status is None else public_status(Review(status=status))
        counts[shown] += 1
        rows.append({"state": state, "status": shown, "label": shown.label})
    rows.sort(key=lambda row: row["state"].region)
    return {"rows": rows, "counts": [(status, status.label, counts[status]) for status in PublicStatus],
            "total": len(rows)}


def review_pdf_context(review):
    return {"review": review, "entries": entries_of(review), "principles": list(review.principles.all()),
            "attachments": list(review.attachments.all())}


def review_public_context(review):
    return review_pdf_context(review)


def attachment_of(review_id, attachment_id):
    return ReviewAttachment.objects.select_related("review__cycle", "review__member_state").filter(
        pk=attachment_id, review_id=review_id).first()


def review_queue(*, status=None):
    """Reviews for the secretariat, oldest submission first, with the counts per status."""
    reviews = Review.objects.select_related("cycle", "member_state").annotate(
        pending_extensions=Count("extensions", filter=Q(extensions__status=ExtensionStatus.PENDING))
    )
    if status:
        reviews = reviews.filter(status=status)
    return reviews.order_by("submitted_at", "pk")


def queue_counts():
    return dict(Review.objects.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n"))


def pending_extensions():
    return DeadlineExtension.objects.filter(status=ExtensionStatus.PENDING).select_related(
        "review__cycle", "review__member_state", "requested_by"
    ).order_by("created_at")


def published_entries_for_objective(objective, limit=50):
    """The published reviews' entries on `objective`, newest cycle first (one query)."""
    return list(
        ObjectiveEntry.objects.filter(objective=objective, review__status=ReviewStatus.PUBLISHED)
        .select_related("review__cycle", "review__member_state", "objective")
        .order_by("-review__cycle__year", "review__member_state__iso3")[:limit]
    )


def published_entries_for_round_table(round_table, limit=50):
    """The published reviews' entries on the objectives of `round_table`, newest cycle first (one query)."""
    return list(
        ObjectiveEntry.objects.filter(objective__round_table=round_table, review__status=ReviewStatus.PUBLISHED)
        .select_related("review__cycle", "review__member_state", "objective")
        .order_by("-review__cycle__year", "objective__number", "review__member_state__iso3")[:limit]
    )


def published_count(cycle):
    return Review.objects.published().filter(cycle=cycle).count()


def review_history(review):
    """Changes to the review and its objective entries, newest first: who, when, and which fields changed."""
    changes = []
    records = list(review.history.select_related("history_user").order_by("history_date", "history_id"))
    changes += _diffs(records, lambda record: str(review.member_state.name))
    entry_records = list(
        ObjectiveEntry.history.filter(review_id=review.pk).select_related("history_user", "objective")
        .order_by("id", "history_date", "history_id")
    )
    by_entry = {}
    for record in entry_records:
        by_entry.setdefault(record.id, []).append(record)
    for records in by_entry.values():
        changes += _diffs(records, lambda record: str(record.objective))
    changes.sort(key=lambda change: change["date"], reverse=True)
    return changes


def _diffs(records, label):
    from .models import Review as ReviewModel

    changes, previous = [], None
    for record in records:
        if previous is None or record.history_type != "~":
            fields = []
        else:
            delta = record.diff_against(previous)
            fields = [_verbose(record.instance_type, c.field) for c in delta.changes if c.field != "version"]
        if previous is None or record.history_type != "~" or fields:
            changes.append({"date": record.history_date, "user": record.history_user, "type": record.history_type,
                            "fields": fields, "label": label(record),
                            "is_review": record.instance_type is ReviewModel})
        previous = record
    return changes


def _verbose(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a removed field still present in old history rows
        return name


def states_to_remind(*, today):
    """(cycle, State, review or None, deadline) for every State with focal points that has not submitted its
    review for the active cycle."""
    cycle = Cycle.objects.active()
    if cycle is None:
        return []
    reviews = {r.member_state_id: r for r in Review.objects.filter(cycle=cycle)}
    state_ids = set(FocalPoint.objects.values_list("member_state_id", flat=True))
    result = []
    for state in MemberState.objects.filter(pk__in=state_ids).order_by("iso3"):
        review = reviews.get(state.pk)
        if review is not None and review.status not in NOT_SUBMITTED:
            continue
        deadline = review.deadline_extended_to if review and review.deadline_extended_to else cycle.review_deadline
        result.append((cycle, state, review, deadline))
    return result


# --- Secretariat console and summaries ---------------------------------------------------------------------------

def submissions_by_region(cycle):
    """Per UN region: Member States, how many submitted (and not withdrawn) and how many are published in
    `cycle`; with a total row. Two queries."""
    members = dict(MemberState.objects.members().order_by().values_list("region").annotate(n=Count("pk")))
    reviews = (Review.objects.filter(cycle=cycle, member_state__in=MemberState.objects.members())
               .exclude(status__in=[*NOT_SUBMITTED, ReviewStatus.WITHDRAWN]).order_by()
               .values_list("member_state__region", "status").annotate(n=Count("pk")))
    rows = {region: {"region": region, "label": label, "states": members.get(region, 0), "submitted": 0,
                     "published": 0} for region, label in Region.choices}
    for region, status, n in reviews:
        rows[region]["submitted"] += n
        if status == ReviewStatus.PUBLISHED:
            rows[region]["published"] += n
    rows = list(rows.values())
    total = {key: sum(row[key] for row in rows) for key in ("states", "submitted", "published")}
    return {"rows": rows, "total": total}


def cycle_status_rows(cycle):
    """Every UN Member State with its review in `cycle` (or None) and that review's deadline extensions,
    sorted by region, sub-region and name. Three queries."""
    extensions = DeadlineExtension.objects.order_by("created_at")
    reviews = {r.member_state_id: r for r in Review.objects.filter(cycle=cycle).prefetch_related(
        Prefetch("extensions", queryset=extensions, to_attr="extension_list"))}
    rows = []
    for state in MemberState.objects.members():
        review = reviews.get(state.pk)
        rows.append({"state": state, "review": review, "status": public_status(review),
                     "extensions": review.extension_list if review else []})
    rows.sort(key=lambda row: (row["state"].region, row["state"].subregion, row["state"].name.casefold()))
    return rows


def published_reviews_with_entries(cycle):
    """The published reviews of `cycle` with their objective entries and principles, by State name. Four
    queries whatever the number of reviews."""
    entries = ObjectiveEntry.objects.select_related("objective").order_by("objective__number")
    reviews = (Review.objects.filter(cycle=cycle, status=ReviewStatus.PUBLISHED).select_related("member_state")
               .prefetch_related(Prefetch("entries", queryset=entries, to_attr="entry_list"), "principles"))
    return sorted(reviews, key=lambda review: review.member_state.name.casefold())


def states_not_submitted(cycle):
    """Ids of the UN Member States that have not submitted their review for `cycle` (no review, a draft, a
    returned or a withdrawn one)."""
    done = Review.objects.filter(cycle=cycle).exclude(status__in=[*NOT_SUBMITTED, ReviewStatus.WITHDRAWN])
    return MemberState.objects.members().exclude(pk__in=done.values("member_state_id"))


def published_reviews():
    """Every published review with its entries and principles, for the open-data API (constant queries)."""
    return (
        Review.objects.published()
        .select_related("cycle", "member_state")
        .prefetch_related(Prefetch("entries", queryset=ObjectiveEntry.objects.select_related("objective")),
                          "principles")
    )


REVIEW_SEARCH_FIELDS = ["policy_environment", "institutional_arrangements", "consultation_process",
                        "principles_narrative", "means_of_implementation", "partnerships", "next_steps"]


def review_site_search(text, *, limit=10):
    """Published reviews matching `text` in their narrative answers, for the site-wide search."""
    from core.search import text_search

    return text_search(Review.objects.published().select_related("cycle", "member_state"), text=text,
                       fields=REVIEW_SEARCH_FIELDS, limit=limit)
