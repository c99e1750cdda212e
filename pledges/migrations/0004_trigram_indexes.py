"""Trigram indexes on the searched text of pledges (PostgreSQL only; see core.search_indexes)."""

from django.db import migrations

from core.search_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("pledges", "0003_content_language"), ("core", "0002_pg_trgm")]
    operations = [trigram_indexes("pledges_pledge", ["title", "narrative"])]
