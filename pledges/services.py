"""Writes of the pledges app: one function per change; every status change is audited and notified in the
same transaction (the outbox delivers the e-mails after commit)."""

from collections import namedtuple
from datetime import timedelta

from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import FocalPoint, Membership, MembershipStatus, User
from accounts.services import secretariat_users
from core.audit import record_bulk_events, record_event
from core.bulk import insert_missing
from core.drafts import StaleEdit, save_with_version
from core.notifications import Recipient, notify_bulk, notify_many
from core.workflow import DomainError, move, require
from gcm.models import Cycle

from .enums import (
    PARTNER_TRANSITIONS,
    PLEDGE_TRANSITIONS,
    UPDATE_TRANSITIONS,
    PartnerStatus,
    PledgeStatus,
    ProgressStatus,
    UpdateStatus,
)
from .models import Pledge, PledgeCounter, PledgePartner, ProgressRequest, ProgressUpdate
from .permissions import (
    acts_for_pledger,
    can_edit_pledge,
    can_moderate_pledge,
    can_moderate_update,
    can_report_progress,
    can_respond_as_partner,
    can_withdraw_pledge,
)

NARRATIVE_MIN = 300
NARRATIVE_MAX = 3000
INACTIVE_AFTER = timedelta(days=365)
REQUEST_EVERY_MONTHS = 6

SCALAR_FIELDS = [
    "title", "narrative", "member_state", "organization", "types", "scope", "start_date", "target_date",
    "amount", "currency", "to_mptf", "matches", "contact_name", "contact_email", "language",
]
M2M_FIELDS = ["objectives", "principles", "countries"]


class IncompletePledge(DomainError):
    """Submission refused; `problems` lists every missing item at once as (field name, message)."""

    def __init__(self, problems):
        super().__init__(_("The pledge cannot be submitted yet: please complete the items listed."))
        self.problems = problems


# --- Recipients ---------------------------------------------------------------------------------------------------

def entity_users(*, member_state_id=None, organization_id=None):
    """The people who act for a State (focal points and co-editors) or an organization (approved members)."""
    if member_state_id:
        ids = FocalPoint.objects.filter(member_state_id=member_state_id).values("user_id")
    else:
        ids = Membership.objects.filter(organization_id=organization_id,
                                        status=MembershipStatus.APPROVED).values("user_id")
    return User.objects.filter(is_active=True, pk__in=ids).order_by("pk")


def pledger_users(pledge):
    return entity_users(member_state_id=pledge.member_state_id, organization_id=pledge.organization_id)


def _context(pledge, **extra):
    return {"pledge_id": pledge.pk, "title": pledge.title, "reference": pledge.reference or "", **extra}


# --- Drafts -------------------------------------------------------------------------------------------------------

def _apply(pledge, data):
    for name in SCALAR_FIELDS:
        if name in data:
            setattr(pledge, name, data[name])
    if not pledge.is_financial:
        pledge.amount, pledge.currency, pledge.to_mptf = None, "", False


def _set_relations(pledge, data, *, by):
    for name in M2M_FIELDS:
        if name in data:
            getattr(pledge, name).set(data[name])
    if "partner_states" in data or "partner_organizations" in data:
        _sync_partners(pledge, data.get("partner_states", []), data.get("partner_organizations", []), by=by)


def _sync_partners(pledge, states, organizations, *, by):
    """Keep the partners still named (with their answers), add new ones, drop those no longer named."""
    wanted = {("s", s.pk) for s in states} | {("o", o.pk) for o in organizations}
    wanted.discard(("s", pledge.member_state_id))
    wanted.discard(("o", pledge.organization_id))
    current = {("s", p.member_state_id) if p.member_state_id else ("o", p.organization_id): p
               for p in pledge.partners.all()}
    for key, partner in current.items():
        if key not in wanted:
            partner.delete()
    for kind, pk in wanted - set(current):
        PledgePartner.objects.create(pledge=pledge, **({"member_state_id": pk} if kind == "s" else
                                                       {"organization_id": pk}))
    _refresh_joint(pledge)


def _check_pledger(by, data):
    probe = Pledge(member_state=data.get("member_state"), organization=data.get("organization"))
    require(bool(probe.member_state) != bool(probe.organization) and acts_for_pledger(by, probe),
            _("You can pledge only for a Member State you are focal point of, or an organization you belong to."))


