import pytest
from django.urls import reverse
from django.utils import translation

from gcm.enums import RegionalCommission
from gcm.models import Cycle, MemberState, Objective, Principle, RoundTable

pytestmark = pytest.mark.django_db


def test_reference_data_has_23_objectives_10_principles_4_round_tables():
    assert Objective.objects.count() == 23
    assert Principle.objects.count() == 10
    assert list(RoundTable.objects.values_list("number", flat=True)) == [1, 2, 3, 4]


def test_every_objective_belongs_to_the_round_table_of_the_design():
    expected = {1: [2, 5, 6, 12, 18], 2: [4, 8, 9, 10, 11, 13, 21], 3: [14, 15, 16, 19, 20, 22],
                4: [1, 3, 7, 17, 23]}
    for number, objectives in expected.items():
        table = RoundTable.objects.get(number=number)
        assert sorted(table.objectives.values_list("number", flat=True)) == objectives


def test_member_states_are_193_members_plus_two_observers():
    assert MemberState.objects.members().count() == 193
    assert set(MemberState.objects.exclude(status="member").values_list("iso3", flat=True)) == {"VAT", "PSE"}
    assert set(MemberState.objects.values_list("regional_commission", flat=True)) == set(RegionalCommission.values)


def test_names_and_titles_are_translated():
    col, obj = MemberState.objects.get(iso3="DEU"), Objective.objects.get(number=20)
    with translation.override("fr"):
        assert col.name == "Allemagne"
        assert obj.short_title == "Envois de fonds"
    with translation.override("es"):
        assert col.name == "Alemania"
        assert obj.title.startswith("Promover transferencias de remesas")


# The labels of the "GCM objective" filter of the UN Network on Migration's hub (https://migrationnetwork.un.org/hub,
# /fr/hub, /es/hub), objectives 1 to 23, as read in December 2026.
HUB_LABELS = {
    "en": ["Data", "Minimize adverse drivers", "Information provision", "Legal identity and documentation",
           "Regular pathways", "Recruitment and decent work", "Reduce vulnerabilities", "Save lives",
           "Counter smuggling", "Eradicate trafficking", "Manage borders", "Screening and referral",
           "Alternatives to detention", "Consular protection", "Access to basic services",
           "Inclusion and social cohesion", "Eliminate discrimination", "Skills development and recognition",
           "Migrant and diaspora contributions", "Remittances", "Dignified return and reintegration",
           "Social protection", "International cooperation"],
    "fr": ["Données", "Lutter contre les facteurs négatifs", "Fourniture d’informations", "Identité légale et papiers",
           "Filières de migration régulière", "Recrutement et travail décent", "Réduire la vulnérabilité",
           "Sauver des vies", "Combattre le trafic de migrants", "Éradiquer la traite de personnes",
           "Gérer les frontières", "Contrôle, évaluation et orientation", "Alternatives à la rétention",
           "Protection consulaire", "Accès aux services de base", "Intégration et cohésion sociale",
           "Éliminer les discriminations", "Perfectionnement et reconnaissance des qualifications",
           "Contributions des migrants et diaspora", "Envois de fonds", "Retour digne et réintégration durable",
           "Protection sociale", "Coopération internationale"],
    "es": ["Datos", "Minimizar factores adversos", "Proporcionar información", "Identidad jurídica y documentación",
           "Vías de migración regular", "Contratación y trabajo decente", "Reducir vulnerabilidades", "Salvar vidas",
           "Combatir el tráfico de migrantes", "Erradicar la trata de personas", "Gestión de fronteras",
           "Verificación de antecedentes y derivación", "Alternativas a la detención", "Protección consular",
           "Acceso a los servicios básicos", "Inclusión y cohesión social", "Eliminar la discriminación",
           "Desarrollo y reconocimiento de competencias", "Contribución de migrantes y diásporas", "Remesas",
           "Retorno y reintegración dignos", "Protección social", "Cooperación internacional"],
}


@pytest.mark.parametrize("language", sorted(HUB_LABELS))
def test_objective_short_titles_are_the_network_hubs_labels(language):
    with translation.override(language):
        assert [o.short_title for o in Objective.objects.order_by("number")] == HUB_LABELS[language]


@pytest.mark.parametrize("language,number", [("es", 11), ("fr", 12)])
def test_objective_page_heads_with_the_hubs_label(client, language, number):
    html = client.get(f"/{language}/objectives/{number}/").content.decode()
    assert f"</span> {HUB_LABELS[language][number - 1]}</h1>" in html


def test_imrf_2022_has_its_real_dates():
    cycle = Cycle.objects.get(year=2022)
    assert (str(cycle.forum_start), str(cycle.forum_end), str(cycle.hearing_date)) == (
        "2022-05-17", "2022-05-20", "2022-05-16")
    assert cycle.documents.filter(kind="sg_report").exists()


@pytest.mark.parametrize("language", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_every_objective_page_exists_in_each_language(client, language):
    with translation.override(language):
        urls = [reverse("gcm:objective", args=[n]) for n in range(1, 24)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert f'lang="{language}"'.encode() in response.content


def test_unknown_objective_number_is_a_clear_404(client):
    response = client.get("/en/objectives/24/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_unknown_language_prefix_is_a_404_not_a_500(client):
    response = client.get("/xx/objectives/1/")
    assert response.status_code == 404


def test_home_shows_road_to_active_cycle_in_french(client):
    response = client.get("/fr/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "2030" in content
    assert "Colombie" in content  # champion countries, translated


def test_every_state_has_clean_iso_codes_and_a_translated_name():
    for state in MemberState.objects.all():
        assert len(state.iso2) == 2 and state.iso2.isalpha() and state.iso2.isupper(), state.iso3
        assert len(state.iso3) == 3 and state.name != state.iso3, state.iso3
