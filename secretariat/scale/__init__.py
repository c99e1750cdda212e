"""Seed the database at the scale the portal is designed for (DESIGN §5), for benchmarks.

Lives in secretariat because it is the one app that may read and write every domain app (the cross-app console);
core stays domain-free and each domain app stays ignorant of the others. Rows are written with bulk_create in
batches, so 50,000 practices, 50,000 pledges, 200,000 contributions and 20,000 users load in minutes on
PostgreSQL. Every derived field is filled the way the services fill it: the practices' search vectors by the
same helper as practice_publish, pledge references by the same formatter as pledge_publish, is_joint and the
pledge progress fields from the rows they summarise.
"""

import random
from dataclasses import dataclass

from .seeders import seed_all


@dataclass(frozen=True)
class Sizes:
    practices: int = 200
    pledges: int = 200
    contributions: int = 500
    users: int = 300


def seed_scale(*, sizes, progress, seed=2026):
    """Add `sizes` rows to the database (on top of what exists); `progress(label, done, total)` reports."""
    return seed_all(sizes=sizes, rng=random.Random(seed), progress=progress)


__all__ = ["Sizes", "seed_scale"]
