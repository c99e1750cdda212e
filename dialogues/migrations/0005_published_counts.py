"""Stored published counts on dialogues and consultations (dialogues/counters.py), filled for existing rows."""

from django.db import migrations, models

from dialogues.counters import recount_all


def fill_published_counts(apps, schema_editor):
    recount_all(apps.get_model("dialogues", "Dialogue").objects, apps.get_model("dialogues", "Consultation").objects,
                apps.get_model("dialogues", "Contribution").objects)


class Migration(migrations.Migration):

    dependencies = [
        ("dialogues", "0004_content_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="consultation",
            name="published_input_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="dialogue",
            name="published_contribution_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(fill_published_counts, migrations.RunPython.noop, elidable=True),
    ]
