"""Trigram indexes on the searched text of practices (PostgreSQL only; see core.search_indexes)."""

from django.db import migrations

from core.search_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("practices", "0003_stemmed_search_vectors"), ("core", "0002_pg_trgm")]
    operations = [trigram_indexes("practices_practice", ["title", "summary", "description", "results"])]
