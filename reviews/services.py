"""Every write on voluntary reviews. The only place a review's or an extension's status changes.

Each transition locks the row, checks the permission and the enum's map, records an audit event and queues the
e-mails (outbox rows in the same transaction).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import SECRETARIAT_GROUP, FocalPoint, FocalPointKind
from core.audit import record_event
from core.bulk import insert_missing
from core.drafts import save_with_version
from core.notifications import notify, notify_bulk, notify_many
from core.workflow import DomainError, InvalidTransition, move, require

from . import permissions as perms
from .enums import (
    EXTENSION_TRANSITIONS,
    NOT_SUBMITTED,
    REMINDER_DAYS,
    REVIEW_TRANSITIONS,
    ExtensionStatus,
    ReminderKind,
    ReviewStatus,
    Section,
)
from .models import CoEditorInvitation, DeadlineExtension, ObjectiveEntry, ReminderSent, Review, ReviewAttachment
from .questionnaire import SECTION_FIELDS, SECTION_M2M, review_gaps
from .signals import publication_changed

logger = logging.getLogger(__name__)
INVITATION_SALT = "reviews.co-editor-invitation"
INVITATION_MAX_AGE = timedelta(days=30)


class IncompleteReview(DomainError):
    """Submission refused: `gaps` lists every missing item."""

    def __init__(self, gaps):
        super().__init__(ngettext("The review cannot be submitted yet: %(count)s item is missing.",
                                  "The review cannot be submitted yet: %(count)s items are missing.", len(gaps))
                         % {"count": len(gaps)})
        self.gaps = gaps


# --- Recipients and shared steps -----------------------------------------------------------------------------------

def state_users(member_state_id):
    """Focal points and co-editors of a State (active users)."""
    return get_user_model().objects.filter(focal_points__member_state_id=member_state_id, is_active=True).distinct()


def secretariat_users():
    return get_user_model().objects.filter(groups__name=SECRETARIAT_GROUP, is_active=True).distinct()


def _context(review, **extra):
    return {"review_id": review.pk, "year": review.cycle.year, "iso3": review.member_state.iso3,
            "iso2": review.member_state.iso2, **extra}


def _lock(review_id):
    return Review.objects.select_for_update(of=("self",)).select_related("cycle", "member_state").get(pk=review_id)


def _transition(review, to, *, by, action, comment="", fields=()):
    """Move `review` to `to`, save the status and `fields`, and record the audit event."""
    old = move(review, to, REVIEW_TRANSITIONS)
    review._history_user = by
    review.save(update_fields=["status", *fields])
    record_event(review, action, actor=by, comment=comment, from_status=old, to_status=to)
    if ReviewStatus.PUBLISHED in (old, to):
        review_id, cycle_id = review.pk, review.cycle_id
        transaction.on_commit(lambda: publication_changed.send(Review, review_id=review_id, cycle_id=cycle_id))
    return old


def _touch(review):
    """Bump the version after a change to the review's rows (entries, attachments): the PDF is now stale."""
    Review.objects.filter(pk=review.pk).update(version=F("version") + 1, updated_at=timezone.now())
    review.refresh_from_db(fields=["version", "updated_at"])


# --- Drafting ------------------------------------------------------------------------------------------------------

@transaction.atomic
def review_start(*, cycle, member_state_id, by):
    """The State's review for `cycle`, created as a draft if needed. Only the State's focal points start one."""
    require(perms.can_start_review(by, member_state_id))
    review, created = Review.objects.get_or_create(
        cycle=cycle, member_state_id=member_state_id, defaults={"created_by": by}
    )
    if created:
        record_event(review, "created", actor=by, to_status=review.status)
    return review


def _editable(review_id, by):
    review = _lock(review_id)
    require(perms.is_state_side(by, review))
    require(review.status in NOT_SUBMITTED, _("The review has been submitted: it can be edited again only if the "
                                               "secretariat returns it."))
    return review


