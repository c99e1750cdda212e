from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Pledges")

    def ready(self):
        from core.registry import register

        from .registry import home_pledges, objective_pledges, round_table_pledges, secretariat_queues

        register("home", home_pledges)
        register("objective", objective_pledges)
        register("round_table", round_table_pledges)
        register("secretariat", secretariat_queues)
