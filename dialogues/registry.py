"""What the dialogues app contributes to shared pages: home count, round-table and objective sections,
secretariat queues."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import queue

from .selectors import (
    consultations_for_round_table,
    contributions_for_objective,
    contributions_for_round_table,
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
            "items": list(dialogues_for_round_table(round_table)),
            "more_url": f"{reverse('dialogues:list')}?round_table={round_table.number}"}


def _section_if_any(title, template, items):
    """A hub section, or None (no section at all) when there is nothing to show."""
    return {"title": title, "template": f"dialogues/{template}", "items": items} if items else None


def round_table_consultations(round_table):
    return _section_if_any(_("Online consultations for this round table"), "_registry_consultations.html",
                           consultations_for_round_table(round_table))


def round_table_contributions(round_table):
    return _section_if_any(_("Contributions to the dialogues feeding this round table"),
                           "_registry_contributions.html", contributions_for_round_table(round_table))


def objective_section(objective):
    return _section_if_any(_("Migration dialogues on this objective"), "_registry_dialogues.html",
                           list(dialogues_for_objective(objective)))


def objective_contributions(objective):
    return _section_if_any(_("Contributions to the dialogues on this objective"), "_registry_contributions.html",
                           contributions_for_objective(objective))


def secretariat_queues(user):
    return [
        queue("contributions", _("Dialogue contributions awaiting moderation"), moderation_queue(), "created_at",
              reverse("dialogues:moderation")),
        queue("reports", _("Reported dialogue contributions"), contributions_with_open_reports(),
              "reports__created_at",
              reverse("dialogues:reports")),
    ]
