"""The wording-correction data migrations update rows that an existing install already has."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from gcm.models import Objective

pytestmark = pytest.mark.django_db

OLD_AR_8 = "إنقاذ الأرواح ووضع جهود دولية منسقة بشأن المهاجرين المفقودين"
NEW_AR_8 = "إنقاذ الأرواح وبذل جهود دولية منسقة بشأن المهاجرين المفقودين"

# objective: (short title before 0006, the Network hub's label), Spanish and French
HUB_SHORT_TITLES = {
    "es": {
        2: ("Minimizar los factores adversos", "Minimizar factores adversos"),
        3: ("Suministro de información", "Proporcionar información"),
        7: ("Reducir las vulnerabilidades", "Reducir vulnerabilidades"),
        9: ("Combatir el tráfico ilícito", "Combatir el tráfico de migrantes"),
        10: ("Erradicar la trata", "Erradicar la trata de personas"),
        11: ("Gestionar las fronteras", "Gestión de fronteras"),
        12: ("Verificación y derivación", "Verificación de antecedentes y derivación"),
        15: ("Acceso a servicios básicos", "Acceso a los servicios básicos"),
        18: ("Desarrollo y reconocimiento de aptitudes", "Desarrollo y reconocimiento de competencias"),
        19: ("Contribuciones de migrantes y diásporas", "Contribución de migrantes y diásporas"),
        21: ("Regreso digno y reintegración", "Retorno y reintegración dignos"),
    },
    "fr": {
        2: ("Réduire les facteurs négatifs", "Lutter contre les facteurs négatifs"),
        3: ("Information", "Fourniture d’informations"),
        9: ("Lutter contre le trafic", "Combattre le trafic de migrants"),
        10: ("Éliminer la traite", "Éradiquer la traite de personnes"),
        12: ("Filtrage et orientation", "Contrôle, évaluation et orientation"),
        13: ("Solutions de rechange à la rétention", "Alternatives à la rétention"),
        17: ("Éliminer la discrimination", "Éliminer les discriminations"),
        18: ("Compétences et reconnaissance", "Perfectionnement et reconnaissance des qualifications"),
        19: ("Contributions des migrants et des diasporas", "Contributions des migrants et diaspora"),
        21: ("Retour dans la dignité et réintégration", "Retour digne et réintégration durable"),
    },
}


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


def test_migration_0006_gives_existing_objectives_the_network_hubs_spanish_and_french_short_titles():
    numbers = sorted({n for changes in HUB_SHORT_TITLES.values() for n in changes})
    before = {}
    for objective in Objective.objects.filter(number__in=numbers):  # the rows as migration 0005 left them
        old = {lang: changes[objective.number][0] for lang, changes in HUB_SHORT_TITLES.items()
               if objective.number in changes}
        objective.short_titles = {**objective.short_titles, **old}
        objective.save(update_fields=["short_titles"])
        before[objective.number] = (objective.short_titles, objective.titles)
    assert sorted(before) == numbers

    _run_forwards("0006_network_hub_short_titles", after="0005_arabic_objective_8")

    for objective in Objective.objects.filter(number__in=numbers):
        old_short, old_titles = before[objective.number]
        new = {lang: changes[objective.number][1] for lang, changes in HUB_SHORT_TITLES.items()
               if objective.number in changes}
        assert objective.short_titles == {**old_short, **new}  # only the es/fr labels changed
        assert objective.titles == old_titles
