import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse

from core.registry import collect
from dialogues.enums import ContributionStatus, DialogueKind, ReportStatus
from dialogues.models import Consultation, Contribution, Dialogue, Registration, Report
from dialogues.registry import round_table_section
from gcm.models import Cycle, RoundTable
from tests.dialogues.factories import ContributionFactory, DialogueFactory, ReportFactory
from tests.factories import objective

pytestmark = pytest.mark.django_db
S = ContributionStatus


def test_home_counts_the_dialogues_of_the_active_cycle(client):
    DialogueFactory.create_batch(3)
    DialogueFactory(cycle=Cycle.objects.get(year=2022), past=True)
    stat = next(s for s in collect("home", Cycle.objects.active()) if s["key"] == "dialogues")
    assert stat["count"] == 3
    html = client.get(reverse("gcm:home")).content.decode()
    assert re.search(r'data-stat="dialogues">3<', html)


def test_round_table_page_lists_its_dialogues_with_contribution_counts(client):
    rt = RoundTable.objects.get(number=2)
    dialogue = DialogueFactory(title="Saving lives at sea")
    dialogue.round_tables.set([rt])
    ContributionFactory.create_batch(2, dialogue=dialogue, status=S.PUBLISHED)
    ContributionFactory(dialogue=dialogue, status=S.SUBMITTED)
    DialogueFactory(title="Unrelated dialogue")
    html = client.get(rt.get_absolute_url()).content.decode()
    assert "Saving lives at sea" in html and "2 contributions" in html
    assert "Unrelated dialogue" not in html


@pytest.mark.parametrize("n", [1, 5])
def test_round_table_section_queries_do_not_grow(n, django_assert_num_queries):
    rt = RoundTable.objects.get(number=1)
    for dialogue in DialogueFactory.create_batch(n):
        dialogue.round_tables.set([rt])
    with django_assert_num_queries(1):
        section = round_table_section(rt)
    assert len(section["items"]) == n


def test_objective_page_lists_dialogues_on_it(client):
    dialogue = DialogueFactory(title="Remittance costs dialogue")
    dialogue.objectives.set([objective(20)])
    assert "Remittance costs dialogue" in client.get(objective(20).get_absolute_url()).content.decode()
    assert "Remittance costs dialogue" not in client.get(objective(1).get_absolute_url()).content.decode()


def test_secretariat_console_shows_the_dialogue_queues(client, secretariat_user):
    ContributionFactory.create_batch(2)
    ReportFactory()
    client.force_login(secretariat_user)
    html = client.get(reverse("secretariat:console")).content.decode()
    assert reverse("dialogues:moderation") in html and reverse("dialogues:reports") in html
    queues = {q["url"]: q["count"] for q in collect("secretariat", secretariat_user)}
    assert queues[reverse("dialogues:moderation")] == 2
    assert queues[reverse("dialogues:reports")] == 1


def test_seed_demo_is_idempotent_and_matches_the_2022_calendar():
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Dialogue.objects.count(), Contribution.objects.count(), Registration.objects.count(),
              Report.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == (Dialogue.objects.count(), Contribution.objects.count(), Registration.objects.count(),
                      Report.objects.count())
    y2022 = Dialogue.objects.filter(cycle__year=2022)
    days = sorted(d.starts_at.date().isoformat() for d in y2022.filter(kind=DialogueKind.GLOBAL))
    assert days == ["2022-01-19", "2022-01-26", "2022-02-02", "2022-02-09"]
    regional = y2022.filter(kind=DialogueKind.REGIONAL)
    assert sorted(d.starts_at.date().isoformat() for d in regional) == [
        "2022-03-15", "2022-03-29", "2022-04-05", "2022-04-19"]
    assert all(d.region == "americas" and "virtual" in d.location.lower() for d in regional)
    for dialogue in y2022.filter(kind=DialogueKind.GLOBAL):
        assert dialogue.starts_at.astimezone(ZoneInfo("America/New_York")).hour == 10
        assert sorted(dialogue.recordings.values_list("language", flat=True)) == ["en", "es", "fr"]
    assert Consultation.objects.filter(cycle=Cycle.objects.active()).count() == 4
    upcoming = Dialogue.objects.upcoming().filter(cycle=Cycle.objects.active())
    assert upcoming.count() >= 2
    statuses = set(Contribution.objects.values_list("status", flat=True))
    assert statuses == {S.PUBLISHED, S.SUBMITTED, S.REJECTED}
    assert {"en", "es", "fr"} <= set(Contribution.objects.values_list("language", flat=True))
    assert Report.objects.filter(status=ReportStatus.OPEN).exists()
    counted = Dialogue.objects.annotate(real=Count("contributions", filter=Q(contributions__status=S.PUBLISHED)))
    assert any(d.real for d in counted)
    assert all(d.published_contribution_count == d.real for d in counted)
