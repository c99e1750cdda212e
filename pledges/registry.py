"""What the pledges app contributes to shared pages: home counts, objective and round-table sections, and the
secretariat's queues."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import queue

from .selectors import (
    moderation_queue,
    mptf_count,
    pledge_type_counts_for_objective,
    pledge_type_counts_for_round_table,
    pledges_for_objective,
    pledges_for_round_table,
    published_count,
    updates_to_moderate,
)


def home_pledges(cycle):
    return [
        {"key": "pledges", "count": published_count(cycle), "label": _("published pledges")},
        {"key": "mptf", "count": mptf_count(cycle), "label": _("financial pledges to the Migration MPTF")},
    ]


def objective_pledges(objective):
    return {"title": _("Pledges for this objective"), "template": "pledges/_section_pledges.html",
            "items": {"pledges": pledges_for_objective(objective),
                      "type_counts": pledge_type_counts_for_objective(objective),
                      "more_url": f"{reverse('pledges:list')}?objective={objective.number}"}}


def round_table_pledges(round_table):
    return {"title": _("Pledges for this round table"), "template": "pledges/_section_pledges.html",
            "items": {"pledges": pledges_for_round_table(round_table),
                      "type_counts": pledge_type_counts_for_round_table(round_table),
                      "more_url": f"{reverse('pledges:list')}?round_table={round_table.number}"}}


def secretariat_queues(user):
    url = reverse("pledges:moderate")
    return [
        queue("pledges", _("Pledges awaiting moderation"), moderation_queue(), "submitted_at", url),
        queue("progress_updates", _("Pledge progress updates awaiting moderation"), updates_to_moderate(),
              "created_at", url),
    ]
