"""Writes: every change of a practice, an assignment or a review happens here, with an audit event and the
notifications it causes (outbox rows in the same transaction)."""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import SECRETARIAT_GROUP, ReviewerProfile, User
from accounts.roles import is_secretariat, organization_ids_of, state_ids_of
from core.audit import audit_event, record_event, record_events
from core.drafts import save_with_version
from core.languages import search_config
from core.notifications import notify, notify_bulk, notify_many
from core.workflow import DomainError, move, require

from . import permissions as perms
from .enums import (
    ACTIVE_ASSIGNMENT,
    ASSIGNMENT_TRANSITIONS,
    PRACTICE_TRANSITIONS,
    REVIEWING,
    AssignmentStatus,
    Criterion,
    Decision,
    DeclineReason,
    PracticeStatus,
    ReminderKind,
)
from .models import Assignment, Attachment, Clarification, Practice, PracticeTheme, Review
from .selectors import conflicts_of_interest

CONTENT_FIELDS = [
    "title", "summary", "description", "results", *[f"narrative_{c.value}" for c in Criterion], "links",
    "language", "contact_name", "contact_email", "organization", "member_state", "is_global", "region",
    "primary_objective", "start_date", "end_date", "implementation_status",
]
M2M_FIELDS = ["partners", "countries", "objectives", "principles"]
SCORE_FIELDS = [f"score_{c.value}" for c in Criterion]
REVIEW_FIELDS = [*SCORE_FIELDS, "comments_for_submitter", "confidential_comments", "recommendation"]


class IncompletePractice(DomainError):
    """Submitting refused: `missing` lists every missing item at once."""

    def __init__(self, missing):
        super().__init__(_("Some required information is missing: %(items)s.") % {"items": "; ".join(missing)})
        self.missing = missing


# --- Drafts --------------------------------------------------------------------------------------------------

@transaction.atomic
def practice_create(*, by, data):
    """Create a draft practice for `by` from cleaned form data (partial data is fine)."""
    require(perms.can_submit_practices(by), _("Only members of an approved organization or State focal points "
                                               "may submit practices."))
    practice = Practice(submitter=by)
    _apply_content(practice, data, by)
    practice.save()
    _apply_relations(practice, data)
    record_event(practice, "created", actor=by, to_status=practice.status)
    return practice


@transaction.atomic
def practice_update(*, practice_id, by, version, data):
    """Save the draft (or the practice under revision); a stale version raises StaleEdit and saves nothing."""
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    require(perms.can_edit_practice(by, practice), _("This practice cannot be edited now."))
    _apply_content(practice, data, by)
    practice.updated_at = timezone.now()
    save_with_version(practice, version=version, fields=[*_field_names(CONTENT_FIELDS), "updated_at"])
    _apply_relations(practice, data)
    return practice


def _field_names(fields):
    return [Practice._meta.get_field(name).attname for name in fields]


def _apply_content(practice, data, by):
    previous = (practice.organization_id, practice.member_state_id)
    for name in CONTENT_FIELDS:
        if name in data:
            setattr(practice, name, data[name])
    if practice.organization_id:
        practice.member_state = None
    if (practice.organization_id, practice.member_state_id) != previous:
        _check_identity(practice, by)


def _check_identity(practice, by):
    if practice.organization_id:
        require(practice.organization_id in organization_ids_of(by),
                _("You may submit only for an organization where you are an approved member."))
    elif practice.member_state_id:
        require(practice.member_state_id in state_ids_of(by),
                _("You may submit only for the State you are a focal point of."))


def _apply_relations(practice, data):
    for name in M2M_FIELDS:
        if name in data:
            getattr(practice, name).set(data[name] or [])
    if "themes" in data:
        wanted = set(data["themes"] or [])
        practice.theme_rows.exclude(theme__in=wanted).delete()
        existing = set(practice.theme_rows.values_list("theme", flat=True))
        PracticeTheme.objects.bulk_create(PracticeTheme(practice=practice, theme=t) for t in wanted - existing)
    if practice.status == PracticeStatus.PUBLISHED:
        practice_refresh_search(practice.pk)


