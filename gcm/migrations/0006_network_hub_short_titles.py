"""Reload the GCM reference data with the Spanish and French short titles of the objectives as the UN Network on
Migration's hub labels them (11 Spanish and 10 French ones had differed, e.g. es 11 "Gestión de fronteras" for
"Gestionar las fronteras", fr 12 "Contrôle, évaluation et orientation" for "Filtrage et orientation"; sources in
gcm/reference.py). `load` is idempotent: rows are updated in place; going back leaves them as they are."""

from django.db import migrations

from gcm.loading import load


class Migration(migrations.Migration):
    dependencies = [("gcm", "0005_arabic_objective_8")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
