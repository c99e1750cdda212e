"""Progress updates say which language their narrative is in; existing ones take their pledge's language."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def from_pledge(apps, schema_editor):
    Pledge = apps.get_model("pledges", "Pledge")
    ProgressUpdate = apps.get_model("pledges", "ProgressUpdate")
    language = Pledge.objects.filter(pk=OuterRef("pledge_id")).values("language")[:1]
    ProgressUpdate.objects.update(language=Subquery(language))


class Migration(migrations.Migration):

    dependencies = [
        ('pledges', '0005_content_search_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='progressupdate',
            name='language',
            field=models.CharField(choices=[('ar', 'Arabic'), ('zh', 'Chinese'), ('en', 'English'), ('fr', 'French'), ('ru', 'Russian'), ('es', 'Spanish')], default='en', max_length=5, verbose_name='language of the update'),
        ),
        migrations.RunPython(from_pledge, migrations.RunPython.noop),
    ]
