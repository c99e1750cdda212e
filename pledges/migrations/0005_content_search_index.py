"""Full-text GIN index on the title and narrative of pledges, each stemmed in its language (PostgreSQL only)."""

from django.db import migrations

from core.search_indexes import content_vector_index


class Migration(migrations.Migration):
    dependencies = [("pledges", "0004_trigram_indexes"), ("core", "0003_content_vector_function")]
    operations = [content_vector_index("pledges.Pledge", ["title", "narrative"])]
