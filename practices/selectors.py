"""Reads: public lists and facets, submitter and reviewer dashboards, reviewer suggestions, decision summaries."""

from collections import Counter, defaultdict
from statistics import mean

from django.contrib.postgres.search import SearchRank
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from accounts.models import FocalPoint, Membership, MembershipStatus, Organization, ReviewerKind, ReviewerProfile
from accounts.roles import organization_ids_of, state_ids_of
from gcm.enums import Region, StakeholderCategory
from gcm.models import MemberState, Objective, Principle, RoundTable

from .enums import (
    ACTIVE_ASSIGNMENT,
    GOVERNMENT,
    AssignmentStatus,
    ContentLanguage,
    Criterion,
    DeclineReason,
    PracticeStatus,
    Recommendation,
    Theme,
)
from .models import Assignment, Clarification, Practice, PracticeTheme, Review

DEFAULT_TARGET = {ReviewerKind.INTERNAL: 1, ReviewerKind.EXTERNAL: 2}


# --- Public repository ---------------------------------------------------------------------------------------

def published_practices():
    return Practice.objects.published()


SEARCH_MAX_WORDS = 32


SEARCH_FIELDS = ["title", "summary", "description", "results"]


def practice_search(queryset, text):
    """Full-text search: ranked PostgreSQL search on the stored vector (the practice's words as written and
    stemmed in its language), Chinese by substring; on SQLite a simple icontains fallback."""
    from core.search import matching

    text = (text or "").strip()
    if not text:
        return queryset
    # SQLite refuses an expression tree past 1000 levels: a few dozen words at most.
    match = matching(queryset, text=text, fields=SEARCH_FIELDS, vector_field="search_vector",
                     max_words=SEARCH_MAX_WORDS)
    matches = match.queryset.filter(match.condition)
    if match.query is None:
        return matches
    return matches.annotate(rank=SearchRank(F("content_search"), match.query))


def practice_list_rows(queryset):
    """What a list row shows, in a constant number of queries."""
    return queryset.select_related("organization", "member_state", "primary_objective").prefetch_related(
        "objectives", "countries"
    )


def practice_facets(queryset):
    """Counts of the current result per facet value; one query per facet plus label look-ups."""
    ids = queryset.order_by().values("pk")
    objective_counts = dict(
        Practice.objectives.through.objects.filter(practice_id__in=ids).values("objective_id")
        .annotate(n=Count("practice_id", distinct=True)).values_list("objective_id", "n")
    )
    round_table_counts = dict(
        Practice.objectives.through.objects.filter(practice_id__in=ids, objective__round_table__isnull=False)
        .values("objective__round_table__number")
        .annotate(n=Count("practice_id", distinct=True)).values_list("objective__round_table__number", "n")
    )
    principle_counts = dict(
        Practice.principles.through.objects.filter(practice_id__in=ids).values("principle_id")
        .annotate(n=Count("practice_id", distinct=True)).values_list("principle_id", "n")
    )
    country_counts = dict(
        Practice.countries.through.objects.filter(practice_id__in=ids).values("memberstate_id")
        .annotate(n=Count("practice_id", distinct=True)).values_list("memberstate_id", "n")
    )
    theme_counts = dict(
        PracticeTheme.objects.filter(practice_id__in=ids).values("theme")
        .annotate(n=Count("practice_id", distinct=True)).values_list("theme", "n")
    )
    plain = queryset.order_by()
    region_counts = dict(plain.exclude(region="").values("region").annotate(n=Count("pk")).values_list("region", "n"))
    language_counts = dict(plain.values("language").annotate(n=Count("pk")).values_list("language", "n"))
    year_counts = dict(
        plain.filter(published_at__isnull=False).annotate(y=ExtractYear("published_at")).values("y")
        .annotate(n=Count("pk")).values_list("y", "n")
    )
    category_counts = Counter(
        dict(plain.filter(organization__isnull=False).values("organization__category").annotate(n=Count("pk"))
             .values_list("organization__category", "n"))
    )
    flags = plain.aggregate(government=Count("pk", filter=Q(member_state__isnull=False)),
                            is_global=Count("pk", filter=Q(is_global=True)))
    if flags["government"]:
        category_counts[GOVERNMENT] = flags["government"]
    objectives = Objective.objects.filter(pk__in=objective_counts)
    principles = Principle.objects.filter(pk__in=principle_counts)
    round_tables = RoundTable.objects.filter(number__in=round_table_counts)
    states = MemberState.objects.filter(pk__in=country_counts)
    categories = {GOVERNMENT: _("Member States"), **dict(StakeholderCategory.choices)}
    return {
        "objective": [(str(o.number), str(o), objective_counts[o.pk]) for o in objectives],
        "round_table": [(str(rt.number), str(rt), round_table_counts[rt.number]) for rt in round_tables],
        "principle": [(p.slug, p.title, principle_counts[p.pk]) for p in principles],
        "region": [(v, label, region_counts[v]) for v, label in Region.choices if v in region_counts],
        "country": ([("global", _("Global"), flags["is_global"])] if flags["is_global"] else [])
        + sorted(((s.iso3, s.name, country_counts[s.pk]) for s in states), key=lambda row: (-row[2], row[1])),
        "category": [(v, categories[v], category_counts[v]) for v in categories if category_counts.get(v)],
        "theme": [(v, label, theme_counts[v]) for v, label in Theme.choices if v in theme_counts],
        "language": [(v, label, language_counts[v]) for v, label in ContentLanguage.choices if v in language_counts],
        "year": [(str(y), str(y), year_counts[y]) for y in sorted(year_counts, reverse=True)],
    }