@transaction.atomic
def pledge_create(*, by, data, supporting_file=None, cycle=None):
    """Save a new draft pledge for the active cycle (partial data is fine). `data` holds the form's values."""
    _check_pledger(by, data)
    cycle = cycle or Cycle.objects.active()
    pledge = Pledge(cycle=cycle, created_by=by)
    _apply(pledge, data)
    if supporting_file:
        pledge.supporting_file = supporting_file
    pledge.save()
    _set_relations(pledge, data, by=by)
    record_event(pledge, "created", actor=by, to_status=pledge.status)
    return pledge


@transaction.atomic
def pledge_update(*, pledge_id, by, version, data, supporting_file=None):
    """Save changes to a draft or returned pledge; refuses a stale save (StaleEdit) and leaves it unchanged."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
    require(can_edit_pledge(by, pledge))
    _check_pledger(by, {"member_state": data.get("member_state", pledge.member_state),
                        "organization": data.get("organization", pledge.organization)})
    _apply(pledge, data)
    fields = list(SCALAR_FIELDS)
    old_file = pledge.supporting_file.name
    if supporting_file:
        pledge.supporting_file.save(supporting_file.name, supporting_file, save=False)
        fields.append("supporting_file")
    try:
        save_with_version(pledge, version=version, fields=fields)
    except StaleEdit:
        if supporting_file:  # the new upload was not kept: remove it from storage
            pledge.supporting_file.storage.delete(pledge.supporting_file.name)
        raise
    if supporting_file and old_file:
        storage = pledge.supporting_file.storage
        transaction.on_commit(lambda: storage.delete(old_file))  # the replaced file goes, once this is saved
    _set_relations(pledge, data, by=by)
    return pledge


def submission_problems(pledge):
    """Every item missing before `pledge` can be submitted, as (field name, message) pairs."""
    problems = []
    length = len(pledge.narrative or "")
    if length < NARRATIVE_MIN:
        problems.append(("narrative", ngettext(
            "The narrative has %(count)s character; it needs at least %(min)s.",
            "The narrative has %(count)s characters; it needs at least %(min)s.", length)
            % {"count": length, "min": NARRATIVE_MIN}))
    if length > NARRATIVE_MAX:
        problems.append(("narrative", ngettext(
            "The narrative has %(count)s character; at most %(max)s are allowed.",
            "The narrative has %(count)s characters; at most %(max)s are allowed.", length)
            % {"count": length, "max": NARRATIVE_MAX}))
    if not pledge.types:
        problems.append(("types", _("Choose at least one type of pledge.")))
    if not pledge.scope:
        problems.append(("scope", _("Choose the scope of the pledge.")))
    if not pledge.objectives.exists() and not pledge.principles.exists():
        problems.append(("objectives", _("Choose at least one GCM objective or guiding principle.")))
    if not pledge.start_date or not pledge.target_date:
        problems.append(("target_date", _("Give the timeframe: a start date and a target date.")))
    if pledge.is_financial and (not pledge.amount or not pledge.currency):
        problems.append(("amount", _("A financial pledge needs an amount and a currency.")))
    if not pledge.contact_name or not pledge.contact_email:
        problems.append(("contact_email", _("Give a contact person and e-mail address.")))
    return problems


@transaction.atomic
def pledge_submit(*, pledge_id, by):
    """Send a complete draft (or returned) pledge to the secretariat; invite the partners not yet invited.
    Raises IncompletePledge listing every missing item. Notifies the secretariat and the invited partners."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
    require(can_edit_pledge(by, pledge))
    problems = submission_problems(pledge)
    if problems:
        raise IncompletePledge(problems)
    old = move(pledge, PledgeStatus.SUBMITTED, PLEDGE_TRANSITIONS)
    pledge.submitted_at = timezone.now()
    pledge.save(update_fields=["status", "submitted_at"])
    record_event(pledge, "submitted", actor=by, from_status=old, to_status=pledge.status)
    notify_many(secretariat_users(), "pledges_submitted",
                context=_context(pledge, pledger=pledge.pledger_name),
                dedupe_prefix=f"pledges_submitted:{pledge.pk}:{pledge.submitted_at.timestamp():.0f}")
    _invite_partners(pledge, by=by)
    return pledge


def _invite_partners(pledge, *, by):
    for partner in pledge.partners.filter(status=PartnerStatus.INVITED, invited_at__isnull=True):
        partner.invited_at = timezone.now()
        partner.save(update_fields=["invited_at"])
        record_event(partner, "invited", actor=by, to_status=partner.status)
        users = entity_users(member_state_id=partner.member_state_id, organization_id=partner.organization_id)
        notify_many(users, "pledges_partner_invitation",
                    context=_context(pledge, pledger=pledge.pledger_name, partner=partner.name,
                                     partner_id=partner.pk),
                    dedupe_prefix=f"pledges_partner_invitation:{partner.pk}")


