from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Pledges")

    def ready(self):
        from core.public_changes import watch
        from core.registry import register

        from .enums import PartnerStatus, PledgeStatus, UpdateStatus
        from .models import Pledge, PledgePartner, ProgressUpdate
        from .registry import home_pledges, objective_pledges, round_table_pledges, secretariat_queues

        watch(Pledge, ["status"], lambda row: row["status"] == PledgeStatus.PUBLISHED)
        watch(PledgePartner, ["status"], lambda row: row["status"] == PartnerStatus.CONFIRMED)
        watch(ProgressUpdate, ["status"], lambda row: row["status"] == UpdateStatus.PUBLISHED)
        register("home", home_pledges)
        register("objective", objective_pledges)
        register("round_table", round_table_pledges)
        register("secretariat", secretariat_queues)
