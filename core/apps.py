from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Shared infrastructure")

    def ready(self):
        from .audit import install_admin_audit

        install_admin_audit()
