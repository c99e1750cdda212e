"""The questionnaire's structure: which fields each section holds and which must be answered to submit.

Pure functions over a loaded review (its entries prefetched or not): no writes.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from .enums import REQUIRED_SECTIONS, Section
from .models import Review

# Review fields saved by each section's form (the objectives and attachments sections save their own rows).
SECTION_FIELDS = {
    Section.CONTACT: ["language", "contact_name", "contact_email", "contact_position", "government_bodies",
                      "stakeholders_consulted", "consultation_process"],
    Section.POLICY: ["policy_environment", "institutional_arrangements"],
    Section.PRINCIPLES: ["principles_narrative"],
    Section.MEANS: ["means_of_implementation", "partnerships"],
    Section.NEXT_STEPS: ["next_steps"],
}
# Many-to-many fields saved by a section's form.
SECTION_M2M = {Section.PRINCIPLES: ["principles"]}

REQUIRED_FIELDS = {
    Section.CONTACT: ["language", "contact_name", "contact_email", "government_bodies", "stakeholders_consulted",
                      "consultation_process"],
    Section.POLICY: ["policy_environment"],
    Section.PRINCIPLES: ["principles_narrative"],
    Section.MEANS: ["means_of_implementation"],
    Section.NEXT_STEPS: ["next_steps"],
}


@dataclass(frozen=True)
class Gap:
    """One missing item, with the section it belongs to and a link to the field."""

    section: str
    section_label: str
    message: str
    url: str


def section_url(review, section):
    if section == Section.OBJECTIVES:
        return reverse("reviews:objectives", args=[review.pk])
    if section == Section.ATTACHMENTS:
        return reverse("reviews:attachments", args=[review.pk])
    return reverse("reviews:section", args=[review.pk, section])


def _field_label(name):
    return str(Review._meta.get_field(name).verbose_name)


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, list | tuple)
                                                                                 and not value)


def section_gaps(review, section, entries):
    """Missing items of one section of `review`; `entries` are its objective entries."""
    section = Section(section)
    url = section_url(review, section)
    label = str(section.label)
    if section == Section.OBJECTIVES:
        if not entries:
            return [Gap(section, label, _("Report on at least one GCM objective."), url)]
        return [
            Gap(section, label,
                _("Objective %(number)s: describe the progress made.") % {"number": entry.objective.number},
                reverse("reviews:entry", args=[review.pk, entry.objective.number]) + "#id_progress")
            for entry in entries if _is_blank(entry.progress)
        ]
    return [
        Gap(section, label, _("%(field)s is missing.") % {"field": _field_label(name).capitalize()},
            f"{url}#id_{name}")
        for name in REQUIRED_FIELDS.get(section, []) if _is_blank(getattr(review, name))
    ]


def review_gaps(review, entries=None):
    """Every missing item of `review`, in questionnaire order."""
    entries = list(review.entries.select_related("objective")) if entries is None else entries
    return [gap for section in REQUIRED_SECTIONS for gap in section_gaps(review, section, entries)]


def section_progress(review, entries=None, attachments_count=0):
    """Per section: label, url, whether complete (or optional); plus the share of required sections done."""
    entries = list(review.entries.select_related("objective")) if entries is None else entries
    rows = []
    for section in Section:
        required = section in REQUIRED_SECTIONS
        complete = not section_gaps(review, section, entries) if required else attachments_count > 0
        rows.append({"section": section.value, "label": section.label, "url": section_url(review, section),
                     "required": required, "complete": complete})
    done = sum(1 for row in rows if row["required"] and row["complete"])
    return rows, done, len(REQUIRED_SECTIONS)
