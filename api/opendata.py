"""Bulk downloads: a dated ZIP of CSV files (UTF-8 with BOM, for spreadsheets) of everything the API publishes.
Rows come from the API's own querysets and serializers, so the files hold exactly what the API shows."""

import csv
import io
import re
import zipfile
from datetime import date
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import views

FOLDER = "open-data"
NAME = re.compile(r"^femi-open-data-(\d{4}-\d{2}-\d{2})\.zip$")

# file name → (viewset, [(column, description)]); a column is a key of the API record, lists joined with ";".
DATASETS = {
    "practices.csv": (views.PracticeViewSet, [
        ("id", _("Stable identifier of the practice (as in the API).")),
        ("title", _("Title.")), ("summary", _("Short summary.")), ("description", _("Full description (Markdown).")),
        ("language", _("Language the practice is written in.")),
        ("submitting_organization", _("Organization that submitted it, if any.")),
        ("submitting_state", _("ISO 3166 alpha-3 code of the submitting State, if any.")),
        ("countries", _("Countries of implementation (ISO alpha-3 codes).")),
        ("is_global", _("Whether the practice is global.")), ("region", _("UN region.")),
        ("objectives", _("GCM objective numbers.")), ("principles", _("Guiding principles applied (codes).")),
        ("themes", _("Cross-cutting themes (codes).")),
        ("implementation_status", _("How far it is implemented.")),
        ("start_date", _("Start date.")), ("end_date", _("End date.")), ("published_at", _("Publication time (UTC).")),
    ]),
    "pledges.csv": (views.PledgeViewSet, [
        ("id", _("Stable identifier of the pledge (as in the API).")), ("reference", _("Public reference.")),
        ("cycle", _("IMRF year.")), ("title", _("Title.")), ("narrative", _("Narrative.")),
        ("member_state", _("ISO alpha-3 code of the pledging State, if any.")),
        ("organization", _("Pledging organization, if any.")), ("types", _("Types of pledge (codes).")),
        ("scope", _("Scope.")), ("objectives", _("GCM objective numbers.")),
        ("countries", _("Countries concerned (ISO alpha-3 codes).")),
        ("amount", _("Amount of a financial pledge.")), ("currency", _("ISO 4217 currency code.")),
        ("to_mptf", _("Whether it goes to the Migration Multi-Partner Trust Fund.")),
        ("is_joint", _("Whether it is a joint pledge.")), ("partners", _("Partners who confirmed.")),
        ("progress_status", _("Latest published progress.")), ("is_inactive", _("No update for a year.")),
        ("published_at", _("Publication time (UTC).")),
    ]),
    "reviews.csv": (views.ReviewViewSet, [
        ("id", _("Stable identifier of the review (as in the API).")), ("cycle", _("IMRF year.")),
        ("member_state", _("ISO alpha-3 code of the State.")), ("language", _("Language of the submission.")),
        ("published_at", _("Publication time (UTC).")),
        ("stakeholders_consulted", _("Stakeholder categories consulted (codes).")),
        ("policy_environment", _("Policy environment.")),
        ("institutional_arrangements", _("Institutional arrangements.")),
        ("means_of_implementation", _("Means of implementation.")), ("partnerships", _("Partnerships.")),
        ("next_steps", _("Next steps and priorities.")),
        ("objectives", _("GCM objectives the State reports on (numbers); the answers are in review_entries.csv.")),
    ]),
    "dialogues.csv": (views.DialogueViewSet, [
        ("id", _("Stable identifier of the dialogue (as in the API).")), ("cycle", _("IMRF year.")),
        ("kind", _("Global dialogue or regional round table.")), ("title", _("Title.")),
        ("starts_at", _("Start (UTC).")), ("ends_at", _("End (UTC).")), ("region", _("UN region.")),
        ("round_tables", _("IMRF round tables it feeds (numbers).")), ("objectives", _("GCM objective numbers.")),
        ("recording_url", _("Link to the recording.")),
        ("published_contribution_count", _("Number of published contributions.")),
    ]),
    "contributions.csv": (views.ContributionViewSet, [
        ("id", _("Stable identifier of the contribution (as in the API).")),
        ("dialogue", _("Identifier of the dialogue.")), ("round_table", _("IMRF round table number, if any.")),
        ("author_name", _("Name shown publicly.")), ("text", _("Text.")), ("language", _("Language.")),
        ("published_at", _("Publication time (UTC).")),
    ]),
}


def _cell(value):
    if isinstance(value, list):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return value.get("name") or value.get("member_state") or (value.get("organization") or {}).get("name", "")
    return "" if value is None else str(value)


def _records(viewset):
    view = viewset()
    view.request = None
    view.format_kwarg = None
    queryset = view.get_queryset().order_by("pk")
    for chunk in batched(queryset.iterator(chunk_size=500), 500):
        view.relate(chunk)  # the relations the serializer shows, one query each per chunk
        for obj in chunk:
            record = viewset.serializer_class(obj).data
            if "entries" in record:
                record["objectives"] = [e["objective"] for e in record["entries"]]
            yield record


def batched(iterable, n):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, n)):
        yield chunk


def _csv(rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # BOM: spreadsheets then read the file as UTF-8
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


def _entries_rows():
    yield ["review", "cycle", "member_state", "objective", "progress", "challenges", "good_practices",
           "support_needed"]
    for record in _records(views.ReviewViewSet):
        for entry in record["entries"]:
            yield [record["id"], record["cycle"], record["member_state"], entry["objective"], entry["progress"],
                   entry["challenges"], entry["good_practices"], entry["support_needed"]]


ENTRY_COLUMNS = [
    ("review", _("Identifier of the review.")), ("cycle", _("IMRF year.")),
    ("member_state", _("ISO alpha-3 code of the State.")), ("objective", _("GCM objective number.")),
    ("progress", _("Progress.")), ("challenges", _("Challenges.")), ("good_practices", _("Good practices.")),
    ("support_needed", _("Support needed.")),
]


def data_dictionary():
    """[(file, [(column, description)])] for the open-data page."""
    files = [(name, columns) for name, (_viewset, columns) in DATASETS.items()]
    return files + [("review_entries.csv", ENTRY_COLUMNS)]


def folder():
    return Path(settings.MEDIA_ROOT) / FOLDER


def open_data_build(*, today=None, keep=None):
    """Write today's ZIP (replacing one of the same day: idempotent) and delete all but the newest `keep`."""
    today = today or date.today()
    target = folder()
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"femi-open-data-{today.isoformat()}.zip"
    partial = path.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, (viewset, columns) in DATASETS.items():
            keys = [key for key, _description in columns]
            rows = [keys] + [[_cell(record.get(key)) for key in keys] for record in _records(viewset)]
            archive.writestr(name, _csv(rows))
        archive.writestr("review_entries.csv", _csv(_entries_rows()))
    partial.replace(path)
    for old in available()[keep or settings.OPEN_DATA_KEEP:]:
        (target / old["name"]).unlink(missing_ok=True)
    return path


def available():
    """The ZIPs on disk, newest first: name, date, size."""
    if not folder().is_dir():
        return []
    found = []
    for path in folder().iterdir():
        match = NAME.match(path.name)
        if match:
            found.append({"name": path.name, "date": date.fromisoformat(match.group(1)),
                          "size": path.stat().st_size})
    return sorted(found, key=lambda item: item["date"], reverse=True)
