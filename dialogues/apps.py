from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogues")

    def ready(self):
        from django.db.models.signals import post_delete

        from core.public_changes import watch
        from core.registry import register

        from .enums import ContributionStatus
        from .models import Consultation, Contribution, Dialogue, Material, Recording
        from .registry import (
            home_dialogues,
            objective_contributions,
            objective_section,
            round_table_consultations,
            round_table_contributions,
            round_table_section,
            secretariat_queues,
        )
        from .services import recount_after_delete

        for model in (Dialogue, Recording, Material, Consultation):  # all public
            watch(model, [], lambda row: True)
        watch(Contribution, ["status"], lambda row: row["status"] == ContributionStatus.PUBLISHED)
        register("home", home_dialogues)
        register("round_table", round_table_section)
        register("round_table", round_table_consultations)
        register("round_table", round_table_contributions)
        register("objective", objective_section)
        register("objective", objective_contributions)
        register("secretariat", secretariat_queues)
        post_delete.connect(recount_after_delete, sender=Contribution, dispatch_uid="dialogues-recount-on-delete")