def related_practices(practice, limit=4):
    """Published practices sharing objectives with `practice`, the most shared first."""
    objective_ids = [o.pk for o in practice.objectives.all()]
    return practice_list_rows(
        published_practices().exclude(pk=practice.pk).filter(objectives__in=objective_ids)
        .annotate(shared=Count("objectives", filter=Q(objectives__in=objective_ids)))
        .order_by("-shared", "-published_at")
    )[:limit]


def practice_detail(pk):
    return practice_list_rows(Practice.objects.filter(pk=pk)).prefetch_related(
        "principles", "partners", "theme_rows", "attachments"
    ).first()


def practices_for_objective(objective, limit=5):
    # EXISTS rather than a join + DISTINCT: PostgreSQL walks the published_at index and stops at `limit`.
    links = Practice.objectives.through.objects.filter(practice_id=OuterRef("pk"), objective=objective)
    return practice_list_rows(published_practices().filter(Exists(links)))[:limit]


def practices_for_round_table(round_table, limit=8):
    links = Practice.objectives.through.objects.filter(practice_id=OuterRef("pk"), objective__round_table=round_table)
    return practice_list_rows(published_practices().filter(Exists(links)))[:limit]


# --- Submitters ----------------------------------------------------------------------------------------------

def practices_for_submitter(user):
    """Practices the user submitted or may act on for their organizations and States."""
    condition = Q(submitter=user) | Q(organization_id__in=organization_ids_of(user)) | Q(
        member_state_id__in=state_ids_of(user)
    )
    return Practice.objects.filter(condition).select_related("organization", "member_state").order_by(
        "-updated_at", "-pk"
    )


def submitter_reviews(practice):
    """Completed reviews as the submitter may see them: numbered, never named, no confidential comments."""
    reviews = Review.objects.filter(
        assignment__practice=practice, submitted_at__isnull=False
    ).select_related("assignment").order_by("assignment__round", "submitted_at", "pk")
    return [
        {"label": _("Reviewer %(n)s") % {"n": i}, "round": r.assignment.round,
         "comments": r.comments_for_submitter, "recommendation": r.get_recommendation_display()}
        for i, r in enumerate(reviews, start=1)
    ]


def clarifications_for_submitter(practice):
    return list(Clarification.objects.filter(assignment__practice=practice).order_by("asked_at", "pk"))


# --- Reviewers -----------------------------------------------------------------------------------------------

def assignments_for_reviewer(user):
    return Assignment.objects.filter(reviewer=user).select_related("practice").order_by("-invited_at", "-pk")


def clarifications_for_assignment(assignment):
    return list(assignment.clarifications.all())


def reviewer_roster():
    """The roster with each reviewer's current load (active assignments)."""
    return (
        ReviewerProfile.objects.select_related("user", "organization", "country")
        .prefetch_related("objectives")
        .annotate(load=Count("user__practice_assignments",
                             filter=Q(user__practice_assignments__status__in=ACTIVE_ASSIGNMENT)))
        .order_by("-is_active", "kind", "user__full_name")
    )


def practice_party_ids(practice):
    """Organization ids on the submitting side (the organization and every partner)."""
    ids = {o.pk for o in practice.partners.all()}
    if practice.organization_id:
        ids.add(practice.organization_id)
    return ids