@transaction.atomic
def attachment_add(*, practice_id, by, kind, file, title=""):
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    require(perms.can_edit_practice(by, practice), _("This practice cannot be edited now."))
    Attachment.validator_for(kind)(file)
    return Attachment.objects.create(practice=practice, kind=kind, file=file, title=title)


@transaction.atomic
def attachment_remove(*, attachment_id, by):
    attachment = Attachment.objects.select_related("practice").get(pk=attachment_id)
    require(perms.can_edit_practice(by, attachment.practice), _("This practice cannot be edited now."))
    attachment.file.delete(save=False)
    attachment.delete()


def missing_items(practice):
    """Labels of every required item still missing before submission."""
    label = lambda name: str(Practice._meta.get_field(name).verbose_name)  # noqa: E731
    missing = [label(n) for n in ["title", "summary", "description", "results", "start_date",
                                  "implementation_status", "contact_name", "contact_email"]
               if not getattr(practice, n)]
    missing += [label(f"narrative_{c.value}") for c in Criterion if not getattr(practice, f"narrative_{c.value}")]
    if not (practice.organization_id or practice.member_state_id):
        missing.append(_("submitting organization or State"))
    if not practice.is_global and not practice.countries.exists():
        missing.append(_("countries of implementation (or mark the practice as global)"))
    if not practice.is_global and not practice.region:
        missing.append(label("region"))
    objective_ids = set(practice.objectives.values_list("pk", flat=True))
    if not objective_ids:
        missing.append(_("at least one GCM objective"))
    elif practice.primary_objective_id not in objective_ids:
        missing.append(_("a primary objective among the objectives chosen"))
    if practice.start_date and practice.end_date and practice.end_date < practice.start_date:
        missing.append(_("an end date after the start date"))
    return missing


# --- Submission and withdrawal -------------------------------------------------------------------------------

@transaction.atomic
def practice_submit(*, practice_id, by):
    """Draft → submitted, if complete (IncompletePractice lists every gap). Notifies the secretariat."""
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    require(perms.is_submitter_side(by, practice), _("You may not submit this practice."))
    missing = missing_items(practice)
    if missing:
        raise IncompletePractice(missing)
    old = move(practice, PracticeStatus.SUBMITTED, PRACTICE_TRANSITIONS)
    practice.submitted_at = timezone.now()
    practice.save(update_fields=["status", "submitted_at"])
    record_event(practice, "submitted", actor=by, from_status=old, to_status=practice.status)
    _notify_secretariat(practice, "practices_submitted")
    return practice


@transaction.atomic
def practice_withdraw(*, practice_id, by, comment=""):
    """The submitter withdraws; open invitations expire so reviewers are freed."""
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    require(perms.is_submitter_side(by, practice), _("You may not withdraw this practice."))
    old = move(practice, PracticeStatus.WITHDRAWN, PRACTICE_TRANSITIONS)
    practice.save(update_fields=["status"])
    record_event(practice, "withdrawn", actor=by, comment=comment, from_status=old, to_status=practice.status)
    _expire_open_assignments(practice, by=by)
    if old != PracticeStatus.DRAFT:
        _notify_secretariat(practice, "practices_withdrawn")
    return practice


@transaction.atomic
def practice_resubmit(*, practice_id, by):
    """Revision requested → resubmitted: a new review round; the reviewers of the last round are invited again."""
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    require(perms.is_submitter_side(by, practice), _("You may not resubmit this practice."))
    missing = missing_items(practice)
    if missing:
        raise IncompletePractice(missing)
    old = move(practice, PracticeStatus.RESUBMITTED, PRACTICE_TRANSITIONS)
    previous_round = practice.review_round
    practice.review_round += 1
    practice.submitted_at = timezone.now()
    practice.save(update_fields=["status", "review_round", "submitted_at"])
    record_event(practice, "resubmitted", actor=by, from_status=old, to_status=practice.status)
    reviewer_ids = list(practice.assignments.filter(round=previous_round, status=AssignmentStatus.COMPLETED)
                        .values_list("reviewer_id", flat=True))
    conflicts = conflicts_of_interest(practice, reviewer_ids)
    for reviewer in User.objects.filter(pk__in=reviewer_ids, is_active=True).exclude(pk__in=conflicts):
        _invite(practice, reviewer, by=None, again=True)
    _notify_secretariat(practice, "practices_resubmitted")
    return practice


