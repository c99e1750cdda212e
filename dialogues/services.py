"""Every write on dialogues: one function per action, each recording an audit event and queuing its e-mails."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.audit import record_event
from core.bulk import insert_missing
from core.notifications import Recipient, notify, notify_bulk, notify_many
from core.workflow import DomainError, move, require

from . import counters
from .calendar import ics_attachment
from .enums import (
    CONTRIBUTION_TRANSITIONS,
    REPORT_TRANSITIONS,
    ContributionStatus,
    RegistrationStatus,
    ReminderKind,
    ReportStatus,
)
from .models import Consultation, Contribution, Dialogue, Material, Recording, Registration, Reminder, Report
from .permissions import (
    can_contribute,
    can_manage_dialogues,
    can_moderate_contribution,
    can_post_input,
    can_register,
    can_report_contribution,
)

DIALOGUE_FIELDS = ("cycle", "kind", "title", "language", "description", "starts_at", "ends_at", "time_zone",
                   "is_online", "location", "region", "join_url", "summary", "registration_open", "capacity")
REGISTERED, WAITING = RegistrationStatus.REGISTERED, RegistrationStatus.WAITING


# --- Dialogues and materials (secretariat) ------------------------------------------------------------------------

@transaction.atomic
def dialogue_create(*, by, round_tables=(), objectives=(), **fields):
    require(can_manage_dialogues(by))
    dialogue = Dialogue(**{name: value for name, value in fields.items() if name in DIALOGUE_FIELDS})
    dialogue.full_clean()
    dialogue.save()
    dialogue.round_tables.set(round_tables)
    dialogue.objectives.set(objectives)
    record_event(dialogue, "created", actor=by)
    return dialogue


@transaction.atomic
def dialogue_update(*, dialogue_id, by, round_tables=None, objectives=None, **fields):
    require(can_manage_dialogues(by))
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    for name, value in fields.items():
        if name in DIALOGUE_FIELDS:
            setattr(dialogue, name, value)
    dialogue.ics_sequence += 1
    dialogue.full_clean()
    dialogue.save()
    if round_tables is not None:
        dialogue.round_tables.set(round_tables)
    if objectives is not None:
        dialogue.objectives.set(objectives)
    record_event(dialogue, "updated", actor=by)
    _promote_waiting(dialogue)
    return dialogue


@transaction.atomic
def dialogue_cancel(*, dialogue_id, by):
    """Cancel an upcoming session; every registrant gets an e-mail with a CANCEL calendar update."""
    require(can_manage_dialogues(by))
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    require(dialogue.is_upcoming and not dialogue.is_cancelled, _("Only an upcoming session can be cancelled."))
    dialogue.cancelled_at = timezone.now()
    dialogue.registration_open = False
    dialogue.ics_sequence += 1
    dialogue.save(update_fields=["cancelled_at", "registration_open", "ics_sequence", "updated_at"])
    record_event(dialogue, "cancelled", actor=by)
    context = {**_dialogue_context(dialogue), "attachments": [ics_attachment(dialogue)]}
    for registration in Registration.objects.filter(dialogue=dialogue).select_related("user"):
        notify(registration.user, "dialogues_cancelled", context=context,
               dedupe_key=f"dialogues:cancelled:{registration.pk}")
    return dialogue


@transaction.atomic
def recording_add(*, dialogue_id, by, url, language):
    """Add a recording link; the first one tells every registrant that the recording is up (once each)."""
    require(can_manage_dialogues(by))
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    recording = Recording(dialogue=dialogue, url=url, language=language)
    recording.full_clean()
    recording.save()
    record_event(dialogue, "recording_added", actor=by, comment=url)
    registrants = [r.user for r in Registration.objects.filter(dialogue=dialogue, status=REGISTERED)
                   .select_related("user")]
    notify_many(registrants, "dialogues_recording", context=_dialogue_context(dialogue),
                dedupe_prefix=f"dialogues:recording:{dialogue.pk}")
    return recording


@transaction.atomic
def material_add(*, dialogue_id, by, title, language, url="", file=None):
    require(can_manage_dialogues(by))
    material = Material(dialogue_id=dialogue_id, title=title, language=language, url=url or "", file=file)
    material.full_clean()
    material.save()
    record_event(material.dialogue, "material_added", actor=by, comment=title)
    return material


@transaction.atomic
def material_delete(*, material_id, by):
    require(can_manage_dialogues(by))
    material = Material.objects.select_related("dialogue").get(pk=material_id)
    record_event(material.dialogue, "material_removed", actor=by, comment=material.title)
    if material.file:
        material.file.delete(save=False)
    material.delete()


# --- Registration ---------------------------------------------------------------------------------------------------

@transaction.atomic
def registration_create(*, dialogue_id, user):
    """Register `user` for an upcoming dialogue with open registration, or put them on its waiting list when it is
    full; queue the confirmation (with the calendar file) or the waiting-list notice.

    Locks the dialogue so two last-minute registrations cannot both take the last seat.
    """
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    if Registration.objects.filter(dialogue=dialogue, user=user).exists():
        raise DomainError(_("You are already registered for this dialogue."))
    require(can_register(user, dialogue, registered=False), _("Registration for this dialogue is closed."))
    full = bool(dialogue.capacity) and _seats_taken(dialogue) >= dialogue.capacity
    try:
        with transaction.atomic():
            registration = Registration.objects.create(dialogue=dialogue, user=user,
                                                       status=WAITING if full else REGISTERED)
    except IntegrityError as err:
        raise DomainError(_("You are already registered for this dialogue.")) from err
    if full:
        record_event(dialogue, "waitlisted", actor=user)
        notify(user, "dialogues_waitlisted", context={**_dialogue_context(dialogue),
                                                      "position": waiting_position(registration)},
               dedupe_key=f"dialogues:waitlisted:{registration.pk}")
    else:
        record_event(dialogue, "registered", actor=user)
        _confirm(registration, dialogue, "dialogues_registered")
    return registration


def waiting_position(registration):
    """1 for the first in line on the waiting list."""
    return Registration.objects.filter(dialogue_id=registration.dialogue_id, status=WAITING).filter(
        Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
    ).count() + 1


def _seats_taken(dialogue):
    return Registration.objects.filter(dialogue=dialogue, status=REGISTERED).count()


def _confirm(registration, dialogue, template):
    context = {**_dialogue_context(dialogue), "attachments": [ics_attachment(dialogue)]}
    notify(registration.user, template, context=context, dedupe_key=f"{template}:{registration.pk}")


def _promote_waiting(dialogue):
    """Give free seats to the first in line. The caller holds the dialogue's row lock, so concurrent
    cancellations are serialised and each promotes a different person."""
    if dialogue.is_cancelled or not dialogue.is_upcoming:
        return []
    free = (dialogue.capacity - _seats_taken(dialogue)) if dialogue.capacity else None
    waiting = Registration.objects.filter(dialogue=dialogue, status=WAITING).select_related("user").order_by(
        "created_at", "pk")
    promoted = list(waiting if free is None else waiting[:max(free, 0)])
    for registration in promoted:
        registration.status, registration.promoted_at = REGISTERED, timezone.now()
        registration.save(update_fields=["status", "promoted_at"])
        record_event(dialogue, "promoted", actor=None, comment=registration.user.email)
        _confirm(registration, dialogue, "dialogues_promoted")
    return promoted


@transaction.atomic
def registration_cancel(*, dialogue_id, user):
    """Cancel a seat or leave the waiting list; a freed seat goes to the first in line."""
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    require(dialogue.is_upcoming, _("This dialogue has already taken place."))
    deleted, _rows = Registration.objects.filter(dialogue=dialogue, user=user).delete()
    if not deleted:
        raise DomainError(_("You are not registered for this dialogue."))
    record_event(dialogue, "unregistered", actor=user)
    _promote_waiting(dialogue)


# --- Reminders ------------------------------------------------------------------------------------------------------

REMINDER_LEADS = {ReminderKind.DAY_BEFORE: timedelta(days=1), ReminderKind.HOUR_BEFORE: timedelta(hours=1)}


@transaction.atomic
def reminders_send(*, now=None):
    """Queue the day-before reminder (and the hour-before one for online sessions) for every registrant whose
    session starts within that lead time. Works in bulk (a fixed number of queries whatever the number of
    registrants). Each goes once per registration: the Reminder row's unique constraint makes a second or
    concurrent run skip it. Returns how many were queued."""
    now = now or timezone.now()
    queued = 0
    for kind, lead in REMINDER_LEADS.items():
        due = (Registration.objects.filter(status=REGISTERED, dialogue__cancelled_at__isnull=True,
                                           dialogue__starts_at__gt=now, dialogue__starts_at__lte=now + lead)
               .exclude(reminders__kind=kind))
        if kind == ReminderKind.HOUR_BEFORE:
            due = due.filter(dialogue__is_online=True)
        dialogues = {d.pk: d for d in Dialogue.objects.filter(pk__in=due.values("dialogue_id"))}
        due = {pk: (dialogue_id, Recipient(user_id, email, language)) for pk, dialogue_id, user_id, email, language
               in due.values_list("pk", "dialogue_id", "user_id", "user__email", "user__preferred_language")
               .order_by("pk")}
        recorded = insert_missing(Reminder, [(pk, str(kind)) for pk in due], fields=("registration_id", "kind"),
                                  key=("registration_id", "kind"),
                                  existing=Reminder.objects.filter(registration__dialogue__in=list(dialogues),
                                                                   kind=kind))
        contexts = {pk: {**_dialogue_context(d), "kind": str(kind), "join_url": d.join_url}
                    for pk, d in dialogues.items()}
        notify_bulk((due[pk][1], "dialogues_reminder", contexts[due[pk][0]], f"dialogues:reminder:{kind}:{pk}")
                    for pk, _kind in recorded)
        queued += len(recorded)
    return queued


# --- Contributions --------------------------------------------------------------------------------------------------

@transaction.atomic
def contribution_submit(*, dialogue_id, author, text, language, round_table=None):
    """A signed-in user's contribution, waiting for moderation."""
    dialogue = Dialogue.objects.get(pk=dialogue_id)
    require(can_contribute(author, dialogue))
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Please write your contribution."))
    _throttle(Contribution.objects.filter(author=author), "CONTRIBUTIONS_PER_HOUR", 10,
              _too_many_contributions)
    contribution = Contribution.objects.create(dialogue=dialogue, author=author, text=text, language=language,
                                               round_table=round_table)
    record_event(contribution, "submitted", actor=author, to_status=contribution.status)
    return contribution


