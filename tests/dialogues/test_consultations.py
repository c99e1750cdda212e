"""Round-table consultations: opened by the secretariat, inputs moderated like contributions, compiled by objective
and stakeholder category."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.workflow import DomainError
from dialogues import services
from dialogues.models import Consultation
from gcm.models import Cycle, Objective, RoundTable
from tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db


def _consultation(**fields):
    today = timezone.now().date()
    defaults = {"cycle": Cycle.objects.active(), "round_table": RoundTable.objects.get(number=3),
                "guiding_question": "How do cities include newcomers?", "opens_on": today - timedelta(days=1),
                "closes_on": today + timedelta(days=10), "languages": ["en", "es"]}
    return Consultation.objects.create(**{**defaults, **fields})


def test_secretariat_opens_a_consultation(client, secretariat_user):
    client.force_login(secretariat_user)
    today = timezone.now().date()
    response = client.post(reverse("dialogues:consultation_create"), {
        "cycle": Cycle.objects.active().pk, "round_table": RoundTable.objects.get(number=1).pk,
        "guiding_question": "Which regular pathways work?", "question_language": "en",
        "opens_on": today.isoformat(), "closes_on": (today + timedelta(days=30)).isoformat(),
        "languages": ["en", "fr"]})
    consultation = Consultation.objects.get()
    assert response["Location"] == consultation.get_absolute_url()
    assert consultation.languages == ["en", "fr"]


def test_input_shows_only_after_moderation_with_the_stakeholder_category(client, user, secretariat_user):
    consultation = _consultation()
    objective = Objective.objects.get(number=16)
    client.force_login(user)
    client.post(consultation.get_absolute_url(), {"text": "Municipal language classes", "language": "en",
                                                   "objective": objective.pk, "stakeholder_category": "academia"})
    contribution = consultation.inputs.get()
    client.logout()
    assert "Municipal language classes" not in client.get(consultation.get_absolute_url()).content.decode()
    services.contribution_publish(contribution_id=contribution.pk, by=secretariat_user)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Municipal language classes" in page and "Academia" in page
    assert "How do cities include newcomers?" in page


def test_closed_consultation_and_foreign_objective_are_refused(user):
    closed = _consultation(closes_on=timezone.now().date() - timedelta(days=1),
                           opens_on=timezone.now().date() - timedelta(days=5))
    with pytest.raises(DomainError):
        services.consultation_input_submit(consultation_id=closed.pk, author=user, text="Late", language="en")
    closed.delete()
    open_one = _consultation()
    with pytest.raises(DomainError):
        services.consultation_input_submit(consultation_id=open_one.pk, author=user, text="x", language="en",
                                           objective=Objective.objects.get(number=1))
    assert not open_one.inputs.exists()


def test_compilation_pdf_groups_inputs_by_objective_and_category(client, user, secretariat_user):
    consultation = _consultation()
    for number, category, text in ((16, "academia", "Schools first"), (14, "migrants", "Consuls help"),
                                   (16, "civil_society", "Neighbourhood groups")):
        c = services.consultation_input_submit(consultation_id=consultation.pk, author=user, text=text,
                                               language="en", objective=Objective.objects.get(number=number),
                                               stakeholder_category=category)
        services.contribution_publish(contribution_id=c.pk, by=secretariat_user)
    client.force_login(secretariat_user)
    response = client.get(reverse("dialogues:compilation_pdf", args=[3]))
    text = " ".join(pdf_text(response.content).split())
    assert text.index("Objective 14") < text.index("Consuls help") < text.index("Objective 16")
    assert text.index("Academia") < text.index("Schools first") < text.index("Civil society")
    assert text.index("Civil society") < text.index("Neighbourhood groups")


def test_secretariat_closes_a_consultation_early_and_it_is_audited(client, secretariat_user):
    from core.models import AuditEvent

    consultation = _consultation()
    client.force_login(secretariat_user)
    edit = reverse("dialogues:consultation_edit", args=[consultation.pk])
    assert client.get(edit).status_code == 200
    yesterday = timezone.now().date() - timedelta(days=1)
    response = client.post(edit, {
        "guiding_question": "How do cities include newcomers?", "question_language": "en",
        "opens_on": (yesterday - timedelta(days=5)).isoformat(), "closes_on": yesterday.isoformat(),
        "languages": ["en", "es"]})
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.closes_on == yesterday and not consultation.is_open
    event = AuditEvent.objects.get(action="updated", object_id=str(consultation.pk))
    assert "closes_on" in event.comment and "opens_on" in event.comment


def test_editing_a_consultation_with_the_closing_before_the_opening_keeps_the_input(client, secretariat_user):
    consultation = _consultation()
    client.force_login(secretariat_user)
    today = timezone.now().date()
    response = client.post(reverse("dialogues:consultation_edit", args=[consultation.pk]), {
        "guiding_question": "A new question kept on error", "question_language": "en",
        "opens_on": today.isoformat(), "closes_on": (today - timedelta(days=3)).isoformat(), "languages": ["en"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The closing date cannot come before the opening date." in html
    assert "A new question kept on error" in html
    consultation.refresh_from_db()
    assert consultation.guiding_question == "How do cities include newcomers?"


def test_only_the_secretariat_edits_a_consultation(client, user):
    consultation = _consultation()
    edit = reverse("dialogues:consultation_edit", args=[consultation.pk])
    assert client.get(edit).status_code == 302  # to sign in
    client.force_login(user)
    assert client.get(edit).status_code in (403, 404)
    assert client.post(edit, {"guiding_question": "Hijacked"}).status_code in (403, 404)
    consultation.refresh_from_db()
    assert consultation.guiding_question == "How do cities include newcomers?"


def _inputs(consultation, n):
    from tests.dialogues.factories import ContributionFactory

    for index in range(n):
        ContributionFactory(dialogue=None, consultation=consultation, round_table=consultation.round_table,
                            status="published", text=f"Input number {index}", stakeholder_category="academia")


@pytest.mark.parametrize("n", [1, 6])
def test_consultation_pages_keep_a_constant_number_of_queries(client, n, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    consultations = [_consultation(round_table=RoundTable.objects.get(number=number)) for number in (1, 2)]
    for consultation in consultations:
        _inputs(consultation, n)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    list_queries, html = count(reverse("dialogues:consultations"))
    detail_queries, detail = count(consultations[0].get_absolute_url())
    assert detail.count("Input number") == n
    # The same page with more inputs and more consultations reads the same number of queries.
    for number in (3, 4):
        _inputs(_consultation(round_table=RoundTable.objects.get(number=number)), n + 3)
    _inputs(consultations[0], 3)
    assert count(reverse("dialogues:consultations"))[0] == list_queries
    more_detail, detail = count(consultations[0].get_absolute_url())
    assert more_detail == detail_queries and detail.count("Input number") == n + 3
