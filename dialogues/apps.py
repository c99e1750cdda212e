from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogues")

    def ready(self):
        from core.registry import register

        from .registry import (
            home_dialogues,
            objective_contributions,
            objective_section,
            round_table_consultations,
            round_table_contributions,
            round_table_section,
            secretariat_queues,
        )

        register("home", home_dialogues)
        register("round_table", round_table_section)
        register("round_table", round_table_consultations)
        register("round_table", round_table_contributions)
        register("objective", objective_section)
        register("objective", objective_contributions)
        register("secretariat", secretariat_queues)
