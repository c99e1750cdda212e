"""Every write on dialogues: one function per action, each recording an audit event and queuing its e-mails."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record_event
from core.notifications import notify
from core.workflow import DomainError, move, require

from .enums import CONTRIBUTION_TRANSITIONS, REPORT_TRANSITIONS, ContributionStatus, ReportStatus
from .models import Contribution, Dialogue, Material, Registration, Report
from .permissions import (
    can_contribute,
    can_manage_dialogues,
    can_moderate_contribution,
    can_register,
    can_report_contribution,
)

DIALOGUE_FIELDS = ("cycle", "kind", "title", "language", "description", "starts_at", "ends_at", "is_online",
                   "location", "region", "recording_url", "registration_open", "capacity")


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
    dialogue.full_clean()
    dialogue.save()
    if round_tables is not None:
        dialogue.round_tables.set(round_tables)
    if objectives is not None:
        dialogue.objectives.set(objectives)
    record_event(dialogue, "updated", actor=by)
    return dialogue


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
    """Register `user` for an upcoming dialogue with open registration and room left; queue the confirmation.

    Locks the dialogue so two last-minute registrations cannot both take the last seat.
    """
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    registered = Registration.objects.filter(dialogue=dialogue, user=user).exists()
    if registered:
        raise DomainError(_("You are already registered for this dialogue."))
    count = Registration.objects.filter(dialogue=dialogue).count()
    if dialogue.capacity and count >= dialogue.capacity:
        raise DomainError(_("This dialogue is full."))
    require(can_register(user, dialogue, registered=False, registered_count=count),
            _("Registration for this dialogue is closed."))
    try:
        with transaction.atomic():
            registration = Registration.objects.create(dialogue=dialogue, user=user)
    except IntegrityError as err:
        raise DomainError(_("You are already registered for this dialogue.")) from err
    record_event(dialogue, "registered", actor=user)
    notify(user, "dialogues_registered", context=_dialogue_context(dialogue),
           dedupe_key=f"dialogues:registered:{registration.pk}")
    return registration


@transaction.atomic
def registration_cancel(*, dialogue_id, user):
    dialogue = Dialogue.objects.get(pk=dialogue_id)
    require(dialogue.is_upcoming, _("This dialogue has already taken place."))
    deleted, _rows = Registration.objects.filter(dialogue=dialogue, user=user).delete()
    if not deleted:
        raise DomainError(_("You are not registered for this dialogue."))
    record_event(dialogue, "unregistered", actor=user)


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
              _("You have sent %(count)s contributions in the last hour; please wait before sending more."))
    contribution = Contribution.objects.create(dialogue=dialogue, author=author, text=text, language=language,
                                               round_table=round_table)
    record_event(contribution, "submitted", actor=author, to_status=contribution.status)
    return contribution


def _throttle(own_rows, setting, default, message):
    """Refuse a user's post past a per-hour limit. Counted in the database, so it holds without Redis."""
    limit = getattr(settings, f"DIALOGUES_{setting}", default)
    count = own_rows.filter(created_at__gte=timezone.now() - timedelta(hours=1)).count()
    if count >= limit:
        raise DomainError(message % {"count": count})


@transaction.atomic
def contribution_publish(*, contribution_id, by):
    contribution = Contribution.objects.select_for_update().get(pk=contribution_id)
    require(can_moderate_contribution(by, contribution))
    old = move(contribution, ContributionStatus.PUBLISHED, CONTRIBUTION_TRANSITIONS)
    _decided(contribution, by)
    contribution.save(update_fields=["status", "decided_at", "decided_by"])
    record_event(contribution, "published", actor=by, from_status=old, to_status=contribution.status)
    notify(contribution.author, "dialogues_contribution_published", context=_contribution_context(contribution))
    return contribution


@transaction.atomic
def contribution_reject(*, contribution_id, by, reason):
    """Reject a pending contribution, or take down a published one; the author sees `reason`.

    Open reports on a taken-down contribution are closed as upheld.
    """
    contribution = Contribution.objects.select_for_update().get(pk=contribution_id)
    require(can_moderate_contribution(by, contribution))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please give the author a reason."))
    old = move(contribution, ContributionStatus.REJECTED, CONTRIBUTION_TRANSITIONS)
    contribution.rejection_reason = reason
    _decided(contribution, by)
    contribution.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
    record_event(contribution, "rejected", actor=by, comment=reason, from_status=old, to_status=contribution.status)
    _close_reports(contribution, by, ReportStatus.UPHELD)
    notify(contribution.author, "dialogues_contribution_rejected",
           context={**_contribution_context(contribution), "reason": reason})
    return contribution


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
              _("You have sent %(count)s reports in the last hour; please wait before sending more."))
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
        "location": dialogue.location,
        "is_online": dialogue.is_online,
    }


def _contribution_context(contribution):
    return {
        "contribution_id": contribution.pk,
        "dialogue_id": contribution.dialogue_id,
        "dialogue_title": contribution.dialogue.title,
    }
