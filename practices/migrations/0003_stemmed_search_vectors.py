"""Rebuild stored search vectors with the stemmed forms added to practices.services.practice_refresh_search."""

from django.db import migrations


def rebuild(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from practices.services import practice_refresh_search

    Practice = apps.get_model("practices", "Practice")
    for pk in Practice.objects.exclude(search_vector=None).values_list("pk", flat=True).iterator():
        practice_refresh_search(pk)


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_search_index")]
    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
