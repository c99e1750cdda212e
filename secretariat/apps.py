from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecretariatConfig(AppConfig):
    name = "secretariat"
    verbose_name = _("Secretariat")

    def ready(self):
        from reviews.signals import publication_changed

        from .services import compendium_draw_ahead_soon

        publication_changed.connect(compendium_draw_ahead_soon, dispatch_uid="secretariat-compendium-draw-ahead")
