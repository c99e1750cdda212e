"""The secretariat's daily digest: every queue with something waiting, e-mailed once a day to the staff."""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from accounts.services import secretariat_users
from core.notifications import notify

from .models import DigestSent
from .selectors import waiting_queues


def digest_send(*, now=None):
    """Queue today's digest for every secretariat member, in each one's language, if anything waits.

    At most once a day: the DigestSent row of the day is unique, so a second run (or a second beat) sends
    nothing. A day with empty queues records nothing and sends nothing. Returns the number of e-mails queued.
    """
    now = now or timezone.now()
    day = timezone.localdate(now)
    staff = [user for user in secretariat_users() if user.email]
    if not staff or DigestSent.objects.filter(day=day).exists():
        return 0
    by_language = {}
    for user in staff:
        by_language.setdefault(user.preferred_language or "en", []).append(user)
    queues = {}
    for language in by_language:
        with translation.override(language):
            queues[language] = [{"label": str(q["label"]), "count": q["count"], "age_days": q["age_days"],
                                 "url": q["url"]} for q in waiting_queues(None, now=now)]
    if not any(queues.values()):
        return 0
    try:
        with transaction.atomic():
            DigestSent.objects.create(day=day, recipient_count=len(staff))
            for language, users in by_language.items():
                for user in users:
                    notify(user, "secretariat_daily_digest", language=language,
                           context={"day": day.isoformat(), "queues": queues[language]},
                           dedupe_key=f"secretariat_digest:{day.isoformat()}:{user.pk}")
    except IntegrityError:  # another run recorded today's digest first
        return 0
    return len(staff)
