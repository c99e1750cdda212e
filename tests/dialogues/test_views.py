import csv
import io
import re

import pytest
from django.urls import reverse

from dialogues.enums import ContributionStatus
from dialogues.models import Contribution, Dialogue, Recording, Registration, Report
from gcm.models import Cycle, RoundTable
from tests.dialogues.factories import ContributionFactory, DialogueFactory, RegistrationFactory, ReportFactory
from tests.factories import UserFactory
from tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db
S = ContributionStatus


# --- Public list and detail ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 5])
def test_dialogue_list_queries_do_not_grow(client, n, django_assert_num_queries):
    rts = list(RoundTable.objects.all())
    for _ in range(n):
        upcoming, past = DialogueFactory(), DialogueFactory(past=True)
        upcoming.round_tables.set(rts[:2])
        past.round_tables.set(rts[1:])
        ContributionFactory(dialogue=past, status=S.PUBLISHED)
    with django_assert_num_queries(7):
        response = client.get(reverse("dialogues:list"))
    assert response.content.count(b"data-dialogue-id") == 2 * n


def test_dialogue_list_separates_upcoming_and_past_and_filters(client):
    upcoming = DialogueFactory(title="Future talk")
    past = DialogueFactory(title="Old regional", past=True, kind="regional", region="americas",
                           cycle=Cycle.objects.get(year=2022))
    past.round_tables.set([RoundTable.objects.get(number=1)])
    page = client.get(reverse("dialogues:list")).content.decode()
    assert page.index("Future talk") < page.index("Past dialogues") < page.index("Old regional")
    assert "IMRF 2022" in page
    rt1 = RoundTable.objects.get(number=1).pk
    for query in [{"kind": "regional"}, {"region": "americas"}, {"round_table": rt1}, {"cycle": past.cycle_id}]:
        page = client.get(reverse("dialogues:list"), query).content.decode()
        assert "Old regional" in page and "Future talk" not in page, query
    assert upcoming.title in client.get(reverse("dialogues:list"), {"kind": "global"}).content.decode()


@pytest.mark.parametrize("n", [1, 5])
def test_dialogue_detail_queries_do_not_grow(client, user, n, django_assert_num_queries):
    dialogue = DialogueFactory()
    dialogue.round_tables.set(RoundTable.objects.all())
    ContributionFactory.create_batch(n, dialogue=dialogue, status=S.PUBLISHED,
                                     round_table=RoundTable.objects.get(number=1))
    ContributionFactory.create_batch(n, dialogue=dialogue, author=user)
    client.force_login(user)
    client.get(dialogue.get_absolute_url())
    with django_assert_num_queries(13) as captured:
        response = client.get(dialogue.get_absolute_url())
    assert response.content.count(b"data-contribution-id") == 2 * n
    # The paginator takes the stored published count: the ~22,000 published rows at design size are not counted.
    assert f"{n} published contribution" in response.content.decode()
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"] and "dialogues_contribution" in q["sql"]]


def test_detail_shows_published_contributions_and_own_pending_with_reason(client, user):
    dialogue = DialogueFactory()
    Recording.objects.create(dialogue=dialogue, url="https://media.un.example/rec", language="fr")
    ContributionFactory(dialogue=dialogue, status=S.PUBLISHED, text="Public **view**")
    ContributionFactory(dialogue=dialogue, status=S.SUBMITTED, text="Someone else pending")
    ContributionFactory(dialogue=dialogue, author=user, status=S.REJECTED, text="Mine rejected",
                        rejection_reason="Off topic here")
    ContributionFactory(dialogue=dialogue, author=user, status=S.SUBMITTED, text="Mine pending")
    client.force_login(user)
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Public <strong>view</strong>" in page
    assert "Someone else pending" not in page
    assert "Mine rejected" in page and "Off topic here" in page and "Mine pending" in page
    assert "https://media.un.example/rec" in page
    anonymous = client.__class__().get(dialogue.get_absolute_url()).content.decode()
    assert "Mine pending" not in anonymous and "Public <strong>view</strong>" in anonymous