@transaction.atomic
def review_save_section(*, review_id, section, data, version, by):
    """Save one questionnaire section with partial data. Raises StaleEdit when a colleague saved in between.

    `data` holds the section's fields (form cleaned_data); missing keys are left as they are.
    """
    review = _editable(review_id, by)
    section = Section(section)
    fields = [name for name in SECTION_FIELDS[section] if name in data]
    for name in fields:
        setattr(review, name, data[name] if data[name] is not None else "")
    review.updated_at = timezone.now()
    save_with_version(review, version=version, fields=[*fields, "updated_at"])
    for name in SECTION_M2M.get(section, []):
        if name in data:
            getattr(review, name).set(data[name])
    _record_history(review, by)
    return review


def _record_history(review, by):
    """save_with_version() writes with an UPDATE, which django-simple-history does not see: record it here."""
    review._history_user = by
    review.save(update_fields=["version"])


@transaction.atomic
def entry_save(*, review_id, objective, data, version, by):
    """Create or update the State's entry on `objective`; the review's version guards against stale saves."""
    review = _editable(review_id, by)
    review.updated_at = timezone.now()
    save_with_version(review, version=version, fields=["updated_at"])
    entry = ObjectiveEntry.objects.filter(review=review, objective=objective).first() or ObjectiveEntry(
        review=review, objective=objective
    )
    for name in ("progress", "challenges", "good_practices", "support_needed"):
        if name in data:
            setattr(entry, name, data[name] or "")
    entry._history_user = by
    entry.save()
    return entry


@transaction.atomic
def entry_delete(*, review_id, objective, version, by):
    review = _editable(review_id, by)
    save_with_version(review, version=version, fields=[])
    entry = ObjectiveEntry.objects.filter(review=review, objective=objective).first()
    if entry is not None:
        entry._history_user = by
        entry.delete()
        record_event(review, "objective_removed", actor=by, comment=str(objective))


@transaction.atomic
def attachment_add(*, review_id, file, kind, title="", by):
    """Attach a document (the caller validated it with core.uploads)."""
    review = _editable(review_id, by)
    attachment = ReviewAttachment.objects.create(review=review, file=file, kind=kind, title=title, uploaded_by=by)
    _touch(review)
    record_event(review, "attachment_added", actor=by, comment=attachment.filename)
    return attachment


@transaction.atomic
def attachment_remove(*, review_id, attachment_id, by):
    review = _editable(review_id, by)
    attachment = ReviewAttachment.objects.filter(review=review, pk=attachment_id).first()
    require(attachment is not None)
    name = attachment.filename
    attachment.file.delete(save=False)
    attachment.delete()
    _touch(review)
    record_event(review, "attachment_removed", actor=by, comment=name)


# --- Workflow ------------------------------------------------------------------------------------------------------

@transaction.atomic
def review_submit(*, review_id, by):
    """Submit the review to the secretariat. Raises IncompleteReview listing every missing item at once.

    Notifies the State's focal points (confirmation) and the secretariat.
    """
    review = _lock(review_id)
    require(perms.is_state_side(by, review))
    if ReviewStatus.SUBMITTED not in REVIEW_TRANSITIONS[review.status]:
        move(review, ReviewStatus.SUBMITTED, REVIEW_TRANSITIONS)  # raises InvalidTransition with the status
    gaps = review_gaps(review)
    if gaps:
        raise IncompleteReview(gaps)
    resubmitted = review.status == ReviewStatus.RETURNED
    review.submitted_at = timezone.now()
    _transition(review, ReviewStatus.SUBMITTED, by=by, action="resubmitted" if resubmitted else "submitted",
                fields=["submitted_at"])
    notify_many(state_users(review.member_state_id), "reviews_submitted", context=_context(review))
    notify_many(secretariat_users(), "reviews_submitted_staff", context=_context(review, resubmitted=resubmitted))
    return review