def conflicts_of_interest(practice, reviewer_ids):
    """{reviewer user id: [reasons]} for the reviewers with a conflict of interest on `practice`."""
    reviewer_ids = set(reviewer_ids)
    party_ids = practice_party_ids(practice)
    partner_ids = party_ids - {practice.organization_id}
    reasons = defaultdict(list)
    org_names = dict(Organization.objects.filter(pk__in=party_ids).values_list("pk", "name"))
    orgs_of = defaultdict(set)
    for user_id, org_id in Membership.objects.filter(
        user_id__in=reviewer_ids, status=MembershipStatus.APPROVED, organization_id__in=party_ids
    ).values_list("user_id", "organization_id"):
        orgs_of[user_id].add(org_id)
    for user_id, org_id, country_id in ReviewerProfile.objects.filter(user_id__in=reviewer_ids).values_list(
        "user_id", "organization_id", "country_id"
    ):
        if org_id in party_ids:
            orgs_of[user_id].add(org_id)
        if practice.member_state_id and country_id == practice.member_state_id:
            reasons[user_id].append(_("is from the submitting State"))
    if practice.member_state_id:
        for user_id in FocalPoint.objects.filter(
            user_id__in=reviewer_ids, member_state_id=practice.member_state_id
        ).values_list("user_id", flat=True):
            reasons[user_id].append(_("acts for the submitting State"))
    for user_id, org_ids in orgs_of.items():
        for org_id in sorted(org_ids):
            name = {"org": org_names[org_id]}
            if org_id == practice.organization_id:
                reasons[user_id].append(_("belongs to the submitting organization (%(org)s)") % name)
            elif org_id in partner_ids:
                reasons[user_id].append(_("belongs to a partner organization (%(org)s)") % name)
    if practice.submitter_id in reviewer_ids:
        reasons[practice.submitter_id].append(_("submitted the practice"))
    for user_id in Assignment.objects.filter(
        practice=practice, reviewer_id__in=reviewer_ids, decline_reason=DeclineReason.CONFLICT
    ).values_list("reviewer_id", flat=True):
        reasons[user_id].append(_("declared a conflict of interest"))
    return {user_id: sorted(set(items)) for user_id, items in reasons.items()}


def assignment_overview(practice):
    """The current round's assignments and how many slots of each kind are filled against the target."""
    assignments = list(
        practice.assignments.filter(round=practice.review_round)
        .select_related("reviewer__reviewer_profile").order_by("invited_at", "pk")
    )
    filled = Counter(
        a.reviewer.reviewer_profile.kind for a in assignments
        if a.status in {*ACTIVE_ASSIGNMENT, AssignmentStatus.COMPLETED} and hasattr(a.reviewer, "reviewer_profile")
    )
    target = [
        {"kind": kind, "label": ReviewerKind(kind).label, "target": n, "filled": filled.get(kind, 0),
         "missing": max(n - filled.get(kind, 0), 0)}
        for kind, n in DEFAULT_TARGET.items()
    ]
    return {"assignments": assignments, "target": target}


def reviewer_suggestions(practice):
    """Active reviewers not yet in this round, ranked by expertise match (objectives, region, language), then by
    current load. Conflicted reviewers are listed with their reasons and cannot be chosen."""
    taken = set(practice.assignments.filter(round=practice.review_round).values_list("reviewer_id", flat=True))
    profiles = [p for p in reviewer_roster().filter(is_active=True) if p.user_id not in taken]
    conflicts = conflicts_of_interest(practice, [p.user_id for p in profiles])
    objective_ids = {o.pk for o in practice.objectives.all()}
    regions = _practice_regions(practice)
    suggestions = []
    for profile in profiles:
        shared = [o for o in profile.objectives.all() if o.pk in objective_ids]
        region_match = bool(regions & set(profile.regions))
        language_match = practice.language in profile.languages
        score = 3 * len(shared) + (2 if practice.primary_objective_id in {o.pk for o in shared} else 0)
        score += 2 * region_match + language_match
        suggestions.append({
            "profile": profile, "score": score, "shared_objectives": shared, "region_match": region_match,
            "language_match": language_match, "load": profile.load,
            "full": profile.load >= profile.max_active_reviews, "conflicts": conflicts.get(profile.user_id, []),
        })
    suggestions.sort(key=lambda s: (bool(s["conflicts"]), s["full"], -s["score"], s["load"],
                                    s["profile"].user.display_name))
    return suggestions


def _practice_regions(practice):
    regions = {practice.region} if practice.region else set()
    regions |= {s.region for s in practice.countries.all()}
    return regions


# --- Decision ------------------------------------------------------------------------------------------------

