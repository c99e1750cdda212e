from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")

    def ready(self):
        from core.public_changes import watch
        from core.registry import register

        from . import registry, tasks  # noqa: F401 - tasks registers the Celery task
        from .enums import PracticeStatus
        from .models import Practice

        watch(Practice, ["status"], lambda row: row["status"] == PracticeStatus.PUBLISHED)
        register("home", registry.home_stat)
        register("objective", registry.objective_section)
        register("round_table", registry.round_table_section)
        register("secretariat", registry.secretariat_queues)
