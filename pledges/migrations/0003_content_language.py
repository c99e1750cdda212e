"""Pledges say which language their title and narrative are in; existing pledges take their author's language."""

from django.db import migrations, models

# The author's UI language as a content language: "zh-hans" → "zh", anything else unknown → English.
CONTENT = {"ar": "ar", "zh-hans": "zh", "zh": "zh", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


def from_author(apps, schema_editor):
    Pledge = apps.get_model("pledges", "Pledge")
    by_language = {}
    for pk, preferred in Pledge.objects.values_list("pk", "created_by__preferred_language").iterator():
        by_language.setdefault(CONTENT.get((preferred or "").lower(), "en"), []).append(pk)
    for language, ids in by_language.items():
        if language != "en":
            for start in range(0, len(ids), 500):
                Pledge.objects.filter(pk__in=ids[start:start + 500]).update(language=language)


class Migration(migrations.Migration):

    dependencies = [
        ('pledges', '0002_public_order_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='pledge',
            name='language',
            field=models.CharField(choices=[('ar', 'Arabic'), ('zh', 'Chinese'), ('en', 'English'), ('fr', 'French'), ('ru', 'Russian'), ('es', 'Spanish')], default='en', help_text='The language the title and narrative are written in.', max_length=5, verbose_name='language of the pledge'),
        ),
        migrations.RunPython(from_author, migrations.RunPython.noop),
    ]
