"""Bulk e-mail from the secretariat: a template with placeholders, previewed, then queued in the outbox for each
recipient of an audience, in the recipient's language, once."""

import string

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import FocalPoint, FocalPointKind
from accounts.roles import is_secretariat
from core.audit import record_event
from core.languages import format_list
from core.notifications import notify
from core.workflow import DomainError, require
from pledges.selectors import pledgers_of, pledges_without_update
from reviews.selectors import states_not_submitted

from .models import BulkMailing, MailingAudience

PLACEHOLDERS = {
    MailingAudience.STATES_NOT_SUBMITTED: ("name", "state", "cycle", "deadline", "site_url"),
    MailingAudience.PLEDGERS_WITHOUT_UPDATE: ("name", "pledges", "cycle", "year", "site_url"),
}


def default_template(audience, language):
    """The suggested subject and body for `audience`, in `language`; placeholders in braces."""
    with translation.override(language):
        if audience == MailingAudience.STATES_NOT_SUBMITTED:
            return {
                "subject": _("{cycle}: your voluntary review is awaited"),
                "body": _("Dear {name},\n\nThe Network Secretariat has not yet received the voluntary review of "
                          "{state} for {cycle}. Reviews are due on {deadline}. You can complete and submit it on "
                          "the portal: {site_url}\n\nWith our thanks,\nThe Network Secretariat"),
            }
        return {
            "subject": _("{cycle}: please report the progress of your pledges"),
            "body": _("Dear {name},\n\nWe have received no progress update in {year} on these pledges: "
                      "{pledges}. Please tell us where they stand (planned, in progress or fulfilled) on the "
                      "portal: {site_url}\n\nWith our thanks,\nThe Network Secretariat"),
        }


def template_problems(audience, text):
    """Placeholders of `text` that `audience` does not know, or a message if the braces are malformed."""
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return [_("A brace is not closed: write placeholders as {name}.")]
    allowed = PLACEHOLDERS[audience]
    return [_("Unknown placeholder {%(name)s}.") % {"name": name} for name in names if name not in allowed]


def render_template(text, context):
    return text.format_map(context)


def mailing_recipients(*, audience, cycle, today=None):
    """[(user, language, context)] of everyone `audience` reaches, each person once."""
    today = today or timezone.localdate()
    if audience == MailingAudience.STATES_NOT_SUBMITTED:
        return _focal_points_not_submitted(cycle)
    return _pledgers_without_update(cycle, today.year)


def _language(user):
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


def _focal_points_not_submitted(cycle):
    focal_points = (FocalPoint.objects.filter(kind=FocalPointKind.FOCAL_POINT, user__is_active=True,
                                              member_state__in=states_not_submitted(cycle))
                    .select_related("user", "member_state").order_by("user_id", "member_state__iso3"))
    people = {}
    for fp in focal_points:
        people.setdefault(fp.user, []).append(fp.member_state)
    result = []
    for user, states in people.items():
        language = _language(user)
        with translation.override(language):
            context = {"name": user.display_name or user.email, "state": format_list(s.name for s in states),
                       "cycle": cycle.name, "deadline": date_format(cycle.review_deadline, "DATE_FORMAT"),
                       "site_url": settings.SITE_URL}
        result.append((user, language, context))
    return result


def _pledgers_without_update(cycle, year):
    people = pledgers_of(pledges_without_update(year=year).filter(cycle=cycle))
    result = []
    for user, pledges in sorted(people.items(), key=lambda pair: pair[0].pk):
        language = _language(user)
        titles = format_list((f"{p.reference} “{p.title}”" if p.reference else f"“{p.title}”"
                              for p in dict.fromkeys(pledges)), language)
        context = {"name": user.display_name or user.email, "pledges": titles, "cycle": cycle.name,
                   "year": str(year), "site_url": settings.SITE_URL}
        result.append((user, language, context))
    return result


def _template_for(templates, language):
    return templates.get(language) or templates.get(settings.LANGUAGE_CODE) or next(iter(templates.values()))


def mailing_preview(*, audience, cycle, templates, limit=5):
    """The recipient count and the first `limit` messages as each recipient will read them."""
    recipients = mailing_recipients(audience=audience, cycle=cycle)
    samples = []
    for user, language, context in recipients[:limit]:
        template = _template_for(templates, language)
        samples.append({"email": user.email, "language": language,
                        "subject": render_template(template["subject"], context),
                        "body": render_template(template["body"], context)})
    return {"count": len(recipients), "samples": samples}


@transaction.atomic
def mailing_send(*, by, audience, cycle, templates, token):
    """Queue the e-mail for every recipient of `audience` in the outbox, in each one's language.

    `templates`: {language: {"subject", "body"}}. `token` identifies the previewed form: posting it again
    sends nothing (DomainError). Each recipient gets one outbox row (dedupe key per mailing and person).
    """
    require(is_secretariat(by))
    for template in templates.values():
        problems = template_problems(audience, template["subject"]) + template_problems(audience, template["body"])
        if problems:
            raise DomainError(" ".join(problems))
    if BulkMailing.objects.filter(token=token).exists():
        raise DomainError(_("This e-mail has already been sent."))
    mailing = BulkMailing.objects.create(token=token, audience=audience, cycle=cycle, templates=templates,
                                         sent_by=by)
    recipients = mailing_recipients(audience=audience, cycle=cycle)
    for user, language, context in recipients:
        template = _template_for(templates, language)
        notify(user, "secretariat_bulk_message", language=language,
               context={"subject": render_template(template["subject"], context),
                        "body": render_template(template["body"], context)},
               dedupe_key=f"secretariat_mailing:{mailing.pk}:{user.pk}")
    mailing.recipient_count = len(recipients)
    mailing.save(update_fields=["recipient_count"])
    count = len(recipients)
    record_event(mailing, "sent", actor=by,
                 comment=ngettext("%(count)s recipient", "%(count)s recipients", count) % {"count": count})
    return mailing
