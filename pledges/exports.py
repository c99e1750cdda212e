"""CSV and JSON exports of the filtered public list: one row per pledge, confirmed partners only."""

from django.conf import settings

_FIELDS = [
    "reference", "title", "cycle", "pledger", "pledger_kind", "stakeholder_category", "region", "types", "scope",
    "objectives", "principles", "countries", "joint", "partners", "start_date", "target_date", "amount",
    "currency", "to_mptf", "matches", "progress", "published_at", "url",
]


def pledge_row(pledge):
    return {
        "reference": pledge.reference,
        "title": pledge.title,
        "cycle": pledge.cycle.year,
        "pledger": pledge.pledger_name,
        "pledger_kind": "member_state" if pledge.member_state_id else "organization",
        "stakeholder_category": pledge.organization.category if pledge.organization_id else "member_state",
        "region": pledge.region,
        "types": list(pledge.types),
        "scope": pledge.scope,
        "objectives": [o.number for o in pledge.objectives.all()],
        "principles": [p.slug for p in pledge.principles.all()],
        "countries": [c.iso3 for c in pledge.countries.all()],
        "joint": pledge.is_joint,
        "partners": [p.name for p in pledge.confirmed_partners],
        "start_date": pledge.start_date.isoformat() if pledge.start_date else None,
        "target_date": pledge.target_date.isoformat() if pledge.target_date else None,
        "amount": str(pledge.amount) if pledge.amount is not None else None,
        "currency": pledge.currency or None,
        "to_mptf": pledge.to_mptf,
        "matches": pledge.matches.reference if pledge.matches_id else None,
        "progress": "inactive" if pledge.is_inactive else pledge.progress_status,
        "published_at": pledge.published_at.isoformat() if pledge.published_at else None,
        "url": f"{settings.SITE_URL}{pledge.get_absolute_url()}",
    }


def rows(queryset):
    """The export records, read in chunks with their relations prefetched (never the whole set in memory)."""
    return (pledge_row(p) for p in queryset.iterator(chunk_size=500))


def csv_rows(queryset):
    """The header, then one list per pledge (lists joined with "; ")."""
    yield _FIELDS
    for row in rows(queryset):
        yield ["; ".join(map(str, v)) if isinstance(v, list) else v for v in (row[k] for k in _FIELDS)]