@transaction.atomic
def pledge_withdraw(*, pledge_id, by, reason=""):
    """The pledger withdraws a pledge (at any stage but rejected). Notifies the secretariat if it had seen it."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
    require(can_withdraw_pledge(by, pledge))
    old = move(pledge, PledgeStatus.WITHDRAWN, PLEDGE_TRANSITIONS)
    pledge.save(update_fields=["status"])
    record_event(pledge, "withdrawn", actor=by, comment=reason, from_status=old, to_status=pledge.status)
    if old in (PledgeStatus.SUBMITTED, PledgeStatus.PUBLISHED):
        notify_many(secretariat_users(), "pledges_withdrawn", context=_context(pledge, reason=reason),
                    dedupe_prefix=f"pledges_withdrawn:{pledge.pk}")
    return pledge


# --- Moderation ---------------------------------------------------------------------------------------------------

def _next_reference(pledge):
    """The next number of the pledge's cycle; the counter row is locked, numbers are never reused."""
    counter, _created = PledgeCounter.objects.get_or_create(cycle=pledge.cycle)
    counter = PledgeCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number = F("last_number") + 1
    counter.save(update_fields=["last_number"])
    counter.refresh_from_db(fields=["last_number"])
    return counter.last_number, pledge_reference(pledge.cycle, counter.last_number)


def pledge_reference(cycle, number):
    """The public reference of the cycle's `number`-th published pledge, e.g. IMRF2026-P-0042."""
    return f"{cycle.code}-P-{number:04d}"


@transaction.atomic
def pledge_publish(*, pledge_id, by):
    """The secretariat publishes a submitted pledge and gives it its public reference. Notifies the pledger."""
    pledge = Pledge.objects.select_for_update().select_related("cycle").get(pk=pledge_id)
    require(can_moderate_pledge(by, pledge))
    old = move(pledge, PledgeStatus.PUBLISHED, PLEDGE_TRANSITIONS)
    if not pledge.reference:
        pledge.sequence, pledge.reference = _next_reference(pledge)
    pledge.published_at = pledge.last_progress_at = timezone.now()
    pledge.moderation_comment = ""
    pledge.save(update_fields=["status", "sequence", "reference", "published_at", "last_progress_at",
                               "moderation_comment"])
    record_event(pledge, "published", actor=by, from_status=old, to_status=pledge.status)
    notify_many(pledger_users(pledge), "pledges_published", context=_context(pledge),
                dedupe_prefix=f"pledges_published:{pledge.pk}")
    return pledge


def _decide(pledge_id, by, to, comment, template):
    require(bool((comment or "").strip()), _("Please give the pledger a comment or reason."))
    pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
    require(can_moderate_pledge(by, pledge))
    old = move(pledge, to, PLEDGE_TRANSITIONS)
    pledge.moderation_comment = comment.strip()
    pledge.save(update_fields=["status", "moderation_comment"])
    record_event(pledge, to, actor=by, comment=pledge.moderation_comment, from_status=old, to_status=to)
    notify_many(pledger_users(pledge), template, context=_context(pledge, comment=pledge.moderation_comment))
    return pledge


@transaction.atomic
def pledge_return(*, pledge_id, by, comment):
    """The secretariat returns a submitted pledge with comments; the pledger can edit and resubmit it."""
    return _decide(pledge_id, by, PledgeStatus.RETURNED, comment, "pledges_returned")


@transaction.atomic
def pledge_reject(*, pledge_id, by, reason):
    """The secretariat rejects a submitted pledge with a reason the pledger sees."""
    return _decide(pledge_id, by, PledgeStatus.REJECTED, reason, "pledges_rejected")


# --- Joint pledges ------------------------------------------------------------------------------------------------

def _refresh_joint(pledge):
    pledge.is_joint = pledge.partners.filter(status=PartnerStatus.CONFIRMED).exists()
    Pledge.objects.filter(pk=pledge.pk).update(is_joint=pledge.is_joint)