def _throttle(own_rows, setting, default, message):
    """Refuse a user's post past a per-hour limit. Counted in the database, so it holds without Redis.
    `message(count)` words the refusal (with the right plural for `count`)."""
    limit = getattr(settings, f"DIALOGUES_{setting}", default)
    count = own_rows.filter(created_at__gte=timezone.now() - timedelta(hours=1)).count()
    if count >= limit:
        raise DomainError(message(count) % {"count": count})


def _too_many_contributions(count):
    return ngettext("You have sent %(count)s contribution in the last hour; please wait before sending more.",
                    "You have sent %(count)s contributions in the last hour; please wait before sending more.", count)


def _too_many_reports(count):
    return ngettext("You have sent %(count)s report in the last hour; please wait before sending more.",
                    "You have sent %(count)s reports in the last hour; please wait before sending more.", count)


@transaction.atomic
def consultation_open(*, by, **fields):
    """The secretariat opens the consultation of one round table for one cycle."""
    require(can_manage_dialogues(by))
    consultation = Consultation(**fields)
    consultation.full_clean()
    consultation.save()
    record_event(consultation, "opened", actor=by)
    return consultation


@transaction.atomic
def consultation_update(*, consultation_id, by, **fields):
    """The secretariat changes a consultation's question, dates or languages (to extend or close it early)."""
    require(can_manage_dialogues(by))
    consultation = Consultation.objects.select_for_update().get(pk=consultation_id)
    changed = sorted(name for name, value in fields.items() if getattr(consultation, name) != value)
    for name, value in fields.items():
        setattr(consultation, name, value)
    consultation.full_clean()
    consultation.save()
    if changed:
        record_event(consultation, "updated", actor=by, comment=", ".join(changed))
    return consultation


