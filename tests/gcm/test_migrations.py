"""The wording-correction data migrations update rows that an existing install already has."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from gcm.models import Objective

pytestmark = pytest.mark.django_db

OLD_AR_8 = "إنقاذ الأرواح ووضع جهود دولية منسقة بشأن المهاجرين المفقودين"
NEW_AR_8 = "إنقاذ الأرواح وبذل جهود دولية منسقة بشأن المهاجرين المفقودين"


def _run_forwards(name, *, after):
    """Run the data migration `name` of gcm on the current rows, with the historical models it is written against."""
    loader = MigrationLoader(connection)
    apps = loader.project_state(("gcm", after)).apps
    for operation in loader.get_migration("gcm", name).operations:
        operation.code(apps, None)


def test_migration_0005_gives_an_existing_objective_8_its_arabic_un_wording():
    objective = Objective.objects.get(number=8)
    others = {lang: text for lang, text in objective.titles.items() if lang != "ar"}
    objective.titles = {**objective.titles, "ar": OLD_AR_8}  # the row as migration 0004 left it
    objective.save(update_fields=["titles"])

    _run_forwards("0005_arabic_objective_8", after="0004_verified_un_wording")

    objective.refresh_from_db()
    assert objective.titles["ar"] == NEW_AR_8
    assert {lang: text for lang, text in objective.titles.items() if lang != "ar"} == others
