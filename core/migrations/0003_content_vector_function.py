"""The SQL function computing the per-language search vector of rows without a stored vector (PostgreSQL only)."""

from django.db import migrations

from core.search_indexes import content_vector_function


class Migration(migrations.Migration):
    dependencies = [("core", "0002_pg_trgm")]
    operations = [content_vector_function()]
