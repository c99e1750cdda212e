"""CSV and JSON exports of the current filtered result of the public repository."""

from django.utils.translation import gettext_lazy as _

from .selectors import practice_list_rows

EXPORT_COLUMNS = [
    "id", "title", "summary", "submitted_by", "submitter_category", "countries", "global", "region",
    "objectives", "primary_objective", "principles", "themes", "language", "start_date", "end_date",
    "implementation_status", "published_at", "url",
]
HEADER_LABELS = [
    _("ID"), _("Title"), _("Summary"), _("Submitted by"), _("Submitter category"), _("Countries"), _("Global"),
    _("Region"), _("GCM objectives"), _("Primary objective"), _("Guiding principles"), _("Cross-cutting themes"),
    _("Language"), _("Start date"), _("End date"), _("Implementation status"), _("Published"), _("Web page"),
]


def export_rows(queryset, request, *, header=False):
    """Rows (lists of plain values) for the queryset, streamed in chunks with their relations prefetched."""
    if header:
        yield [str(label) for label in HEADER_LABELS]
    rows = practice_list_rows(queryset).prefetch_related("principles", "theme_rows")
    for p in rows.iterator(chunk_size=500):
        yield [
            p.pk, p.title, p.summary, p.submitter_label,
            str(_("Member States")) if p.member_state_id else (
                p.organization.get_category_display() if p.organization_id else ""),
            "; ".join(s.iso3 for s in p.countries.all()), p.is_global, p.region,
            "; ".join(str(o.number) for o in p.objectives.all()),
            p.primary_objective.number if p.primary_objective_id else "",
            "; ".join(x.slug for x in p.principles.all()), "; ".join(t.theme for t in p.theme_rows.all()),
            p.language, p.start_date.isoformat() if p.start_date else "",
            p.end_date.isoformat() if p.end_date else "", p.implementation_status,
            p.published_at.isoformat() if p.published_at else "", request.build_absolute_uri(p.get_absolute_url()),
        ]
