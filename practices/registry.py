"""What the practices app contributes to shared pages (home, objective, round table, secretariat console)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors


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
                  "more_url": reverse("practices:list")},
    }


def secretariat_queues(user):
    counts = selectors.secretariat_queue_counts()
    url = reverse("practices:manage")
    return [
        {"label": _("Practices waiting for reviewers"), "count": counts["to_assign"], "url": f"{url}?status=submitted"},
        {"label": _("Practices ready for a decision"), "count": counts["to_decide"], "url": url},
        {"label": _("Accepted practices to publish"), "count": counts["to_publish"], "url": f"{url}?status=accepted"},
    ]