# --- Assignment ----------------------------------------------------------------------------------------------

def default_due_date():
    return timezone.localdate() + timedelta(days=getattr(settings, "PRACTICE_REVIEW_DAYS", 21))


@transaction.atomic
def practice_assign_reviewer(*, practice_id, reviewer_id, by, due_date=None):
    """Invite a reviewer of the roster. Refuses conflicts of interest, inactive reviewers and double invitations.
    The first invitation moves a submitted practice into review."""
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    require(perms.can_assign_reviewers(by, practice), _("Reviewers cannot be assigned to this practice now."))
    reviewer = User.objects.filter(pk=reviewer_id, is_active=True).first()
    profile = ReviewerProfile.objects.filter(user_id=reviewer_id, is_active=True).first()
    require(reviewer is not None and profile is not None, _("This person is not in the reviewer roster."))
    reasons = conflicts_of_interest(practice, [reviewer.pk]).get(reviewer.pk)
    require(not reasons, _("Conflict of interest: %(name)s %(reasons)s.")
            % {"name": reviewer.display_name, "reasons": "; ".join(reasons or [])})
    require(not practice.assignments.filter(reviewer=reviewer, round=practice.review_round).exists(),
            _("%(name)s was already invited for this round.") % {"name": reviewer.display_name})
    if practice.status == PracticeStatus.SUBMITTED:
        old = move(practice, PracticeStatus.IN_REVIEW, PRACTICE_TRANSITIONS)
        practice.save(update_fields=["status"])
        record_event(practice, "review_started", actor=by, from_status=old, to_status=practice.status)
    return _invite(practice, reviewer, by=by, due_date=due_date)


def _invite(practice, reviewer, *, by, due_date=None, again=False):
    assignment = Assignment.objects.create(
        practice=practice, reviewer=reviewer, round=practice.review_round, due_date=due_date or default_due_date(),
        invited_by=by,
    )
    record_event(practice, "reviewer_invited", actor=by, comment=reviewer.display_name,
                 to_status=assignment.status)
    _notify_reviewer(assignment, "practices_invitation", again=again)
    return assignment


def _assignment_for(assignment_id):
    return Assignment.objects.select_for_update().select_related("practice", "reviewer").get(pk=assignment_id)


@transaction.atomic
def assignment_accept(*, assignment_id, by):
    assignment = _assignment_for(assignment_id)
    require(assignment.reviewer_id == by.pk, _("This invitation is not yours."))
    require(assignment.practice.status in REVIEWING, _("This practice is no longer under review."))
    old = move(assignment, AssignmentStatus.ACCEPTED, ASSIGNMENT_TRANSITIONS)
    assignment.responded_at = timezone.now()
    assignment.save(update_fields=["status", "responded_at"])
    record_event(assignment, "accepted", actor=by, from_status=old, to_status=assignment.status)
    return assignment


@transaction.atomic
def assignment_decline(*, assignment_id, by, reason, comment=""):
    """Decline with a reason; "conflict" is a declared conflict of interest that blocks any later invitation."""
    assignment = _assignment_for(assignment_id)
    require(assignment.reviewer_id == by.pk, _("This invitation is not yours."))
    require(reason in DeclineReason.values, _("Please give a reason."))
    old = move(assignment, AssignmentStatus.DECLINED, ASSIGNMENT_TRANSITIONS)
    assignment.responded_at = timezone.now()
    assignment.decline_reason, assignment.decline_comment = reason, comment
    assignment.save(update_fields=["status", "responded_at", "decline_reason", "decline_comment"])
    record_event(assignment, "declined", actor=by, comment=f"{reason}: {comment}".strip(": "),
                 from_status=old, to_status=assignment.status)
    _notify_secretariat(assignment.practice, "practices_assignment_declined",
                        reviewer=by.display_name, reason=reason, comment=comment)
    return assignment


def _expire_open_assignments(practice, *, by):
    for assignment in practice.assignments.filter(status__in=ACTIVE_ASSIGNMENT):
        old = move(assignment, AssignmentStatus.EXPIRED, ASSIGNMENT_TRANSITIONS)
        assignment.save(update_fields=["status"])
        record_event(assignment, "expired", actor=by, from_status=old, to_status=assignment.status)


