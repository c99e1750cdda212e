"""The pg_trgm extension, for the trigram indexes behind the Chinese (substring) search. No-op on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [TrigramExtension()]