@transaction.atomic
def review_return(*, review_id, by, comment):
    """Send the review back to the State with comments it sees; it can then edit and resubmit."""
    review = _lock(review_id)
    require(perms.can_moderate_reviews(by))
    comment = (comment or "").strip()
    require(comment, _("Explain what the State should change: the comments are shown to its focal points."))
    review.return_comment = comment
    _transition(review, ReviewStatus.RETURNED, by=by, action="returned", comment=comment, fields=["return_comment"])
    notify_many(state_users(review.member_state_id), "reviews_returned", context=_context(review, comment=comment))
    return review


def _secretariat_move(review_id, by, to, action, template, *, comment="", fields=(), prepare=None, only_from=None):
    review = _lock(review_id)
    require(perms.can_moderate_reviews(by))
    if only_from is not None and review.status not in only_from:
        raise InvalidTransition(
            _("This action is not possible while the item is “%(status)s”.") % {"status": review.get_status_display()}
        )
    if prepare:
        prepare(review)
    _transition(review, to, by=by, action=action, comment=comment, fields=fields)
    notify_many(state_users(review.member_state_id), template, context=_context(review, comment=comment))
    return review


@transaction.atomic
def review_accept(*, review_id, by):
    """Accept a submitted review (publishing is a separate step)."""
    return _secretariat_move(review_id, by, ReviewStatus.ACCEPTED, "accepted", "reviews_accepted",
                             only_from={ReviewStatus.SUBMITTED})


@transaction.atomic
def review_publish(*, review_id, by):
    """Publish the review; its PDF is built after commit."""
    review = _secretariat_move(
        review_id, by, ReviewStatus.PUBLISHED, "published", "reviews_published", fields=["published_at"],
        prepare=lambda r: setattr(r, "published_at", timezone.now()),
    )
    transaction.on_commit(lambda: _enqueue_pdf(review.pk))
    return review


@transaction.atomic
def review_unpublish(*, review_id, by, comment=""):
    """Take a published review off the public pages (back to accepted)."""
    return _secretariat_move(review_id, by, ReviewStatus.ACCEPTED, "unpublished", "reviews_unpublished",
                             comment=comment, only_from={ReviewStatus.PUBLISHED})


@transaction.atomic
def review_withdraw(*, review_id, by, comment=""):
    return _secretariat_move(review_id, by, ReviewStatus.WITHDRAWN, "withdrawn", "reviews_withdrawn",
                             comment=comment)


# --- Deadline extensions -------------------------------------------------------------------------------------------

@transaction.atomic
def extension_request(*, review_id, by, requested_until, reason):
    """A State asks for more time; the secretariat is notified. One pending request at a time."""
    review = _lock(review_id)
    require(perms.can_request_extension(by, review))
    require((reason or "").strip(), _("Give a reason for the extension."))
    require(requested_until > review.deadline, _("The new date must be after the current deadline."))
    require(not review.extensions.filter(status=ExtensionStatus.PENDING).exists(),
            _("A request is already waiting for the secretariat's decision."))
    extension = DeadlineExtension.objects.create(review=review, requested_by=by, requested_until=requested_until,
                                                 reason=reason.strip())
    record_event(review, "extension_requested", actor=by, comment=reason.strip())
    notify_many(secretariat_users(), "reviews_extension_requested",
                context=_context(review, until=requested_until.isoformat(), reason=reason.strip()))
    return extension


def _decide_extension(extension_id, by, to, comment):
    extension = DeadlineExtension.objects.select_for_update(of=("self",)).select_related(
        "review__cycle", "review__member_state").get(pk=extension_id)
    require(perms.can_moderate_reviews(by))
    move(extension, to, EXTENSION_TRANSITIONS)
    extension.decided_by, extension.decided_at, extension.decision_comment = by, timezone.now(), comment or ""
    return extension


