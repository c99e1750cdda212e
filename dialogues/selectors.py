"""Reads for dialogues, each with a constant number of queries whatever the row count."""

from django.db.models import Count, Prefetch, Q

from .enums import ContributionStatus, RegistrationStatus, ReportStatus
from .filters import DialogueFilter
from .models import Consultation, Contribution, Dialogue, Registration, Report


def dialogue_list(*, params):
    """A DialogueFilter over every dialogue, with cycle and round tables (the published contribution count is
    stored on the row: `published_contribution_count`)."""
    queryset = Dialogue.objects.select_related("cycle").prefetch_related("round_tables")
    return DialogueFilter(params, queryset=queryset)


def dialogue_detail(pk):
    return (Dialogue.objects.select_related("cycle")
            .prefetch_related("round_tables", "objectives", "materials", "recordings")
            .filter(pk=pk).first())


def published_contributions(dialogue):
    return dialogue.contributions.published().select_related("author", "round_table").order_by("created_at", "pk")


def own_unpublished_contributions(dialogue, user):
    """The user's contributions to `dialogue` still awaiting moderation or rejected (with the reason)."""
    if not getattr(user, "is_authenticated", False):
        return Contribution.objects.none()
    return (dialogue.contributions.filter(author=user).exclude(status=ContributionStatus.PUBLISHED)
            .select_related("author", "round_table").order_by("-created_at"))


def registration_state(dialogue, user):
    """(`user`'s registration or None, seats taken, waiting-list length) for `dialogue`, in two queries."""
    counts = Registration.objects.filter(dialogue=dialogue).aggregate(
        seats=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)))
    own = None
    if getattr(user, "is_authenticated", False):
        own = Registration.objects.filter(dialogue=dialogue, user=user).first()
    return own, counts["seats"], counts["waiting"]


def upcoming_for_feed(*, params):
    """Upcoming, not cancelled sessions for the calendar feed, filtered like the list page."""
    return DialogueFilter(params, queryset=Dialogue.objects.all()).qs.upcoming()[:500]


