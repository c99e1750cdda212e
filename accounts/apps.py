from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from core.registry import register

        from .registry import home_stakeholders, secretariat_queues

        register("home", home_stakeholders)
        register("secretariat", secretariat_queues)
