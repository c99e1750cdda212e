"""Load demo data: idempotent, run by `make run`.

Each app may have a `demo` module with `seed(stdout)`; they run in INSTALLED_APPS order (accounts before the
domain apps). Demo accounts and their shared password are printed only when DEBUG is on.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create or refresh the demo data (idempotent)."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            ours = str(config.path).startswith(str(settings.BASE_DIR)) and ".venv" not in str(config.path)
            if ours and find_spec(module_name) is not None:
                with transaction.atomic():
                    import_module(module_name).seed(self.stdout)
        if settings.DEBUG:
            from accounts.demo import print_accounts

            print_accounts(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
