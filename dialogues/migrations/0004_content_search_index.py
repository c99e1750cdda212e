"""Full-text GIN indexes on dialogues and contributions, each stemmed in its language (PostgreSQL only)."""

from django.db import migrations

from core.search_indexes import content_vector_index


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0003_trigram_indexes"), ("core", "0003_content_vector_function")]
    operations = [
        content_vector_index("dialogues.Dialogue", ["title", "description"]),
        content_vector_index("dialogues.Contribution", ["text"]),
    ]