def decision_summary(practice):
    """Reviews of the current round side by side (all rounds if the current one has none yet), with the mean
    per criterion and disagreement flags: a spread of 2 or more on a criterion, or both publish and reject."""
    reviews = list(
        Review.objects.filter(assignment__practice=practice, submitted_at__isnull=False)
        .select_related("assignment__reviewer__reviewer_profile").order_by("assignment__round", "submitted_at")
    )
    current = [r for r in reviews if r.assignment.round == practice.review_round] or reviews
    rows = []
    for criterion in Criterion:
        values = [r.scores()[criterion.value] for r in current]
        present = [v for v in values if v is not None]
        spread = (max(present) - min(present)) if present else 0
        rows.append({"criterion": criterion.label, "scores": values,
                     "mean": round(mean(present), 2) if present else None, "disagreement": spread >= 2})
    recommendations = {r.recommendation for r in current}
    split = {Recommendation.PUBLISH, Recommendation.REJECT} <= recommendations
    return {
        "reviews": current, "earlier_reviews": [r for r in reviews if r not in current], "rows": rows,
        "split_recommendations": split,
        "disagreement": split or any(row["disagreement"] for row in rows),
    }


# --- Secretariat ---------------------------------------------------------------------------------------------

def practices_for_secretariat(status=None):
    qs = Practice.objects.exclude(status=PracticeStatus.DRAFT).select_related("organization", "member_state")
    qs = qs.annotate(
        active_reviews=Count("assignments", filter=Q(assignments__status__in=ACTIVE_ASSIGNMENT,
                                                     assignments__round=F("review_round"))),
        done_reviews=Count("assignments", filter=Q(assignments__status=AssignmentStatus.COMPLETED,
                                                   assignments__round=F("review_round"))),
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-submitted_at", "-pk")


def practices_ready_for_decision():
    """Practices in review whose current round has completed reviews and no open assignment left."""
    reviewing = [PracticeStatus.IN_REVIEW, PracticeStatus.RESUBMITTED, PracticeStatus.CLARIFICATION_REQUESTED]
    in_round = Assignment.objects.filter(practice=OuterRef("pk"), round=OuterRef("review_round"))
    return Practice.objects.filter(status__in=reviewing).filter(
        ~Exists(in_round.filter(status__in=ACTIVE_ASSIGNMENT)),
        Exists(in_round.filter(status=AssignmentStatus.COMPLETED)),
    )


def disagreement_count(practices):
    """How many of `practices` have reviewers who disagree in the current round (a spread of 2 or more on a
    criterion, or both publish and reject), as decision_summary() flags it. One query."""
    rows = Review.objects.filter(
        assignment__practice__in=practices, assignment__round=F("assignment__practice__review_round"),
        submitted_at__isnull=False,
    ).values_list("assignment__practice_id", "recommendation", *[f"score_{c.value}" for c in Criterion])
    by_practice = defaultdict(list)
    for practice_id, recommendation, *scores in rows:
        by_practice[practice_id].append((recommendation, scores))
    return sum(1 for reviews in by_practice.values() if _disagree(reviews))


def _disagree(reviews):
    recommendations = {recommendation for recommendation, _scores in reviews}
    if {Recommendation.PUBLISH, Recommendation.REJECT} <= recommendations:
        return True
    for column in zip(*(scores for _recommendation, scores in reviews), strict=True):
        present = [v for v in column if v is not None]
        if present and max(present) - min(present) >= 2:
            return True
    return False


def overdue_assignments(today):
    """Open reviewer assignments (invited or accepted) past their due date."""
    return Assignment.objects.filter(status__in=ACTIVE_ASSIGNMENT, due_date__lt=today)


def practice_status_counts():
    """{status: count} of every practice but drafts (one query)."""
    return dict(Practice.objects.exclude(status=PracticeStatus.DRAFT).order_by().values_list("status")
                .annotate(n=Count("pk")).values_list("status", "n"))


def secretariat_queue_counts():
    """How many practices wait for reviewers, for a decision, and for publication."""
    return {
        "to_assign": Practice.objects.filter(status=PracticeStatus.SUBMITTED).count(),
        "to_decide": practices_ready_for_decision().count(),
        "to_publish": Practice.objects.filter(status=PracticeStatus.ACCEPTED).count(),
    }


def practice_site_search(text, *, limit=10):
    """Published practices matching `text`, for the site-wide search: (count, rows with highlighted excerpts)."""
    from core.search import text_search

    return text_search(Practice.objects.published(), text=text, fields=["title", "summary", "description"],
                       vector_field="search_vector", limit=limit)