@transaction.atomic
def extension_grant(*, extension_id, by, until=None, comment=""):
    """Grant the extension (to the date requested unless `until` says otherwise): the State's deadline moves."""
    extension = _decide_extension(extension_id, by, ExtensionStatus.GRANTED, comment)
    extension.granted_until = until or extension.requested_until
    extension.save()
    review = Review.objects.select_for_update().get(pk=extension.review_id)
    review.deadline_extended_to = extension.granted_until
    review._history_user = by
    review.save(update_fields=["deadline_extended_to"])
    record_event(review, "extension_granted", actor=by, comment=comment,
                 to_status=extension.granted_until.isoformat())
    notify_many(state_users(review.member_state_id), "reviews_extension_granted",
                context=_context(extension.review, until=extension.granted_until.isoformat(), comment=comment))
    return extension


@transaction.atomic
def extension_refuse(*, extension_id, by, comment=""):
    extension = _decide_extension(extension_id, by, ExtensionStatus.REFUSED, comment)
    extension.save()
    record_event(extension.review, "extension_refused", actor=by, comment=comment)
    notify_many(state_users(extension.review.member_state_id), "reviews_extension_refused",
                context=_context(extension.review, comment=comment))
    return extension


# --- Co-editors ----------------------------------------------------------------------------------------------------

def invitation_token(invitation):
    return signing.dumps({"id": invitation.pk, "email": invitation.email}, salt=INVITATION_SALT)


@transaction.atomic
def co_editor_invite(*, member_state_id, email, by):
    """A focal point invites a colleague of the same government; the e-mail carries a signed link."""
    require(perms.can_invite_co_editor(by, member_state_id))
    email = email.strip().lower()
    invitation = CoEditorInvitation.objects.create(member_state_id=member_state_id, email=email, invited_by=by)
    record_event(invitation, "co_editor_invited", actor=by, comment=email)
    notify(None, "reviews_co_editor_invitation", to_email=email, language=getattr(by, "preferred_language", None),
           context={"token": invitation_token(invitation), "iso2": invitation.member_state.iso2,
                    "inviter": by.display_name})
    return invitation