@transaction.atomic
def send_reviewer_reminders(*, today=None):
    """Daily: expire invitations unanswered by the due date (and reviews long overdue), remind reviewers a few
    days before the due date and once when overdue. Works in bulk, a fixed number of queries whatever the number
    of assignments. Each reminder is queued at most once (dedupe key); expiring locks the rows, so a concurrent
    run waits and then finds them expired."""
    today = today or timezone.localdate()
    before = getattr(settings, "PRACTICE_REMINDER_DAYS_BEFORE", 3)
    grace = getattr(settings, "PRACTICE_OVERDUE_GRACE_DAYS", 14)
    counts = {"expired": _expire_stale_assignments(today=today, grace=grace)}
    soon = Assignment.objects.active().filter(due_date__gte=today, due_date__lte=today + timedelta(days=before))
    late = Assignment.objects.filter(status=AssignmentStatus.ACCEPTED, due_date__lt=today)
    for kind, queryset in ((ReminderKind.BEFORE_DUE, soon), (ReminderKind.OVERDUE, late)):
        assignments = queryset.select_related("practice", "reviewer").order_by("pk")
        counts[kind] = len(notify_bulk(_reviewer_messages(assignments, f"practices_reminder_{kind}",
                                                          dedupe=f"practices:reminder:{{pk}}:{kind}")))
    return counts


def _expire_stale_assignments(*, today, grace):
    """Expire every invitation past its due date and every accepted review `grace` days overdue: one update, the
    audit rows and the secretariat's e-mails in bulk. Returns how many expired."""
    overdue = Q(status=AssignmentStatus.INVITED, due_date__lt=today) | Q(
        status=AssignmentStatus.ACCEPTED, due_date__lt=today - timedelta(days=grace))
    stale = list(Assignment.objects.filter(overdue).select_for_update(of=("self",))
                 .select_related("practice", "reviewer").order_by("pk"))
    if not stale:
        return 0
    events = []
    for assignment in stale:
        old = move(assignment, AssignmentStatus.EXPIRED, ASSIGNMENT_TRANSITIONS)
        events.append(audit_event(assignment, "expired", from_status=old, to_status=assignment.status))
    for start in range(0, len(stale), 10000):  # SQLite allows 32,766 parameters in a query
        Assignment.objects.filter(pk__in=[a.pk for a in stale[start:start + 10000]]).update(
            status=AssignmentStatus.EXPIRED)
    record_events(events)
    staff = list(User.objects.filter(groups__name=SECRETARIAT_GROUP, is_active=True).distinct().order_by("pk"))
    with translation.override(settings.LANGUAGE_CODE):
        notify_bulk(
            (user, "practices_assignment_expired", {
                "practice_id": a.practice_id, "practice_title": a.practice.title,
                "manage_path": reverse("practices:manage_detail", args=[a.practice_id]),
                "reviewer": a.reviewer.display_name}, f"practices:expired:{a.pk}:{user.pk}")
            for a in stale if a.practice.status in REVIEWING for user in staff)
    return len(stale)


def _reviewer_messages(assignments, template, *, dedupe):
    """notify_bulk() messages to each assignment's reviewer; the context (links in the reviewer's language) is
    built only for the reminders not queued yet."""
    return ((a.reviewer, template, partial(_reviewer_context, a), dedupe.format(pk=a.pk)) for a in assignments)


def _reviewer_context(assignment):
    with translation.override(assignment.reviewer.preferred_language or settings.LANGUAGE_CODE):
        return {"practice_id": assignment.practice_id, "practice_title": assignment.practice.title,
                "practice_path": reverse("practices:detail", args=[assignment.practice_id]),
                "assignment_path": reverse("practices:assignment", args=[assignment.pk]),
                "due_date": assignment.due_date.isoformat()}


# --- Reviews and clarifications ------------------------------------------------------------------------------

