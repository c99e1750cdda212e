"""Load the GCM reference data: cycles, round tables, objectives, guiding principles, Member States."""

from django.db import migrations

from gcm.loading import load


class Migration(migrations.Migration):
    dependencies = [("gcm", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
