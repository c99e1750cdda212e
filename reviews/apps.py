from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Voluntary reviews")

    def ready(self):
        from core.registry import register

        from .registry import home_reviews, objective_entries, round_table_entries, secretariat_queues

        register("home", home_reviews)
        register("objective", objective_entries)
        register("round_table", round_table_entries)
        register("secretariat", secretariat_queues)
