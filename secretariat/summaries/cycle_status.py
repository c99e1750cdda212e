"""Cycle status report: per region and sub-region, which States submitted, when, with which status and
extensions, with totals."""

from itertools import groupby

from django.utils.translation import gettext as _

from gcm.enums import Region
from reviews.enums import ExtensionStatus, PublicStatus
from reviews.selectors import cycle_status_rows

from . import base_context


def _totals(rows):
    return {
        "states": len(rows),
        "submitted": sum(1 for r in rows if r["status"] != PublicStatus.NOT_YET),
        "published": sum(1 for r in rows if r["status"] == PublicStatus.PUBLISHED),
        "extensions": sum(1 for r in rows if any(e.status == ExtensionStatus.GRANTED for e in r["extensions"])),
    }


def build(document):
    rows = cycle_status_rows(document.cycle)
    labels = dict(Region.choices)
    regions = []
    for region, region_rows in groupby(rows, key=lambda r: r["state"].region):
        region_rows = list(region_rows)
        subregions = [{"name": name, "rows": sub, "totals": _totals(sub)} for name, sub in _subregions(region_rows)]
        regions.append({"key": region, "label": labels.get(region, region), "subregions": subregions,
                        "totals": _totals(region_rows)})
    chapters = [("summary", _("Totals by region"))] + [(f"region-{r['key']}", r["label"]) for r in regions]
    return "secretariat/summaries/cycle_status.html", base_context(
        document, chapters, regions=regions, totals=_totals(rows))


def _subregions(rows):
    for name, group in groupby(rows, key=lambda r: r["state"].subregion):
        yield name, list(group)