def _respond(partner_id, by, to):
    partner = PledgePartner.objects.select_for_update().select_related("pledge").get(pk=partner_id)
    require(can_respond_as_partner(by, partner))
    old = move(partner, to, PARTNER_TRANSITIONS)
    partner.responded_by, partner.responded_at = by, timezone.now()
    partner.save(update_fields=["status", "responded_by", "responded_at"])
    _refresh_joint(partner.pledge)
    record_event(partner, to, actor=by, from_status=old, to_status=to)
    record_event(partner.pledge, f"partner_{to}", actor=by, comment=partner.name)
    notify_many(pledger_users(partner.pledge), "pledges_partner_response",
                context=_context(partner.pledge, partner=partner.name, confirmed=to == PartnerStatus.CONFIRMED),
                dedupe_prefix=f"pledges_partner_response:{partner.pk}")
    return partner


@transaction.atomic
def partner_confirm(*, partner_id, by):
    """A member (or focal point) of an invited partner confirms the partnership; the pledge becomes joint."""
    return _respond(partner_id, by, PartnerStatus.CONFIRMED)


@transaction.atomic
def partner_decline(*, partner_id, by):
    """An invited partner declines: it will never be shown publicly with the pledge."""
    return _respond(partner_id, by, PartnerStatus.DECLINED)


# --- Progress -----------------------------------------------------------------------------------------------------

