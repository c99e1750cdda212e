"""Trigram indexes on the searched text of dialogues and contributions (PostgreSQL only; see core.search_indexes)."""

from django.db import migrations

from core.search_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0002_waiting_list_calendar_recordings_consultations"), ("core", "0002_pg_trgm")]
    operations = [
        trigram_indexes("dialogues_dialogue", ["title", "description"]),
        trigram_indexes("dialogues_contribution", ["text"]),
    ]
