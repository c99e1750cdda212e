"""What the dialogues app contributes to shared pages: home count, round-table and objective sections,
secretariat queues."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import queue

from .selectors import (
    contributions_for_objective,
    contributions_with_open_reports,
    dialogue_count,
    dialogues_for_objective,
    dialogues_for_round_table,
    moderation_queue,
)


def home_dialogues(cycle):
    return {"key": "dialogues", "count": dialogue_count(cycle), "label": _("dialogues and regional round tables")}


def round_table_section(round_table):
    return {"title": _("Migration dialogues feeding this round table"),
            "template": "dialogues/_registry_dialogues.html",
            "items": list(dialogues_for_round_table(round_table))}


def objective_section(objective):
    items = list(dialogues_for_objective(objective))
    if not items:
        return None
    return {"title": _("Migration dialogues on this objective"), "template": "dialogues/_registry_dialogues.html",
            "items": items}


def objective_contributions(objective):
    items = contributions_for_objective(objective)
    if not items:
        return None
    return {"title": _("Contributions to the dialogues on this objective"),
            "template": "dialogues/_registry_contributions.html", "items": items}


def secretariat_queues(user):
    return [
        queue("contributions", _("Dialogue contributions awaiting moderation"), moderation_queue(), "created_at",
              reverse("dialogues:moderation")),
        queue("reports", _("Reported dialogue contributions"), contributions_with_open_reports(),
              "reports__created_at",
              reverse("dialogues:reports")),
    ]