@transaction.atomic
def review_save(*, assignment_id, by, version, data, submit=False):
    """Save the review (a draft until `submit`); submitting needs every score and a recommendation, and
    completes the assignment."""
    assignment = _assignment_for(assignment_id)
    require(perms.can_review(by, assignment), _("You cannot review this practice now."))
    review, created = Review.objects.get_or_create(assignment=assignment)
    for name in REVIEW_FIELDS:
        if name in data:
            setattr(review, name, data[name])
    review.updated_at = timezone.now()
    save_with_version(review, version=review.version if created else version,
                      fields=[*REVIEW_FIELDS, "updated_at"])
    if submit:
        missing = [str(Review._meta.get_field(n).verbose_name) for n in [*SCORE_FIELDS, "recommendation"]
                   if not getattr(review, n)]
        if missing:
            raise IncompletePractice(missing)
        review.submitted_at = timezone.now()
        review.save(update_fields=["submitted_at"])
        old = move(assignment, AssignmentStatus.COMPLETED, ASSIGNMENT_TRANSITIONS)
        assignment.completed_at = review.submitted_at
        assignment.save(update_fields=["status", "completed_at"])
        record_event(assignment, "review_submitted", actor=by, from_status=old, to_status=assignment.status)
        record_event(assignment.practice, "review_received", actor=by, comment=by.display_name)
        _notify_secretariat(assignment.practice, "practices_review_completed", reviewer=by.display_name)
    return review


@transaction.atomic
def clarification_ask(*, assignment_id, by, question):
    """A reviewer asks the submitter a question; the practice waits for clarification. The submitter's e-mail
    never names the reviewer."""
    assignment = _assignment_for(assignment_id)
    require(perms.can_review(by, assignment), _("You cannot ask questions about this practice now."))
    require(question.strip(), _("Please write your question."))
    clarification = Clarification.objects.create(assignment=assignment, question=question.strip())
    practice = Practice.objects.select_for_update().get(pk=assignment.practice_id)
    if practice.status != PracticeStatus.CLARIFICATION_REQUESTED:
        old = move(practice, PracticeStatus.CLARIFICATION_REQUESTED, PRACTICE_TRANSITIONS)
        practice.save(update_fields=["status"])
        record_event(practice, "clarification_requested", actor=by, from_status=old, to_status=practice.status)
    _notify_submitter(practice, "practices_clarification_requested", question=clarification.question)
    return clarification


@transaction.atomic
def clarification_answer(*, clarification_id, by, answer):
    """The submitter answers; the answer reaches the reviewer. With no question left open, review resumes."""
    clarification = Clarification.objects.select_for_update().select_related("assignment__reviewer").get(
        pk=clarification_id)
    require(perms.can_answer_clarification(by, clarification), _("This question cannot be answered now."))
    require(answer.strip(), _("Please write your answer."))
    clarification.answer, clarification.answered_by = answer.strip(), by
    clarification.answered_at = timezone.now()
    clarification.save(update_fields=["answer", "answered_by", "answered_at"])
    practice = Practice.objects.select_for_update().get(pk=clarification.assignment.practice_id)
    still_open = Clarification.objects.filter(assignment__practice=practice, answered_at__isnull=True).exists()
    if practice.status == PracticeStatus.CLARIFICATION_REQUESTED and not still_open:
        old = move(practice, PracticeStatus.RESUBMITTED, PRACTICE_TRANSITIONS)
        practice.save(update_fields=["status"])
        record_event(practice, "clarification_answered", actor=by, from_status=old, to_status=practice.status)
    _notify_reviewer(clarification.assignment, "practices_clarification_answered",
                     question=clarification.question, answer=clarification.answer)
    return clarification


# --- Decision and publication --------------------------------------------------------------------------------

