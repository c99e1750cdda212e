"""Single-blind peer review: nothing the submitter (or their organization, or the public) can reach names a
reviewer — not their name, e-mail or organization. Each channel is tested: pages at every stage of the review loop
(question, revision request, publication), every e-mail of the loop, exports, site search, feeds, the API and the
open-data ZIP. The reviewers carry distinctive strings, so any leak shows."""

import io
import json
import re
import zipfile
from urllib.parse import quote, quote_plus

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse, reverse_lazy
from django.utils.html import escape

from accounts.models import ReviewerKind
from api.opendata import open_data_build
from core.models import Notification
from practices import services
from practices.enums import AssignmentStatus, Decision
from practices.models import Assignment
from tests.factories import OrganizationFactory, ReviewerProfileFactory
from tests.practices.factories import PracticeFactory, review_data

from .access import body_of
from .world import REVIEWER_SECRETS, build_world

pytestmark = pytest.mark.django_db

SECOND_REVIEWER = ("Wilhelmina Quarkstone", "Quarkstone", "w.quarkstone@snorvath-un.example", "snorvath",
                   "Snorvath Assessment Unit", "SNAVU")
THIRD_REVIEWER = ("Ottoline Fennimorexx", "Fennimorexx", "ottoline.f@plimbery.example")  # declines
SECRETS = REVIEWER_SECRETS + SECOND_REVIEWER + THIRD_REVIEWER
TITLE = "Blindfold practice of X"


PEOPLE = REVIEWER_SECRETS[:3] + SECOND_REVIEWER[:3] + THIRD_REVIEWER  # names and e-mails, without the organizations
# Directories of organizations (the organizations one may join, the choices of a partner field) name every verified
# organization, the reviewers' among them, as organizations, not as anyone's reviewers: there only people count.
DIRECTORY = reverse_lazy("accounts:organizations")
OPTION = re.compile(r"<option\b[^>]*>[^<]*</option>")


def leaks(text, secrets=SECRETS):
    lowered = OPTION.sub("", text).lower() if secrets is SECRETS else text.lower()
    found = [secret for secret in secrets if secret.lower() in lowered]
    return found + [p for p in PEOPLE if p.lower() in text.lower() and p not in found]


def without(text, query):
    """The page less the echo of the search query (in the field, the links and the title)."""
    for echo in (query, quote_plus(query), quote(query), escape(query)):
        text = text.replace(echo, "")
    return text


@pytest.fixture
def loop(db, django_capture_on_commit_callbacks, client):
    """Organization X's practice through the whole loop; the submitter's pages are captured at each stage."""
    world = build_world()
    member, secretariat = world.users["member"], world.users["secretariat"]
    second = ReviewerProfileFactory(
        kind=ReviewerKind.INTERNAL, user__full_name=SECOND_REVIEWER[0], user__email=SECOND_REVIEWER[2],
        organization=OrganizationFactory(name=SECOND_REVIEWER[4], acronym=SECOND_REVIEWER[5]), objectives=[5],
    ).user
    reviewers = [world.users["reviewer"], second]  # the third one declines
    practice = PracticeFactory(organization=world.org_x, submitter=member, title=TITLE)
    pages = []
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_submit(practice_id=practice.pk, by=member)
        assignments = [services.practice_assign_reviewer(practice_id=practice.pk, reviewer_id=r.pk, by=secretariat)
                       for r in reviewers]
    third = ReviewerProfileFactory(user__full_name=THIRD_REVIEWER[0], user__email=THIRD_REVIEWER[2],
                                   objectives=[5]).user
    with django_capture_on_commit_callbacks(execute=True):
        declined = services.practice_assign_reviewer(practice_id=practice.pk, reviewer_id=third.pk, by=secretariat)
        services.assignment_decline(assignment_id=declined.pk, by=third, reason="conflict", comment="")
        for assignment in assignments:
            services.assignment_accept(assignment_id=assignment.pk, by=assignment.reviewer)
        services.send_reviewer_reminders(today=assignments[0].due_date)  # reminders go to the reviewers
        question = services.clarification_ask(assignment_id=assignments[0].pk, by=reviewers[0],
                                               question="Which districts took part?")
    pages += submitter_pages(client, world, practice, stage="question")
    with django_capture_on_commit_callbacks(execute=True):
        services.clarification_answer(clarification_id=question.pk, by=member, answer="Three districts.")
        for assignment in assignments:
            services.review_save(assignment_id=assignment.pk, by=assignment.reviewer, version=1, submit=True,
                                 data=review_data(comments_for_submitter="Add the budget, please."))
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_decide(practice_id=practice.pk, by=secretariat, decision=Decision.REVISION,
                                 reason="Please add the budget.")
    pages += submitter_pages(client, world, practice, stage="revision")
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_resubmit(practice_id=practice.pk, by=member)
        for assignment in Assignment.objects.filter(practice=practice, status=AssignmentStatus.INVITED):
            services.assignment_accept(assignment_id=assignment.pk, by=assignment.reviewer)
            services.review_save(assignment_id=assignment.pk, by=assignment.reviewer, version=1, submit=True,
                                 data=review_data())
        services.practice_decide(practice_id=practice.pk, by=secretariat, decision=Decision.PUBLISH)
    practice.refresh_from_db()
    assert practice.status == "published"
    pages += submitter_pages(client, world, practice, stage="published")
    return world, practice, reviewers, pages