def dialogues_for_management():
    return (Dialogue.objects.select_related("cycle")
            .annotate(registration_count=Count("registrations", distinct=True,
                                               filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
                      pending_count=Count("contributions", distinct=True,
                                          filter=Q(contributions__status=ContributionStatus.SUBMITTED)))
            .order_by("-starts_at", "-pk"))


def registrations_for(dialogue, status=RegistrationStatus.REGISTERED):
    return (Registration.objects.filter(dialogue=dialogue, status=status).select_related("user")
            .order_by("created_at", "pk"))


def moderation_queue():
    return (Contribution.objects.filter(status=ContributionStatus.SUBMITTED)
            .select_related("dialogue", "consultation__round_table", "author", "round_table")
            .order_by("created_at", "pk"))


def reported_contributions():
    """Published contributions with open reports, oldest report first, each with its open reports."""
    open_reports = Report.objects.filter(status=ReportStatus.OPEN).select_related("reporter").order_by("created_at")
    return (Contribution.objects.filter(reports__status=ReportStatus.OPEN)
            .annotate(open_report_count=Count("reports"))
            .select_related("dialogue", "consultation__round_table", "author", "round_table")
            .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
            .order_by("pk"))


def round_table_compilation(*, round_table, cycle=None):
    """Published contributions feeding `round_table`'s background note: those filed under it, and those filed
    under no round table in a dialogue linked to it."""
    linked = Dialogue.objects.filter(round_tables=round_table).values("pk")
    queryset = (Contribution.objects.published().filter(consultation__isnull=True)
                .filter(Q(round_table=round_table) | Q(round_table__isnull=True, dialogue__in=linked))
                .select_related("dialogue", "dialogue__cycle", "author", "round_table")
                .order_by("dialogue__starts_at", "dialogue_id", "created_at", "pk"))
    return queryset.filter(dialogue__cycle=cycle) if cycle else queryset


def dialogues_for_round_table(round_table):
    return Dialogue.objects.filter(round_tables=round_table).select_related("cycle").order_by("-starts_at", "-pk")


def dialogues_for_objective(objective):
    return Dialogue.objects.filter(objectives=objective).select_related("cycle").order_by("-starts_at", "-pk")


def dialogue_count(cycle):
    return Dialogue.objects.filter(cycle=cycle).count()


def queue_counts():
    return {
        "pending": Contribution.objects.filter(status=ContributionStatus.SUBMITTED).count(),
        "reported": Contribution.objects.filter(reports__status=ReportStatus.OPEN).distinct().count(),
    }


def contributions_with_open_reports():
    """Contributions with at least one open report; aggregate over `reports__created_at` for the oldest."""
    return Contribution.objects.filter(reports__status=ReportStatus.OPEN)


def registration_count(cycle):
    """Registrations to the dialogues of `cycle`."""
    return Registration.objects.filter(dialogue__cycle=cycle).count()


def public_dialogues():
    """Every dialogue (all are public) with what the open data shows, in a constant number of queries."""
    return (Dialogue.objects.select_related("cycle")
            .prefetch_related("round_tables", "objectives", "materials", "recordings"))


def public_contributions():
    """Published contributions with their dialogue's id, round table and author's public name."""
    return Contribution.objects.published().filter(dialogue__isnull=False).select_related("author", "round_table")


def dialogue_site_search(text, *, limit=10):
    """Dialogues matching `text` in their title or description, for the site-wide search."""
    from core.search import text_search

    return text_search(Dialogue.objects.all(), text=text, fields=["title", "description"], limit=limit)


def contribution_site_search(text, *, limit=10):
    """Published contributions matching `text`, for the site-wide search."""
    from core.search import text_search

    return text_search(Contribution.objects.published().filter(dialogue__isnull=False)
                       .select_related("dialogue", "author"), text=text,
                       fields=["text"], limit=limit)


def contributions_for_objective(objective, *, limit=5):
    """A few published contributions to the dialogues on `objective`, newest first (one query)."""
    return list(Contribution.objects.published().filter(dialogue__objectives=objective)
                .select_related("dialogue", "author").order_by("-created_at", "-pk")[:limit])


def contributions_for_round_table(round_table, *, limit=5):
    """A few published contributions to the dialogues feeding `round_table` (linked to the dialogue or tagged
    with the round table), newest first; consultation inputs stay on their consultation's page."""
    feeding = Contribution.objects.filter(dialogue__isnull=False).filter(
        Q(round_table=round_table) | Q(dialogue__round_tables=round_table)).values("pk")
    return list(Contribution.objects.published().filter(pk__in=feeding)
                .select_related("dialogue", "author").order_by("-created_at", "-pk")[:limit])


def consultations_for_round_table(round_table):
    """The round table's online consultations (one per cycle), newest first (each with its stored
    `published_input_count`)."""
    return list(Consultation.objects.filter(round_table=round_table).select_related("cycle", "round_table")
                .order_by("-opens_on"))


def consultation_list():
    return Consultation.objects.select_related("cycle", "round_table").order_by("-opens_on", "round_table__number")


def consultation_detail(pk):
    return Consultation.objects.select_related("cycle", "round_table").filter(pk=pk).first()


def published_inputs(consultation):
    return (consultation.inputs.published().select_related("author", "objective", "round_table")
            .order_by("created_at", "pk"))


def consultation_inputs_for_compilation(*, round_table, cycle=None):
    """Published consultation inputs of `round_table`, ordered to group by objective, then stakeholder category."""
    queryset = (Contribution.objects.published().filter(consultation__round_table=round_table)
                .select_related("author", "objective", "consultation", "round_table")
                .order_by("objective__number", "stakeholder_category", "created_at", "pk"))
    return queryset.filter(consultation__cycle=cycle) if cycle else queryset
