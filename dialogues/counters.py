"""The stored published counts of dialogues (contributions) and consultations (inputs).

Public pages and the open-data API show how many contributions each dialogue has published; counting ~22,000 rows
per dialogue on every request cost about a second at design size. The services keep the figure on the row instead,
recomputed from the contributions in the transaction that publishes or removes one. Recomputing (rather than adding
or subtracting one) keeps the figure exact whatever happened before, and the (dialogue, status, created_at) and
(consultation, status, created_at) indexes make it a short index scan.

The functions take the models as arguments so the data migration can pass its historical models.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

PUBLISHED = "published"  # ContributionStatus.PUBLISHED; a literal so the migration does not import the enum
FIELDS = {"dialogue": "published_contribution_count", "consultation": "published_input_count"}


def published_count_expression(contributions, place):
    """The number of published contributions of the row being updated, where `place` is "dialogue" or
    "consultation" (the contribution's foreign key)."""
    counts = (contributions.filter(**{place: OuterRef("pk")}, status=PUBLISHED).order_by()
              .values(place).annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def recount(places, contributions, place):
    """Recompute the stored count of every row of `places` (a Dialogue or Consultation queryset) from
    `contributions` (the Contribution manager) in one UPDATE; returns the number of rows updated."""
    return places.update(**{FIELDS[place]: published_count_expression(contributions, place)})


def recount_all(dialogues, consultations, contributions):
    """Fill every stored count (the data migration, the scale and demo seeds)."""
    recount(dialogues.all(), contributions, "dialogue")
    recount(consultations.all(), contributions, "consultation")
