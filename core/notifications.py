"""The notification outbox.

`notify()` writes a row in the caller's transaction and, once that transaction commits, asks Celery to deliver
it. If the broker is down the row simply waits: the periodic `core.deliver_pending_notifications` task sends
whatever is pending. Delivery locks the row, so a notification is never sent twice.
"""

import logging
from collections import namedtuple
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .bulk import insert_missing
from .models import Notification, NotificationStatus

DELIVERY_CHUNK = 200  # notifications per delivery task queued by notify_bulk()
KEYS_PER_QUERY = 10000  # dedupe keys looked up at once (SQLite allows 32,766 parameters in a query)

logger = logging.getLogger(__name__)


def notify(recipient, template, *, context=None, dedupe_key=None, to_email=None, language=None):
    """Queue e-mail `template` for `recipient` (a user) or `to_email`, in the recipient's language.

    `context` must be JSON-serialisable (ids, strings, numbers); its optional "attachments" list of
    {filename, content (text), mimetype} is attached to the e-mail. With `dedupe_key`, a second call with the same
    key queues nothing and returns None. Enqueues delivery after commit.
    """
    email = to_email or recipient.email
    lang = language or getattr(recipient, "preferred_language", "") or settings.LANGUAGE_CODE
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                to_email=email,
                language=lang,
                template=template,
                context=context or {},
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    transaction.on_commit(lambda: _enqueue(notification.pk))
    return notification


def notify_many(recipients, template, *, context=None, dedupe_prefix=None):
    """notify() each user once (duplicates and users without e-mail skipped)."""
    seen, sent = set(), []
    for user in recipients:
        if not user or not user.email or user.pk in seen:
            continue
        seen.add(user.pk)
        key = f"{dedupe_prefix}:{user.pk}" if dedupe_prefix else None
        sent.append(notify(user, template, context=context, dedupe_key=key))
    return [n for n in sent if n]


class Recipient(namedtuple("Recipient", "pk email preferred_language")):
    """What notify_bulk() needs of a recipient user, read with values_list() rather than as a User instance."""


BULK_FIELDS = ("recipient_id", "to_email", "language", "template", "context", "dedupe_key")


def notify_bulk(messages):
    """Queue many e-mails in a few queries: `messages` are (recipient, template, context, dedupe_key) tuples.

    A recipient is a user or a Recipient (pk, email, preferred_language). Every message needs a dedupe key: one
    already queued (by an earlier or a concurrent run) is skipped, and so are recipients without an e-mail address
    or listed twice under one key. `context` may be a callable, called only for the messages that are queued (one
    context object shared by many messages is stored for each and serialised once). Returns the ids of the
    notifications queued; their delivery is enqueued after commit, a chunk of ids per task.
    """
    rows, deferred = {}, False
    for recipient, template, context, dedupe_key in messages:
        if recipient is not None and recipient.email and dedupe_key not in rows:
            language = getattr(recipient, "preferred_language", "") or settings.LANGUAGE_CODE
            deferred = deferred or callable(context)
            rows[dedupe_key] = (recipient.pk, recipient.email, language, template,
                                context if callable(context) else context or {}, dedupe_key)
    keys, ids = list(rows), []
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start:start + KEYS_PER_QUERY]
        ids += insert_missing(Notification, [rows[key] for key in chunk], fields=BULK_FIELDS, key=("dedupe_key",),
                              prepare=_build_context if deferred else None,
                              existing=partial(Notification.objects.filter, dedupe_key__in=chunk)).values()
    for start in range(0, len(ids), DELIVERY_CHUNK):
        chunk = ids[start:start + DELIVERY_CHUNK]
        transaction.on_commit(lambda chunk=chunk: _enqueue_many(chunk))
    return ids


def _build_context(row):
    context = row[4]
    return (*row[:4], (context() if callable(context) else context) or {}, *row[5:])


def _enqueue_many(notification_ids):
    from .tasks import deliver_notifications_task

    try:
        deliver_notifications_task.delay(notification_ids=notification_ids)
    except Exception:  # broker outage: the periodic task delivers them later
        logger.warning("Could not enqueue %s notifications; they stay pending.", len(notification_ids), exc_info=True)


def _enqueue(notification_id):
    from .tasks import deliver_notification_task

    try:
        deliver_notification_task.delay(notification_id=notification_id)
    except Exception:  # broker outage: the periodic task delivers it later
        logger.warning("Could not enqueue notification %s; it stays pending.", notification_id, exc_info=True)


def render_notification(notification):
    """Subject, text body and optional HTML body of `notification`, in its language."""
    context = {
        **notification.context,
        "site_url": settings.SITE_URL,
        "recipient_name": _display_name(notification.recipient),
        "recipient_time_zone": getattr(notification.recipient, "time_zone", ""),
    }
    base = f"emails/{notification.template}"
    with translation.override(notification.language):
        subject = render_to_string(f"{base}.subject.txt", context).strip()
        body = render_to_string(f"{base}.txt", context)
        try:
            html = render_to_string(f"{base}.html", context)
        except TemplateDoesNotExist:
            html = None
    return " ".join(subject.split()), body, html


def deliver(notification_id):
    """Send one pending notification; return True if this call sent it.

    Locks the row for the send, so two workers never both send it. A failure is recorded and retried later
    with exponential backoff, up to NOTIFICATION_MAX_ATTEMPTS.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=notification_id, status=NotificationStatus.PENDING)
            .select_related("recipient")
            .first()
        )
        if notification is None:
            return False
        notification.attempts += 1
        try:
            subject, body, html = render_notification(notification)
            message = EmailMultiAlternatives(subject, body, to=[notification.to_email])
            if html:
                message.attach_alternative(html, "text/html")
            for attachment in notification.context.get("attachments", []):
                message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
            message.send()
        except Exception as err:  # noqa: BLE001 - recorded, retried later
            _record_failure(notification, err)
            return False
        notification.status = NotificationStatus.SENT
        notification.subject = subject[:255]
        notification.sent_at = timezone.now()
        notification.save(update_fields=["status", "subject", "sent_at", "attempts"])
        return True


def _record_failure(notification, err):
    logger.warning("Notification %s failed: %s", notification.pk, err)
    notification.last_error = str(err)[:2000]
    if notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        notification.status = NotificationStatus.FAILED
    notification.next_attempt_at = timezone.now() + timedelta(minutes=2**notification.attempts)
    notification.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def pending_ids(limit=500):
    return list(
        Notification.objects.filter(status=NotificationStatus.PENDING, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:limit]
    )


def _display_name(user):
    if user is None:
        return ""
    return getattr(user, "display_name", "") or user.email
