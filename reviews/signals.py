"""What the reviews app tells the apps above it (they connect; reviews imports none of them)."""

from django.dispatch import Signal

# Sent once the transaction commits, when a review enters or leaves the published state: `review_id`, `cycle_id`.
# The secretariat draws the compendium's changed parts ahead of the next request.
publication_changed = Signal()
