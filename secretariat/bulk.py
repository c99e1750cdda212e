"""Bulk moderation: one decision applied to several items of a queue, one service call per item.

Each item goes through its app's own service (so each is locked, checked, audited and notified on its own); a
refusal of one item never stops the others, and the result says, item by item, what happened.
"""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import is_secretariat
from core.workflow import DomainError, require
from dialogues import selectors as dialogue_selectors
from dialogues import services as dialogue_services
from pledges import selectors as pledge_selectors
from pledges import services as pledge_services
from reviews import selectors as review_selectors
from reviews import services as review_services
from reviews.enums import ReviewStatus


@dataclass(frozen=True)
class Action:
    label: str
    call: object  # callable(pk, by, comment)
    needs_comment: bool = False


@dataclass(frozen=True)
class BulkQueue:
    label: str
    items: object  # callable() -> queryset of what waits
    describe: object  # callable(item) -> str
    actions: dict


def _pledge(pledge):
    owner = pledge.member_state or pledge.organization
    return f"{pledge.title} — {owner}" if owner else pledge.title


def _update(update):
    return f"{update.pledge.title}: {update.get_progress_display()} ({update.date:%Y-%m-%d})"


def _review(review):
    return f"{review.member_state.name} — {review.cycle.name}"


def _contribution(contribution):
    return f"{contribution.dialogue.title}: {Truncator(contribution.text).chars(120)}"


QUEUES = {
    "pledges": BulkQueue(
        gettext_lazy("Pledges awaiting moderation"), pledge_selectors.moderation_queue, _pledge, {
            "publish": Action(gettext_lazy("Publish"),
                              lambda pk, by, comment: pledge_services.pledge_publish(pledge_id=pk, by=by)),
            "return": Action(gettext_lazy("Return for changes"), lambda pk, by, comment: pledge_services.pledge_return(
                pledge_id=pk, by=by, comment=comment), needs_comment=True),
            "reject": Action(gettext_lazy("Reject"), lambda pk, by, comment: pledge_services.pledge_reject(
                pledge_id=pk, by=by, reason=comment), needs_comment=True),
        }),
    "updates": BulkQueue(
        gettext_lazy("Pledge progress updates awaiting moderation"), pledge_selectors.updates_to_moderate, _update, {
            "publish": Action(gettext_lazy("Publish"), lambda pk, by, comment:
                              pledge_services.progress_update_publish(update_id=pk, by=by)),
            "reject": Action(gettext_lazy("Reject"), lambda pk, by, comment: pledge_services.progress_update_reject(
                update_id=pk, by=by, reason=comment), needs_comment=True),
        }),
    "reviews-submitted": BulkQueue(
        gettext_lazy("Voluntary reviews to check"),
        lambda: review_selectors.review_queue(status=ReviewStatus.SUBMITTED), _review, {
            "accept": Action(gettext_lazy("Accept"), lambda pk, by, comment:
                             review_services.review_accept(review_id=pk, by=by)),
            "return": Action(gettext_lazy("Return for changes"), lambda pk, by, comment:
                             review_services.review_return(review_id=pk, by=by, comment=comment),
                             needs_comment=True),
        }),
    "reviews-accepted": BulkQueue(
        gettext_lazy("Voluntary reviews accepted, to publish"),
        lambda: review_selectors.review_queue(status=ReviewStatus.ACCEPTED), _review, {
            "publish": Action(gettext_lazy("Publish"), lambda pk, by, comment:
                              review_services.review_publish(review_id=pk, by=by)),
        }),
    "contributions": BulkQueue(
        gettext_lazy("Dialogue contributions awaiting moderation"), dialogue_selectors.moderation_queue,
        _contribution, {
            "publish": Action(gettext_lazy("Publish"), lambda pk, by, comment:
                              dialogue_services.contribution_publish(contribution_id=pk, by=by)),
            "reject": Action(gettext_lazy("Reject"), lambda pk, by, comment: dialogue_services.contribution_reject(
                contribution_id=pk, by=by, reason=comment), needs_comment=True),
        }),
}

# Console queue keys (from the apps' registry contributions) that have a bulk page here.
BULK_FOR_QUEUE = {"pledges": "pledges", "progress_updates": "updates", "contributions": "contributions",
                  "reviews_submitted": "reviews-submitted", "reviews_accepted": "reviews-accepted"}


@dataclass(frozen=True)
class ItemResult:
    pk: int
    ok: bool
    message: str


def bulk_apply(*, queue, action, ids, by, comment=""):
    """Apply `action` of bulk queue `queue` to each of `ids`, one service call (one transaction) per item.

    Returns one ItemResult per distinct id, in the given order: ok, or the reason the item was refused. Assumes
    nothing about the items: a missing or already-decided item is reported, not raised.
    """
    require(is_secretariat(by))
    spec = QUEUES[queue].actions[action]
    if spec.needs_comment and not (comment or "").strip():
        raise DomainError(_("Please give a comment or reason: the authors will see it."))
    results = []
    for pk in dict.fromkeys(ids):
        try:
            spec.call(pk, by, (comment or "").strip())
        except DomainError as err:
            results.append(ItemResult(pk, False, err.message))
        except ObjectDoesNotExist:
            results.append(ItemResult(pk, False, _("This item no longer exists.")))
        else:
            results.append(ItemResult(pk, True, _("Done.")))
    return results
