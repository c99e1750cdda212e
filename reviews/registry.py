"""What the reviews app contributes to shared pages: home count, objective and round-table pages, secretariat
queues."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import queue

from .enums import ReviewStatus
from .models import Review
from .selectors import (
    pending_extensions,
    published_count,
    published_entries_for_objective,
    published_entries_for_round_table,
)


def home_reviews(cycle):
    return {"key": "reviews", "count": published_count(cycle), "label": _("voluntary reviews published")}


def objective_entries(objective):
    return {"title": _("What Member States report in their voluntary reviews"),
            "template": "reviews/_objective_entries.html", "items": published_entries_for_objective(objective)}


def round_table_entries(round_table):
    return {"title": _("What Member States report on the objectives of this round table"),
            "template": "reviews/_round_table_entries.html", "items": published_entries_for_round_table(round_table),
            "more_url": f"{reverse('reviews:list')}?round_table={round_table.number}"}


def secretariat_queues(user):
    queue_url = reverse("reviews:queue")
    return [
        queue("reviews_submitted", _("Voluntary reviews to check"),
              Review.objects.filter(status=ReviewStatus.SUBMITTED), "submitted_at", queue_url),
        queue("reviews_accepted", _("Voluntary reviews accepted, to publish"),
              Review.objects.filter(status=ReviewStatus.ACCEPTED), "submitted_at", f"{queue_url}?status=accepted"),
        queue("extensions", _("Deadline extension requests"), pending_extensions(), "created_at",
              f"{queue_url}#extensions"),
    ]
