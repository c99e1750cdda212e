"""What the practices app contributes to shared pages (home, objective, round table, secretariat console)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.registry import queue

from . import selectors
from .enums import PracticeStatus
from .models import Practice


def home_stat(cycle):
    return {"key": "practices", "count": selectors.published_practices().count(), "label": _("practices published")}


def objective_section(objective):
    return {
        "title": _("Practices"),
        "template": "practices/_practice_section.html",
        "items": {"practices": list(selectors.practices_for_objective(objective)),
                  "more_url": f"{reverse('practices:list')}?objective={objective.number}"},
    }


def round_table_section(round_table):
    return {
        "title": _("Practices"),
        "template": "practices/_practice_section.html",
        "items": {"practices": list(selectors.practices_for_round_table(round_table)),
                  "more_url": f"{reverse('practices:list')}?round_table={round_table.number}"},
    }


def secretariat_queues(user):
    url = reverse("practices:manage")
    ready = selectors.practices_ready_for_decision()
    return [
        queue("practices_to_assign", _("Practices waiting for reviewers"),
              Practice.objects.filter(status=PracticeStatus.SUBMITTED), "submitted_at", f"{url}?status=submitted"),
        queue("practices_to_decide", _("Practices ready for a decision"), ready, "submitted_at", url,
              flagged=selectors.disagreement_count(ready), flag_label=_("reviewers disagree")),
        queue("practices_to_publish", _("Accepted practices to publish"),
              Practice.objects.filter(status=PracticeStatus.ACCEPTED), "submitted_at", f"{url}?status=accepted"),
        queue("invitations_overdue", _("Reviewer assignments overdue"),
              selectors.overdue_assignments(timezone.localdate()), "due_date", url),
    ]