@transaction.atomic
def progress_update_submit(*, pledge_id, by, progress, narrative, date, evidence_url="", evidence_file=None,
                           language=None):
    """The pledger reports progress on a published pledge; the update waits for moderation. Notifies the
    secretariat. The update is in `language`, or else in the pledge's language."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
    require(can_report_progress(by, pledge))
    require(progress in ProgressStatus.values, _("Choose a progress status."))
    update = ProgressUpdate.objects.create(
        pledge=pledge, progress=progress, narrative=narrative, date=date, evidence_url=evidence_url or "",
        evidence_file=evidence_file or "", author=by, language=language or pledge.language,
    )
    record_event(update, "submitted", actor=by, to_status=update.status)
    record_event(pledge, "progress_reported", actor=by, comment=update.get_progress_display())
    notify_many(secretariat_users(), "pledges_update_submitted", context=_context(pledge, update_id=update.pk),
                dedupe_prefix=f"pledges_update_submitted:{update.pk}")
    return update


@transaction.atomic
def progress_update_publish(*, update_id, by):
    """The secretariat publishes a progress update: the pledge shows its latest progress and is active again."""
    update = ProgressUpdate.objects.select_for_update().select_related("pledge").get(pk=update_id)
    require(can_moderate_update(by, update))
    old = move(update, UpdateStatus.PUBLISHED, UPDATE_TRANSITIONS)
    update.decided_by, update.decided_at = by, timezone.now()
    update.save(update_fields=["status", "decided_by", "decided_at"])
    pledge = update.pledge
    latest = pledge.updates.filter(status=UpdateStatus.PUBLISHED).order_by("-date", "-pk").first()
    pledge.progress_status = latest.progress
    pledge.last_progress_at = max(filter(None, [pledge.last_progress_at, update.created_at]))
    pledge.is_inactive = False
    pledge.save(update_fields=["progress_status", "last_progress_at", "is_inactive"])
    record_event(update, "published", actor=by, from_status=old, to_status=update.status)
    notify_many(pledger_users(pledge), "pledges_update_published", context=_context(pledge),
                dedupe_prefix=f"pledges_update_published:{update.pk}")
    return update


@transaction.atomic
def progress_update_reject(*, update_id, by, reason):
    """The secretariat rejects a progress update with a reason the pledger sees."""
    require(bool((reason or "").strip()), _("Please give the pledger a reason."))
    update = ProgressUpdate.objects.select_for_update().select_related("pledge").get(pk=update_id)
    require(can_moderate_update(by, update))
    old = move(update, UpdateStatus.REJECTED, UPDATE_TRANSITIONS)
    update.decided_by, update.decided_at, update.reason = by, timezone.now(), reason.strip()
    update.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    record_event(update, "rejected", actor=by, comment=update.reason, from_status=old, to_status=update.status)
    notify_many(pledger_users(update.pledge), "pledges_update_rejected",
                context=_context(update.pledge, reason=update.reason),
                dedupe_prefix=f"pledges_update_rejected:{update.pk}")
    return update


def add_months(moment, months):
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


def _months_between(start, end):
    return (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)


@transaction.atomic
def pledges_request_progress_updates(*, now=None):
    """Daily: ask the pledgers of every published pledge for a progress update when a six-month period since
    publication has passed without one. Returns how many pledges were asked. Works in bulk (a fixed number of
    queries whatever the number of pledges); each (pledge, period) request is recorded once under a unique
    constraint, so a rerun, or a concurrent run, asks nobody twice."""
    now = now or timezone.now()
    candidates = Pledge.objects.published().filter(published_at__lte=add_months(now, -REQUEST_EVERY_MONTHS))
    latest = ProgressUpdate.objects.filter(pledge=OuterRef("pk")).exclude(status=UpdateStatus.REJECTED)
    rows = candidates.annotate(latest_update=Subquery(latest.order_by("-created_at").values("created_at")[:1]))
    due, requests = {}, []
    for pk, published_at, latest_update, *notify_fields in rows.values_list(
            "pk", "published_at", "latest_update", *NOTIFY_FIELDS).order_by("pk"):
        period = _months_between(published_at, now) // REQUEST_EVERY_MONTHS
        since = add_months(published_at, period * REQUEST_EVERY_MONTHS)
        if period >= 1 and (latest_update is None or latest_update < since):
            due[pk] = _Pledge(pk, *notify_fields)
            requests.append((pk, period))
    asked = insert_missing(ProgressRequest, requests, fields=("pledge_id", "period"), key=("pledge_id", "period"),
                           existing=ProgressRequest.objects.filter(pledge__in=candidates))
    if not asked:
        return 0
    record_bulk_events(Pledge, ((pk, str(period)) for pk, period in asked), "progress_requested")
    users = _pledger_users_of([due[pk] for pk, _period in asked])
    notify_bulk((user, "pledges_progress_request", context, f"pledges_progress_request:{pk}:{period}:{user.pk}")
                for pk, period in asked for context in [_context(due[pk], period=period)] for user in users[pk])
    return len(asked)


@transaction.atomic
def pledges_mark_inactive(*, now=None):
    """Daily: flag inactive every published pledge without progress for a year and tell its pledgers. Returns
    how many. Works in bulk; the rows are locked, so a concurrent run waits and then finds them flagged."""
    now = now or timezone.now()
    stale = [_Pledge(pk, *fields) for pk, *fields in Pledge.objects.published().filter(
        is_inactive=False, last_progress_at__lt=now - INACTIVE_AFTER).select_for_update().order_by("pk")
        .values_list("pk", *NOTIFY_FIELDS, "last_progress_at")]
    if not stale:
        return 0
    for start in range(0, len(stale), IDS_PER_QUERY):
        Pledge.objects.filter(pk__in=[p.pk for p in stale[start:start + IDS_PER_QUERY]]).update(is_inactive=True)
    record_bulk_events(Pledge, ((pledge.pk, "") for pledge in stale), "marked_inactive", from_status="active",
                       to_status="inactive")
    users = _pledger_users_of(stale)
    notify_bulk((user, "pledges_inactive", context,
                 f"pledges_inactive:{pledge.pk}:{pledge.last_progress_at:%Y%m%d}:{user.pk}")
                for pledge in stale for context in [_context(pledge)] for user in users[pledge.pk])
    return len(stale)


IDS_PER_QUERY = 10000  # SQLite allows 32,766 parameters in a query
NOTIFY_FIELDS = ("title", "reference", "member_state_id", "organization_id")
_Pledge = namedtuple("_Pledge", ("pk", *NOTIFY_FIELDS, "last_progress_at"), defaults=[None])  # what a sweep reads


def _pledger_users_of(pledges):
    """{pledge id: its pledger users (as pledger_users gives them, as Recipients)} for many pledges, in two
    queries."""
    states = {p.member_state_id for p in pledges if p.member_state_id}
    organizations = {p.organization_id for p in pledges if not p.member_state_id and p.organization_id}
    user = ("user_id", "user__email", "user__preferred_language")
    by_state, by_organization = {}, {}
    for state_id, *recipient in FocalPoint.objects.filter(member_state_id__in=states, user__is_active=True
                                                          ).values_list("member_state_id", *user):
        by_state.setdefault(state_id, {})[recipient[0]] = Recipient(*recipient)
    for organization_id, *recipient in Membership.objects.filter(
            organization_id__in=organizations, status=MembershipStatus.APPROVED, user__is_active=True
    ).values_list("organization_id", *user):
        by_organization.setdefault(organization_id, {})[recipient[0]] = Recipient(*recipient)
    result = {}
    for pledge in pledges:
        found = by_state.get(pledge.member_state_id, {}) if pledge.member_state_id else by_organization.get(
            pledge.organization_id, {})
        result[pledge.pk] = [found[pk] for pk in sorted(found)]
    return result
