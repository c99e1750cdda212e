from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Voluntary reviews")

    def ready(self):
        from core.public_changes import watch
        from core.registry import register

        from .enums import NOT_SUBMITTED, ReviewStatus
        from .models import Review
        from .registry import home_reviews, objective_entries, round_table_entries, secretariat_queues

        # The public pages show a review once submitted (its status) and its answers once published.
        watch(Review, ["status"], lambda row: row["status"] not in NOT_SUBMITTED | {ReviewStatus.WITHDRAWN})
        register("home", home_reviews)
        register("objective", objective_entries)
        register("round_table", round_table_entries)
        register("secretariat", secretariat_queues)
