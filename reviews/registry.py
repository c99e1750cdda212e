"""What the reviews app contributes to shared pages: home count, objective and round-table pages, secretariat
queues."""

from django.urls import reverse
from django.utils.translation import gettext as _

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
            "template": "reviews/_round_table_entries.html", "items": published_entries_for_round_table(round_table)}


def secretariat_queues(user):
    queue = reverse("reviews:queue")
    return [
        {"label": _("Voluntary reviews to check"),
         "count": Review.objects.filter(status=ReviewStatus.SUBMITTED).count(), "url": queue},
        {"label": _("Voluntary reviews accepted, to publish"),
         "count": Review.objects.filter(status=ReviewStatus.ACCEPTED).count(), "url": f"{queue}?status=accepted"},
        {"label": _("Deadline extension requests"), "count": pending_extensions().count(),
         "url": f"{queue}#extensions"},
    ]