def submitter_pages(client, world, practice, *, stage):
    """What the submitter and their organization's admin see of the practice, as (stage, url, text)."""
    found = []
    urls = [reverse("practices:detail", args=[practice.pk]), reverse("practices:mine"),
            reverse("practices:edit", args=[practice.pk]), reverse("practices:submit", args=[practice.pk]),
            reverse("accounts:profile"), reverse("accounts:organizations"),
            reverse("accounts:organization_manage", args=[world.org_x.pk]), reverse("gcm:home")]
    for role in ("member", "org_admin"):
        client.force_login(world.users[role])
        for url in urls:
            response = client.get(url)
            if response.status_code == 200:
                found.append((stage, f"{role} {url}", response.content.decode()))
    client.logout()
    return found


def test_pages_of_the_submitter_side_never_name_a_reviewer(loop):
    world, practice, reviewers, pages = loop
    assert {stage for stage, _url, _text in pages} == {"question", "revision", "published"}
    detail = f"member {reverse('practices:detail', args=[practice.pk])}"
    detail_at_question = next(text for stage, url, text in pages if (stage, url) == ("question", detail))
    assert "Which districts took part?" in detail_at_question  # the question itself does reach the submitter
    # The strings are real: the secretariat's decision page does name both reviewers.
    client = Client()
    client.force_login(world.users["secretariat"])
    manage = client.get(reverse("practices:manage_detail", args=[practice.pk])).content.decode()
    assert REVIEWER_SECRETS[0] in manage and SECOND_REVIEWER[0] in manage
    leaked = [(stage, url, found) for stage, url, text in pages
              if (found := leaks(text, PEOPLE if url.endswith(str(DIRECTORY)) else SECRETS))]
    assert not leaked, leaked


def test_emails_of_the_loop_never_name_a_reviewer_to_anyone_but_the_secretariat(loop):
    world, practice, reviewers, _pages = loop
    insiders = {r.email for r in reviewers} | {world.users["secretariat"].email, THIRD_REVIEWER[2]}
    outsiders = [m for m in mail.outbox if not set(m.to) & insiders]
    assert any(world.users["member"].email in m.to for m in outsiders), "the submitter was e-mailed"
    subjects = {m.subject for m in outsiders}
    assert any("question" in s for s in subjects) and any("published" in s for s in subjects), subjects
    for message in outsiders:
        parts = [message.subject, message.body] + [content for content, _type in getattr(message, "alternatives", [])]
        assert not leaks("\n".join(parts)), (message.to, message.subject, leaks("\n".join(parts)))
    for note in Notification.objects.exclude(recipient__email__in=insiders):
        assert not leaks(json.dumps(note.context, default=str)), note.template


def test_exports_feeds_search_and_api_never_name_a_reviewer(loop, client):
    world, practice, reviewers, _pages = loop
    urls = [reverse("practices:export_csv"), reverse("practices:export_json"), reverse("practices:feed"),
            reverse("practices:feed_atom"), reverse("practices:list"), reverse("practices:detail", args=[practice.pk]),
            "/api/v1/practices/", f"/api/v1/practices/{practice.pk}/", "/api/v1/practices.json/"]
    for user in (None, world.users["member"]):
        if user is not None:
            client.force_login(user)
        for url in urls:
            response = client.get(url)
            text = body_of(response).decode() if not response.streaming else b"".join(
                response.streaming_content).decode()
            assert response.status_code == 200, url
            assert TITLE in text, url  # the practice is there …
            assert not leaks(text), (url, leaks(text))  # … its reviewers are not
        for query in (TITLE, "districts", "budget", REVIEWER_SECRETS[1], SECOND_REVIEWER[4]):
            text = without(client.get(reverse("search:results"), {"q": query}).content.decode(), query)
            assert not leaks(text), (query, leaks(text))
        text = client.get(reverse("search:results"), {"q": TITLE}).content.decode()
        assert TITLE in text


def test_the_open_data_zip_never_names_a_reviewer(loop):
    path = open_data_build()
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        contents = {name: archive.read(name).decode() for name in archive.namelist()}
    assert any(TITLE in text for text in contents.values())
    leaked = {name: leaks(text) for name, text in contents.items() if leaks(text)}
    assert not leaked, leaked