def test_contribution_text_is_sanitized(client):
    contribution = ContributionFactory(status=S.PUBLISHED, text="Hi <script>alert(1)</script>[x](javascript:y)")
    page = client.get(contribution.dialogue.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "javascript:y" not in page


def test_public_page_never_shows_the_authors_email(client):
    contribution = ContributionFactory(status=S.PUBLISHED, author=UserFactory(full_name="", email="hidden@x.org"))
    page = client.get(contribution.dialogue.get_absolute_url()).content.decode()
    assert "hidden@x.org" not in page and "Participant" in page


def test_missing_dialogue_is_404(client):
    assert client.get(reverse("dialogues:detail", args=[999999])).status_code == 404


# --- Contribution permissions -------------------------------------------------------------------------------------

def _normalised(response, pk):
    """The page without what differs by nature: the path in the language bar and the masked CSRF token."""
    html = response.content.decode().replace(f"/contributions/{pk}/", "/contributions/N/")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.parametrize("status", [S.SUBMITTED, S.REJECTED])
def test_others_unpublished_contribution_is_404_like_a_missing_one(client, user, status):
    contribution = ContributionFactory(status=status)
    client.force_login(user)
    url, missing_url = (reverse("dialogues:contribution", args=[pk]) for pk in (contribution.pk, 999999))
    response, missing = client.get(url), client.get(missing_url)
    assert response.status_code == missing.status_code == 404
    # identical pages, but for the language bar's links to the same path
    assert _normalised(response, contribution.pk) == _normalised(missing, 999999)


def test_author_and_secretariat_see_an_unpublished_contribution(client, secretariat_user):
    contribution = ContributionFactory(text="Pending words")
    for who in (contribution.author, secretariat_user):
        client.force_login(who)
        response = client.get(reverse("dialogues:contribution", args=[contribution.pk]))
        assert response.status_code == 200 and "Pending words" in response.content.decode()


def test_published_contribution_is_public(client):
    contribution = ContributionFactory(status=S.PUBLISHED, text="Open words")
    assert "Open words" in client.get(reverse("dialogues:contribution", args=[contribution.pk])).content.decode()


# --- Registration, contribution and report through the pages -------------------------------------------------------

def test_register_and_unregister_through_the_page(client, user):
    dialogue = DialogueFactory(capacity=10)
    client.force_login(user)
    response = client.post(reverse("dialogues:register", args=[dialogue.pk]), follow=True)
    assert Registration.objects.filter(dialogue=dialogue, user=user).exists()
    assert "You are registered" in response.content.decode() and "1 of 10 places taken" in response.content.decode()
    client.post(reverse("dialogues:register", args=[dialogue.pk]))
    assert Registration.objects.filter(dialogue=dialogue, user=user).count() == 1
    client.post(reverse("dialogues:unregister", args=[dialogue.pk]))
    assert not Registration.objects.exists()


def test_anonymous_register_goes_to_sign_in(client):
    dialogue = DialogueFactory()
    response = client.post(reverse("dialogues:register", args=[dialogue.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Registration.objects.exists()


def test_contribute_through_the_page(client, user):
    dialogue = DialogueFactory()
    dialogue.round_tables.set([RoundTable.objects.get(number=4)])
    client.force_login(user)
    response = client.post(reverse("dialogues:contribute", args=[dialogue.pk]),
                           {"text": "Data matters", "language": "fr",
                            "round_table": RoundTable.objects.get(number=4).pk}, follow=True)
    contribution = Contribution.objects.get()
    assert (contribution.author, contribution.language, contribution.status) == (user, "fr", S.SUBMITTED)
    assert "awaiting moderation" in response.content.decode()


def test_contribute_refuses_a_round_table_not_linked_to_the_dialogue(client, user):
    dialogue = DialogueFactory()
    dialogue.round_tables.set([RoundTable.objects.get(number=4)])
    client.force_login(user)
    response = client.post(reverse("dialogues:contribute", args=[dialogue.pk]),
                           {"text": "x", "language": "en", "round_table": RoundTable.objects.get(number=1).pk})
    assert response.status_code == 200 and not Contribution.objects.exists()


def test_contribution_posted_after_session_expiry_is_restored_after_sign_in(client, user):
    dialogue = DialogueFactory()
    response = client.post(reverse("dialogues:contribute", args=[dialogue.pk]),
                           {"text": "Long careful text", "language": "en"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    from urllib.parse import parse_qs, urlparse

    back = parse_qs(urlparse(response["Location"]).query)["next"][0]
    client.force_login(user)
    page = client.get(back).content.decode()
    assert "Long careful text" in page
    assert not Contribution.objects.exists()


def test_report_through_the_page_once(client, user):
    contribution = ContributionFactory(status=S.PUBLISHED)
    client.force_login(user)
    url = reverse("dialogues:report", args=[contribution.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"reason": "Spam"})
    response = client.post(url, {"reason": "Spam again"}, follow=True)
    assert Report.objects.filter(contribution=contribution, reporter=user).count() == 1
    assert "already reported" in response.content.decode()


def test_report_of_unpublished_contribution_is_404(client, user):
    contribution = ContributionFactory(status=S.SUBMITTED)
    client.force_login(user)
    assert client.get(reverse("dialogues:report", args=[contribution.pk])).status_code == 404
    assert client.post(reverse("dialogues:report", args=[contribution.pk]), {"reason": "x"}).status_code == 404


# --- Secretariat pages --------------------------------------------------------------------------------------------

def _secretariat_urls():
    dialogue = DialogueFactory()
    contribution = ContributionFactory(dialogue=dialogue)
    return [
        ("get", reverse("dialogues:manage")), ("get", reverse("dialogues:create")),
        ("get", reverse("dialogues:edit", args=[dialogue.pk])),
        ("get", reverse("dialogues:materials", args=[dialogue.pk])),
        ("get", reverse("dialogues:registrations", args=[dialogue.pk])),
        ("get", reverse("dialogues:registrations_csv", args=[dialogue.pk])),
        ("get", reverse("dialogues:moderation")), ("get", reverse("dialogues:reports")),
        ("get", reverse("dialogues:compilation", args=[1])), ("get", reverse("dialogues:compilation_pdf", args=[1])),
        ("post", reverse("dialogues:publish", args=[contribution.pk])),
        ("post", reverse("dialogues:reject", args=[contribution.pk])),
        ("post", reverse("dialogues:dismiss_reports", args=[contribution.pk])),
    ]


def test_secretariat_pages_are_404_for_other_users(client, user):
    client.force_login(user)
    for method, url in _secretariat_urls():
        assert getattr(client, method)(url).status_code == 404, url
    assert Contribution.objects.get().status == S.SUBMITTED


def test_secretariat_pages_send_anonymous_users_to_sign_in(client):
    for method, url in _secretariat_urls():
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_secretariat_pages_demand_mfa_first(client, settings):
    from tests.factories import SecretariatFactory

    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = []
    client.force_login(SecretariatFactory())
    response = client.get(reverse("dialogues:moderation"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def test_secretariat_pages_open_for_staff(client, secretariat_user):
    client.force_login(secretariat_user)
    for method, url in _secretariat_urls():
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_secretariat_creates_and_edits_a_dialogue(client, secretariat_user):
    client.force_login(secretariat_user)
    cycle = Cycle.objects.active()
    data = {"cycle": cycle.pk, "kind": "regional", "title": "Round table for Africa", "language": "fr",
            "time_zone": "America/New_York", "starts_at": "2029-10-01T10:00", "ends_at": "2029-10-01T12:00",
            "is_online": "on",
            "location": "Virtual", "region": "africa", "round_tables": [RoundTable.objects.get(number=2).pk],
            "registration_open": "on", "capacity": "50"}
    response = client.post(reverse("dialogues:create"), data)
    dialogue = Dialogue.objects.get()
    assert response["Location"] == dialogue.get_absolute_url()
    assert dialogue.region == "africa" and dialogue.capacity == 50
    assert dialogue.starts_at.isoformat() == "2029-10-01T14:00:00+00:00"  # 10:00 New York (EDT) in UTC
    client.post(reverse("dialogues:edit", args=[dialogue.pk]), {**data, "title": "Renamed", "region": ""})
    dialogue.refresh_from_db()
    assert dialogue.title == "Round table for Africa"  # a regional round table needs a region
    client.post(reverse("dialogues:edit", args=[dialogue.pk]), {**data, "title": "Renamed"})
    assert Dialogue.objects.get().title == "Renamed"


def test_secretariat_adds_a_link_material(client, secretariat_user):
    dialogue = DialogueFactory()
    client.force_login(secretariat_user)
    client.post(reverse("dialogues:materials", args=[dialogue.pk]),
                {"title": "Concept note", "url": "https://un.example/note.pdf", "language": "en"})
    assert dialogue.materials.get().title == "Concept note"
    assert "Concept note" in client.get(dialogue.get_absolute_url()).content.decode()


@pytest.mark.parametrize("n", [1, 5])
def test_moderation_queue_queries_do_not_grow(client, secretariat_user, n, django_assert_num_queries):
    ContributionFactory.create_batch(n)
    client.force_login(secretariat_user)
    client.get(reverse("dialogues:moderation"))
    with django_assert_num_queries(5):
        response = client.get(reverse("dialogues:moderation"))
    assert response.content.count(b"data-contribution-id") == n


def test_secretariat_publishes_and_rejects_from_the_queue(client, secretariat_user):
    first, second = ContributionFactory(), ContributionFactory()
    client.force_login(secretariat_user)
    client.post(reverse("dialogues:publish", args=[first.pk]))
    client.post(reverse("dialogues:reject", args=[second.pk]), {"reason": "Duplicate"})
    response = client.post(reverse("dialogues:reject", args=[first.pk]), {"reason": ""}, follow=True)
    assert "Please give the author a reason" in response.content.decode()
    assert Contribution.objects.get(pk=first.pk).status == S.PUBLISHED
    assert Contribution.objects.get(pk=second.pk).rejection_reason == "Duplicate"


@pytest.mark.parametrize("n", [1, 5])
def test_report_queue_lists_reported_contributions(client, secretariat_user, n, django_assert_num_queries):
    for _ in range(n):
        report = ReportFactory(reason="Rude words")
        ReportFactory(contribution=report.contribution)
    ContributionFactory(status=S.PUBLISHED)
    client.force_login(secretariat_user)
    client.get(reverse("dialogues:reports"))
    with django_assert_num_queries(6):
        response = client.get(reverse("dialogues:reports"))
    assert response.content.count(b"data-contribution-id") == n
    assert "Rude words" in response.content.decode()


def test_dismissing_reports_empties_the_queue(client, secretariat_user):
    report = ReportFactory()
    client.force_login(secretariat_user)
    client.post(reverse("dialogues:dismiss_reports", args=[report.contribution_id]), {"comment": "Fine"})
    assert b"data-contribution-id" not in client.get(reverse("dialogues:reports")).content


def test_registrations_csv_export(client, secretariat_user):
    dialogue = DialogueFactory()
    RegistrationFactory(dialogue=dialogue, user=UserFactory(full_name="=HYPERLINK(1)", email="a@x.org"))
    RegistrationFactory(dialogue=dialogue, user=UserFactory(full_name="Ana Pérez", email="b@x.org"))
    RegistrationFactory(user=UserFactory(email="other@x.org"))
    client.force_login(secretariat_user)
    response = client.get(reverse("dialogues:registrations_csv", args=[dialogue.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Name", "E-mail"]
    assert [r[1] for r in rows[1:]] == ["a@x.org", "b@x.org"]
    assert rows[1][0] == "'=HYPERLINK(1)" and rows[2][0] == "Ana Pérez"


def test_round_table_compilation_pdf_contains_the_contribution_text(client, secretariat_user, tmp_path):
    rt3 = RoundTable.objects.get(number=3)
    linked = DialogueFactory(title="Inclusion dialogue", past=True)
    linked.round_tables.set([rt3])
    ContributionFactory(dialogue=linked, status=S.PUBLISHED, text="Municipal welcome desks work well")
    ContributionFactory(dialogue=DialogueFactory(), round_table=rt3, status=S.PUBLISHED,
                        text="Language classes at work")
    ContributionFactory(dialogue=linked, status=S.SUBMITTED, text="Not yet moderated")
    ContributionFactory(dialogue=linked, status=S.PUBLISHED, round_table=RoundTable.objects.get(number=1),
                        text="Filed under round table one")
    client.force_login(secretariat_user)
    page = client.get(reverse("dialogues:compilation", args=[3])).content.decode()
    assert "Municipal welcome desks work well" in page and "Language classes at work" in page
    assert "Not yet moderated" not in page and "Filed under round table one" not in page
    response = client.get(reverse("dialogues:compilation_pdf", args=[3]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Municipal welcome desks work well" in text and "Language classes at work" in text
    assert "Inclusion dialogue" in text
    assert "Not yet moderated" not in text and "Filed under round table one" not in text


def test_compilation_filters_by_cycle(client, secretariat_user):
    rt = RoundTable.objects.get(number=1)
    ContributionFactory(dialogue=DialogueFactory(cycle=Cycle.objects.get(year=2022), past=True), round_table=rt,
                        status=S.PUBLISHED, text="From 2022")
    ContributionFactory(dialogue=DialogueFactory(), round_table=rt, status=S.PUBLISHED, text="From 2030")
    client.force_login(secretariat_user)
    page = client.get(reverse("dialogues:compilation", args=[1]), {"cycle": 2022}).content.decode()
    assert "From 2022" in page and "From 2030" not in page


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Thursday 3 December 2026, 14:05"),
    ("fr", "jeudi 3 décembre 2026, 14:05"),
    ("es", "jueves 3 diciembre 2026, 14:05"),
    ("ru", "Четверг, 3 декабря 2026 г., 14:05"),
    ("zh-hans", "2026年12月3日 星期四 14:05"),
    ("ar", "الخميس 3 ديسمبر 2026، 14:05"),
])
def test_a_sessions_weekday_date_reads_naturally_in_each_language(language, expected):
    from datetime import datetime

    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load tz dialogues_tags %}{% localtime off %}{{ when|weekday_datetime }}{% endlocaltime %}")
    with translation.override(language):
        assert template.render(Context({"when": datetime(2026, 12, 3, 14, 5)})) == expected


def test_a_compilation_too_large_to_draw_while_waiting_points_to_the_summary_document(client, secretariat_user,
                                                                                       settings):
    settings.COMPILATION_PDF_LIMIT = 2
    rt = RoundTable.objects.get(number=2)
    for n in range(3):
        ContributionFactory(dialogue=DialogueFactory(), round_table=rt, status=S.PUBLISHED, text=f"Point {n}")
    client.force_login(secretariat_user)
    response = client.get(reverse("dialogues:compilation_pdf", args=[2]), {"cycle": Cycle.objects.active().year})
    assert response.status_code == 302
    assert response["Location"] == reverse("dialogues:compilation", args=[2]) + f"?cycle={Cycle.objects.active().year}"
    page = client.get(response["Location"]).content.decode()
    assert "This compilation holds 3 contributions" in page and "Round-table compilation of contributions" in page
    settings.COMPILATION_PDF_LIMIT = 3
    assert client.get(reverse("dialogues:compilation_pdf", args=[2]))["Content-Type"] == "application/pdf"
