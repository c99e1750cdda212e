"""Reload the GCM reference data with its Arabic, Chinese and Russian titles (objectives, principles, round tables,
key documents). `load` is idempotent: rows are updated in place."""

from django.db import migrations

from gcm.loading import load


class Migration(migrations.Migration):
    dependencies = [("gcm", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
