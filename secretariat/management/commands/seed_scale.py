"""Load data at the scale the portal is designed for, for benchmarks (not for production databases).

    manage.py seed_scale --practices 50000 --pledges 50000 --contributions 200000 --users 20000

The defaults are small, for CI. Rows are added on top of what exists (reference data must be loaded: migrate).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from gcm.models import Cycle
from secretariat.scale import Sizes, seed_scale


class Command(BaseCommand):
    help = "Add practices, pledges, dialogue contributions, users and 193 reviews in bulk, for benchmarks."

    def add_arguments(self, parser):
        defaults = Sizes()
        for name in ("practices", "pledges", "contributions", "users"):
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
        parser.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same text)")

    def handle(self, *args, **options):
        sizes = Sizes(**{k: options[k] for k in ("practices", "pledges", "contributions", "users")})
        if min(sizes.practices, sizes.pledges, sizes.contributions) < 0 or sizes.users < 1:
            raise CommandError("Sizes must be positive (at least one user).")
        if Cycle.objects.active() is None:
            raise CommandError("No IMRF cycle: run `manage.py migrate` first (it loads the reference data).")
        started = time.monotonic()
        counts = seed_scale(sizes=sizes, progress=self._progress, seed=options["seed"])
        self.stderr.write("")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Fresh planner statistics (bulk loads leave them stale) and the visibility map (so counts over an
                # index are index-only scans, as on a database that autovacuum has visited). Outside a transaction.
                cursor.execute("VACUUM (ANALYZE)" if connection.get_autocommit() else "ANALYZE")
        for label, n in counts.items():
            self.stdout.write(f"{label:>26}: {n}")
        self.stdout.write(self.style.SUCCESS(f"Scale data loaded in {time.monotonic() - started:.0f} s."))

    def _progress(self, label, done, total):
        """A one-line progress bar on stderr (rewritten in place; plain lines when not a terminal)."""
        width = 30
        filled = width * done // total if total else width
        line = f"{label:>26} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if self.stderr.isatty():
            self.stderr.write("\r" + line, ending="")
        elif done == total:
            self.stderr.write(line)
        self.stderr.flush()