def invitation_from_token(token):
    """The open invitation a token designates, or None (tampered with, expired or already used)."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return CoEditorInvitation.objects.select_related("member_state").filter(
        pk=payload.get("id"), email=payload.get("email"), accepted_at__isnull=True
    ).first()


@transaction.atomic
def co_editor_accept(*, token, user):
    """Accept an invitation: the signed-in user (with the invited address) becomes a co-editor of the State."""
    invitation = invitation_from_token(token)
    require(invitation is not None, _("This invitation link is not valid any more. Ask your focal point for a new "
                                      "one."))
    require(user.email.lower() == invitation.email,
            _("This invitation was sent to %(email)s: sign in with that address to accept it.")
            % {"email": invitation.email})
    focal_point, _created = FocalPoint.objects.get_or_create(
        user=user, member_state=invitation.member_state,
        defaults={"kind": FocalPointKind.CO_EDITOR, "designated_by": invitation.invited_by},
    )
    invitation.accepted_by, invitation.accepted_at = user, timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])
    user.__dict__.pop("_state_ids", None)
    record_event(invitation, "co_editor_accepted", actor=user, comment=user.email)
    return focal_point


# --- PDF -----------------------------------------------------------------------------------------------------------

def _enqueue_pdf(review_id):
    from .tasks import build_review_pdf_task

    try:
        build_review_pdf_task.delay(review_id=review_id)
    except Exception:  # broker outage: the PDF is built on the next request
        logger.warning("Could not enqueue the PDF of review %s.", review_id, exc_info=True)


def review_pdf_request(*, review_id):
    """Ask for the PDF to be (re)built after commit, unless the stored one is current."""
    review = Review.objects.get(pk=review_id)
    if not review.pdf_is_current:
        transaction.on_commit(lambda: _enqueue_pdf(review_id))


def review_build_pdf(*, review_id):
    """Build and store the PDF of a published review, unless the stored one matches its current version.

    Idempotent. A build overtaken by an edit is stored with its old version number, so it is rebuilt later.
    """
    from core.pdf import render_pdf

    from .selectors import review_pdf_context

    review = Review.objects.select_related("cycle", "member_state").get(pk=review_id)
    if review.pdf_is_current or review.status != ReviewStatus.PUBLISHED:
        return False
    built_version = review.version
    # The PDF speaks the review's language ("zh" content is rendered in the "zh-hans" interface language).
    language = translation.get_supported_language_variant(review.language or settings.LANGUAGE_CODE)
    pdf = render_pdf("reviews/review_pdf.html", review_pdf_context(review), language=language)
    old_name = review.pdf_file.name
    name = f"{review.cycle.year}-{review.member_state.iso3}-v{built_version}.pdf"
    review.pdf_file.save(name, ContentFile(pdf), save=False)
    Review.objects.filter(pk=review.pk).update(pdf_file=review.pdf_file.name, pdf_version=built_version)
    if old_name and old_name != review.pdf_file.name:
        review.pdf_file.storage.delete(old_name)
    return True


# --- Deadline reminders --------------------------------------------------------------------------------------------

def reminder_kind(days_left):
    """The reminder due with `days_left` days before the deadline (negative: overdue), or None.

    The most urgent threshold reached applies, so a day missed by the beat is caught up on the next run; earlier,
    less urgent reminders that were missed are not sent late.
    """
    if days_left < 0:
        return ReminderKind.OVERDUE
    for days, kind in REMINDER_DAYS:
        if days_left <= days:
            return kind
    return None


@transaction.atomic
def send_deadline_reminders(*, today=None):
    """Remind the focal points of every State that has not submitted for the active cycle. Returns how many
    States were reminded. Works in bulk (a fixed number of queries, whatever the number of States and users):
    each (cycle, State, kind) is recorded under a unique constraint first, so a second run, or a concurrent one,
    sends nothing again."""
    from .selectors import states_to_remind

    today = today or timezone.localdate()
    due = [(cycle, state, review, deadline, kind) for cycle, state, review, deadline in states_to_remind(today=today)
           if (kind := reminder_kind((deadline - today).days)) is not None]
    users = _users_by_state([state.pk for _cycle, state, *_rest in due])
    due = [row for row in due if users.get(row[1].pk)]
    if not due:
        return 0
    rows = [(cycle.pk, state.pk, str(kind), deadline, len(users[state.pk]))
            for cycle, state, _review, deadline, kind in due]
    recorded = insert_missing(ReminderSent, rows, fields=("cycle_id", "member_state_id", "kind", "deadline",
                                                          "recipients"),
                              key=("cycle_id", "member_state_id", "kind"),
                              existing=ReminderSent.objects.filter(cycle=due[0][0]))
    recorded = {(state_id, kind) for _cycle_id, state_id, kind in recorded}
    notify_bulk(message for row in due if (row[1].pk, row[4]) in recorded for message in _reminder_messages(
        *row, users=users[row[1].pk], today=today))
    return len(recorded)


def _users_by_state(state_ids):
    """Active focal points and co-editors of each of `state_ids`, in one query."""
    users = {}
    for point in FocalPoint.objects.filter(member_state_id__in=state_ids, user__is_active=True).select_related(
            "user").order_by("user_id"):
        users.setdefault(point.member_state_id, {})[point.user_id] = point.user
    return {state_id: list(by_id.values()) for state_id, by_id in users.items()}


def _reminder_messages(cycle, state, review, deadline, kind, *, users, today):
    template = "reviews_overdue" if kind == ReminderKind.OVERDUE else "reviews_reminder"
    context = {"year": cycle.year, "iso2": state.iso2, "iso3": state.iso3, "deadline": deadline.isoformat(),
               "days_left": (deadline - today).days, "review_id": review.pk if review else None}
    prefix = f"reviews:{cycle.year}:{state.iso3}:{kind}"
    return [(user, template, context, f"{prefix}:{user.pk}") for user in users]
