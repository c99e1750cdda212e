"""Reload the GCM reference data with the Arabic title of objective 8 as the UN Network on Migration quotes it from the
Compact ("…وبذل جهود دولية منسقة…", where the earlier text had "ووضع"). `load` is idempotent: rows are updated in
place; going back leaves them as they are."""

from django.db import migrations

from gcm.loading import load


class Migration(migrations.Migration):
    dependencies = [("gcm", "0004_verified_un_wording")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
