"""Benchmark settings: production settings (set DJANGO_ENV=production) with the benchmark URLconf."""

from femi_portal.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