@transaction.atomic
def consultation_input_submit(*, consultation_id, author, text, language, objective=None, stakeholder_category=""):
    """A signed-in user's input to an open consultation; moderated like a dialogue contribution."""
    consultation = Consultation.objects.select_related("round_table").get(pk=consultation_id)
    require(can_post_input(author, consultation), _("This consultation is not open."))
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Please write your input."))
    if language not in consultation.languages:
        raise DomainError(_("Please write in one of the languages of this consultation."))
    if objective is not None and objective.round_table_id != consultation.round_table_id:
        raise DomainError(_("Choose one of this round table's objectives."))
    _throttle(Contribution.objects.filter(author=author), "CONTRIBUTIONS_PER_HOUR", 10,
              _too_many_contributions)
    contribution = Contribution.objects.create(consultation=consultation, author=author, text=text,
                                               language=language, round_table=consultation.round_table,
                                               objective=objective, stakeholder_category=stakeholder_category)
    record_event(contribution, "submitted", actor=author, to_status=contribution.status)
    return contribution


@transaction.atomic
def contribution_publish(*, contribution_id, by):
    contribution = _lock_for_decision(contribution_id, by)
    old = move(contribution, ContributionStatus.PUBLISHED, CONTRIBUTION_TRANSITIONS)
    _decided(contribution, by)
    contribution.save(update_fields=["status", "decided_at", "decided_by"])
    _recount_published(contribution)
    record_event(contribution, "published", actor=by, from_status=old, to_status=contribution.status)
    notify(contribution.author, "dialogues_contribution_published", context=_contribution_context(contribution))
    return contribution


