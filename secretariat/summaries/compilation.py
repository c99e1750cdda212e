"""Round-table compilation: every published contribution feeding one round table's background note (from the
migration dialogues linked to it), by dialogue, then the inputs to its online consultation, by objective.

At design size a round table gathers some 36,000 contributions (over 5,000 pages), far more than a page can draw
while its reader waits: it is a summary document, built in the background in parts (secretariat.summaries.book).
A part is a run of at most PART_CONTRIBUTIONS contributions of one dialogue (or of the consultation inputs): new
contributions go to the end of their dialogue, so a rebuild draws again the last part of each dialogue that grew
and reuses the others.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from dialogues.selectors import consultation_inputs_for_compilation, round_table_compilation

from . import base_context, book

TEMPLATE = "secretariat/summaries/round_table_compilation.html"
PART_TEMPLATE = "secretariat/summaries/round_table_compilation_part.html"
PART_CONTRIBUTIONS = 250  # about 35 pages


def build(document):
    contributions = list(round_table_compilation(round_table=document.round_table, cycle=document.cycle))
    inputs = list(consultation_inputs_for_compilation(round_table=document.round_table, cycle=document.cycle))
    dialogues = {}
    for contribution in contributions:
        dialogues.setdefault(contribution.dialogue_id, (contribution.dialogue, []))[1].append(contribution)
    chapters = [(f"dialogue-{pk}", str(dialogue.title)) for pk, (dialogue, _rows) in dialogues.items()]
    if inputs:
        chapters.append(("consultation-inputs", _("Inputs to the round-table consultation")))
    context = base_context(document, chapters, round_table=document.round_table, dialogues=list(dialogues.values()),
                           inputs=inputs, total=len(contributions))
    return TEMPLATE, context


def render(document):
    """The compilation's PDF bytes, built in parts; call in the document's language. None when nothing is
    published for the round table (the caller renders the one-page template as usual)."""
    _template, context = build(document)
    if not context["dialogues"] and not context["inputs"]:
        return None
    folder = f"summaries/compilation-parts/{document.cycle_id}/{document.round_table_id}/{document.language}"
    return book.render(document, context, _parts(context), template=TEMPLATE, folder=folder)


def _parts(context):
    """One part per run of PART_CONTRIBUTIONS contributions of a dialogue, then of the consultation inputs."""
    parts = []
    for dialogue, rows in context["dialogues"]:
        for start in range(0, len(rows), PART_CONTRIBUTIONS):
            parts.append(_part(context, dialogue=dialogue, opens=start == 0,
                               contributions=rows[start:start + PART_CONTRIBUTIONS]))
    inputs = context["inputs"]
    for start in range(0, len(inputs), PART_CONTRIBUTIONS):
        parts.append(_part(context, opens=start == 0, inputs=inputs[start:start + PART_CONTRIBUTIONS]))
    return parts


def _part(context, **part):
    return render_to_string(PART_TEMPLATE, {**context, **part, "stamped": True})
