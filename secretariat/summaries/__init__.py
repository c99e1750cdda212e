"""The four secretariat summary documents built on the shared mechanism (SummaryDocument + build task):
cycle status report, compendium of published reviews, practice repository digest, pledge campaign summary.

Each builder takes the document and returns (template name, context); the caller renders it in the
requester's language. Builders read only through the other apps' selectors.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import SummaryKind


def base_context(document, chapters, **extra):
    """What every summary PDF shows: title, cycle, date of the data, table of contents entries."""
    return {"document": document, "cycle": document.cycle, "title": document.get_kind_display(),
            "generated_at": timezone.now(), "chapters": chapters,
            "requested_by": document.requested_by, "organisation": _("UN Network on Migration"), **extra}


def builders():
    """{kind: build(document) -> (template, context)}."""
    from . import campaign, compendium, compilation, cycle_status, digest

    return {
        SummaryKind.COMPILATION: compilation.build,
        SummaryKind.CYCLE_STATUS: cycle_status.build,
        SummaryKind.COMPENDIUM: compendium.build,
        SummaryKind.PRACTICE_DIGEST: digest.build,
        SummaryKind.PLEDGE_CAMPAIGN: campaign.build,
    }


def renderers():
    """{kind: render(document) -> PDF bytes or None}: the summaries that draw their PDF themselves (in parts)."""
    from . import compendium, compilation

    return {SummaryKind.COMPENDIUM: compendium.render, SummaryKind.COMPILATION: compilation.render}