@transaction.atomic
def contribution_reject(*, contribution_id, by, reason):
    """Reject a pending contribution, or take down a published one; the author sees `reason`.

    Open reports on a taken-down contribution are closed as upheld.
    """
    contribution = _lock_for_decision(contribution_id, by)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please give the author a reason."))
    old = move(contribution, ContributionStatus.REJECTED, CONTRIBUTION_TRANSITIONS)
    contribution.rejection_reason = reason
    _decided(contribution, by)
    contribution.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
    if old == ContributionStatus.PUBLISHED:
        _recount_published(contribution)
    record_event(contribution, "rejected", actor=by, comment=reason, from_status=old, to_status=contribution.status)
    _close_reports(contribution, by, ReportStatus.UPHELD)
    notify(contribution.author, "dialogues_contribution_rejected",
           context={**_contribution_context(contribution), "reason": reason})
    return contribution


def _lock_for_decision(contribution_id, by):
    """Lock the contribution for a moderation decision. A colleague's decision taken meanwhile is refused by the
    transition map (InvalidTransition names the new status), not reported as a lack of permission."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution_id)
    require(can_manage_dialogues(by))
    return contribution


def _recount_published(contribution):
    """Recompute the published count of the contribution's dialogue or consultation, after its status changed in
    this transaction."""
    if contribution.dialogue_id:
        _recount_place("dialogue", contribution.dialogue_id)
    else:
        _recount_place("consultation", contribution.consultation_id)


def _recount_place(place, pk):
    """Recompute the stored count of one dialogue or consultation.

    The row is locked first, in a statement of its own: under PostgreSQL's READ COMMITTED each statement reads the
    data committed when it starts, so a concurrent moderation of the same dialogue is waited for and then counted.
    NO KEY UPDATE, like the UPDATE itself takes, so new contributions (whose foreign key check share-locks the row)
    are not held up.
    """
    places = (Dialogue if place == "dialogue" else Consultation).objects.filter(pk=pk)
    list(places.select_for_update(no_key=True).values_list("pk", flat=True))
    counters.recount(places, Contribution.objects, place)


class _RecountAfterCommit:
    """The places whose published contributions were deleted in the current transaction, recounted once each
    when it commits (an account deleted with 500 contributions in one dialogue: one recount, not 500)."""

    def __init__(self):
        self.places = set()

    @transaction.atomic
    def __call__(self):
        for place, pk in sorted(self.places):  # a fixed order: two transactions lock the rows in the same order
            _recount_place(place, pk)


def recount_after_delete(sender, instance, **kwargs):
    """post_delete of a Contribution, whatever deleted it (a user account deleted in the admin takes its
    contributions along): a published one's dialogue or consultation is recounted once the deletion commits.

    One callback per transaction gathers the places: it is looked up among the connection's pending on-commit
    callbacks, so a rolled-back (sub)transaction, which drops its callbacks, never leaves a stale one behind."""
    if instance.status != ContributionStatus.PUBLISHED:
        return
    place = ("dialogue", instance.dialogue_id) if instance.dialogue_id else ("consultation", instance.consultation_id)
    connection = transaction.get_connection()
    pending = next((entry[1] for entry in connection.run_on_commit if isinstance(entry[1], _RecountAfterCommit)),
                   None) if connection.in_atomic_block else None
    if pending is None:
        pending = _RecountAfterCommit()
        pending.places.add(place)
        transaction.on_commit(pending)
    else:
        pending.places.add(place)


def _decided(contribution, by):
    contribution.decided_at = timezone.now()
    contribution.decided_by = by


# --- Reports --------------------------------------------------------------------------------------------------------

@transaction.atomic
def report_create(*, contribution_id, reporter, reason):
    contribution = Contribution.objects.get(pk=contribution_id)
    require(can_report_contribution(reporter, contribution), _("This contribution cannot be reported."))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please say why you report this contribution."))
    _throttle(Report.objects.filter(reporter=reporter), "REPORTS_PER_HOUR", 20,
              _too_many_reports)
    try:
        with transaction.atomic():
            report = Report.objects.create(contribution=contribution, reporter=reporter, reason=reason)
    except IntegrityError as err:
        raise DomainError(_("You have already reported this contribution.")) from err
    record_event(contribution, "reported", actor=reporter, comment=reason)
    return report


@transaction.atomic
def reports_dismiss(*, contribution_id, by, comment=""):
    """Keep the contribution published and close its open reports as dismissed."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution_id)
    require(can_moderate_contribution(by, contribution))
    closed = _close_reports(contribution, by, ReportStatus.DISMISSED)
    if not closed:
        raise DomainError(_("This contribution has no open report."))
    record_event(contribution, "reports_dismissed", actor=by, comment=comment)
    return closed


def _close_reports(contribution, by, status):
    reports = list(Report.objects.select_for_update().filter(contribution=contribution, status=ReportStatus.OPEN))
    now = timezone.now()
    for report in reports:
        old = move(report, status, REPORT_TRANSITIONS)
        report.resolved_at, report.resolved_by = now, by
        report.save(update_fields=["status", "resolved_at", "resolved_by"])
        record_event(report, str(status), actor=by, from_status=old, to_status=status)
    return len(reports)


# --- E-mail contexts (JSON-serialisable) ----------------------------------------------------------------------------

def _dialogue_context(dialogue):
    return {
        "dialogue_id": dialogue.pk,
        "title": dialogue.title,
        "starts_at": dialogue.starts_at.isoformat(),
        "ends_at": dialogue.ends_at.isoformat(),
        "time_zone": dialogue.time_zone,
        "location": dialogue.location,
        "is_online": dialogue.is_online,
    }


def _contribution_context(contribution):
    return {
        "contribution_id": contribution.pk,
        "dialogue_id": contribution.dialogue_id,
        "dialogue_title": contribution.place_title,
        "place_path": contribution.place.get_absolute_url(),
    }
