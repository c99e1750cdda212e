"""Reload the GCM reference data with the Chinese guiding principles and key-document titles of General Assembly
resolution 76/266 and the Russian objective titles checked against the Compact's text (objectives 1, 2, 16, 17, 23).
`load` is idempotent: rows are updated in place."""

from django.db import migrations

from gcm.loading import load


class Migration(migrations.Migration):
    dependencies = [("gcm", "0003_six_language_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