@transaction.atomic
def practice_decide(*, practice_id, by, decision, reason=""):
    """The secretariat's decision: publish (accepted then published), accept (publish later), request a revision,
    or reject with a reason. Open invitations of the round expire."""
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    require(is_secretariat(by), _("Only the secretariat decides."))
    if decision in (Decision.PUBLISH, Decision.ACCEPT):
        require(practice.status == PracticeStatus.ACCEPTED or Review.objects.filter(
            assignment__practice=practice, submitted_at__isnull=False).exists(),
            _("A practice is accepted only after at least one completed review."))
        if practice.status != PracticeStatus.ACCEPTED:
            old = move(practice, PracticeStatus.ACCEPTED, PRACTICE_TRANSITIONS)
            practice.save(update_fields=["status"])
            record_event(practice, "accepted", actor=by, comment=reason, from_status=old, to_status=practice.status)
        _expire_open_assignments(practice, by=by)
        if decision == Decision.ACCEPT:
            _notify_submitter(practice, "practices_accepted")
            return practice
        return _publish(practice, by=by)
    require(decision in (Decision.REVISION, Decision.REJECT), _("Unknown decision."))
    require(reason.strip() or decision == Decision.REVISION, _("Please give the reason for the rejection."))
    to = PracticeStatus.REVISION_REQUESTED if decision == Decision.REVISION else PracticeStatus.REJECTED
    old = move(practice, to, PRACTICE_TRANSITIONS)
    practice.decision_reason = reason.strip()
    practice.save(update_fields=["status", "decision_reason"])
    record_event(practice, f"decision_{decision}", actor=by, comment=reason, from_status=old, to_status=to)
    _expire_open_assignments(practice, by=by)
    _notify_submitter(practice, f"practices_{decision}", reason=practice.decision_reason)
    return practice


@transaction.atomic
def practice_publish(*, practice_id, by):
    """Accepted → published."""
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    require(is_secretariat(by), _("Only the secretariat publishes."))
    return _publish(practice, by=by)


def _publish(practice, *, by):
    old = move(practice, PracticeStatus.PUBLISHED, PRACTICE_TRANSITIONS)
    practice.published_at = timezone.now()
    practice.save(update_fields=["status", "published_at"])
    record_event(practice, "published", actor=by, from_status=old, to_status=practice.status)
    practice_refresh_search(practice.pk)
    _notify_submitter(practice, "practices_published")
    return practice


def practice_refresh_search(practice_id):
    """Rebuild the stored search vector (PostgreSQL only; the SQLite fallback searches the columns).

    Words are indexed twice: as written (`simple`, for names and any language) and stemmed with the dictionary of
    the practice's language, so "migrants" finds "migrant" and "trabajadoras" finds "trabajadora".
    """
    practices_refresh_search(practice_ids=[practice_id])


def practices_refresh_search(*, practice_ids):
    """Rebuild the stored search vectors of many practices: one UPDATE per language (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    ids = list(practice_ids)
    for language in set(Practice.objects.filter(pk__in=ids).values_list("language", flat=True)):
        vector = _weighted_vector("simple")
        stemmed = search_config(language)
        if stemmed != "simple":
            vector = vector + _weighted_vector(stemmed)
        Practice.objects.filter(pk__in=ids, language=language).update(search_vector=vector)


def _weighted_vector(config):
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("description", "results", weight="C", config=config)
        + SearchVector(*[f"narrative_{c.value}" for c in Criterion], weight="D", config=config)
    )


# --- Notifications -------------------------------------------------------------------------------------------

def _context(practice, user, **extra):
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        return {"practice_id": practice.pk, "practice_title": practice.title,
                "practice_path": reverse("practices:detail", args=[practice.pk]), **extra}


def _notify_submitter(practice, template, **extra):
    """E-mails to the submitter: never a reviewer's name."""
    notify(practice.submitter, template, context=_context(practice, practice.submitter, **extra))


def _notify_reviewer(assignment, template, dedupe=None, **extra):
    reviewer = assignment.reviewer
    language = reviewer.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("practices:assignment", args=[assignment.pk])
    context = _context(assignment.practice, reviewer, assignment_path=path,
                       due_date=assignment.due_date.isoformat(), **extra)
    return notify(reviewer, template, context=context, dedupe_key=dedupe)


def _notify_secretariat(practice, template, dedupe=None, **extra):
    staff = User.objects.filter(groups__name=SECRETARIAT_GROUP, is_active=True).distinct()
    with translation.override(settings.LANGUAGE_CODE):
        manage_path = reverse("practices:manage_detail", args=[practice.pk])
    context = {"practice_id": practice.pk, "practice_title": practice.title, "manage_path": manage_path, **extra}
    return notify_many(staff, template, context=context, dedupe_prefix=dedupe)
