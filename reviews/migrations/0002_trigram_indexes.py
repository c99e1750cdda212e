"""Trigram indexes on the answers the site-wide search reads (PostgreSQL only; see core.search_indexes)."""

from django.db import migrations

from core.search_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial"), ("core", "0002_pg_trgm")]
    operations = [trigram_indexes("reviews_review", [
        "policy_environment", "institutional_arrangements", "consultation_process", "principles_narrative",
        "means_of_implementation", "partnerships", "next_steps",
    ])]
