"""The secretariat's actions, extension decisions and co-editor invitations through their pages."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import FocalPoint
from reviews import services
from reviews.enums import ReviewStatus
from reviews.models import Review
from tests.factories import UserFactory

from .factories import ReviewFactory, complete_review

pytestmark = pytest.mark.django_db


def test_secretariat_actions_through_the_page(client, secretariat_user, focal_point,
                                              django_capture_on_commit_callbacks):
    review = complete_review(status=ReviewStatus.SUBMITTED)
    client.force_login(secretariat_user)
    url = lambda action: reverse("reviews:action", args=[review.pk, action])  # noqa: E731
    refused = client.post(url("return"), {"comment": ""}, follow=True)
    assert "Explain what the State should change" in refused.content.decode()
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.SUBMITTED
    client.post(url("accept"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("publish"), follow=True)
    assert "The review was published." in response.content.decode()
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.PUBLISHED
    assert client.get(reverse("reviews:detail", args=[review.cycle.year, "COL"])).status_code == 200
    client.post(url("unpublish"))
    assert client.get(reverse("reviews:detail", args=[review.cycle.year, "COL"])).status_code == 404
    assert client.post(url("explode")).status_code == 404


def test_secretariat_action_by_a_focal_point_is_a_404(client, focal_point):
    review = complete_review(status=ReviewStatus.SUBMITTED)
    client.force_login(focal_point)
    assert client.post(reverse("reviews:action", args=[review.pk, "accept"])).status_code == 404
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.SUBMITTED


def test_extension_request_and_decision_through_the_pages(client, focal_point, secretariat_user):
    review = ReviewFactory()
    until = review.cycle.review_deadline + timedelta(days=20)
    client.force_login(focal_point)
    client.post(reverse("reviews:extension", args=[review.pk]), {"requested_until": until, "reason": "Elections."})
    extension = review.extensions.get()
    assert client.post(reverse("reviews:extension_decide", args=[extension.pk])).status_code == 404
    client.force_login(secretariat_user)
    queue = client.get(reverse("reviews:queue")).content.decode()
    assert f'data-extension-id="{extension.pk}"' in queue
    client.post(reverse("reviews:extension_decide", args=[extension.pk]), {"until": "", "comment": "Fine."})
    assert Review.objects.get(pk=review.pk).deadline == until


def test_invitation_page_makes_the_colleague_a_co_editor(client, focal_point, django_capture_on_commit_callbacks):
    review = ReviewFactory()
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reviews:invite", args=[review.pk]), {"email": "colleague@gov.example"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/invitation/" in line)
    path = link.split("testserver")[-1] if "testserver" in link else "/" + link.split("/", 3)[-1]
    colleague = UserFactory(email="colleague@gov.example")
    client.force_login(colleague)
    assert "co-edit the voluntary review of Colombia" in client.get(path).content.decode()
    client.post(path)
    assert FocalPoint.objects.get(user=colleague).kind == "co_editor"
    assert client.get(reverse("reviews:workspace", args=[review.pk])).status_code == 200


def test_co_editor_cannot_open_the_invitation_page(client):
    from tests.factories import FocalPointFactory

    review = ReviewFactory()
    co_editor = FocalPointFactory(kind="co_editor").user
    client.force_login(co_editor)
    assert client.get(reverse("reviews:workspace", args=[review.pk])).status_code == 200
    assert client.get(reverse("reviews:invite", args=[review.pk])).status_code == 404


def test_my_reviews_page_starts_the_draft(client, focal_point):
    client.force_login(focal_point)
    assert "Start the review" in client.get(reverse("reviews:mine")).content.decode()
    from tests.factories import member_state

    response = client.post(reverse("reviews:start", args=[member_state("COL").pk]))
    review = Review.objects.get()
    assert response["Location"] == review.get_workspace_url()
    assert client.post(reverse("reviews:start", args=[member_state("MEX").pk])).status_code == 404
    assert services.state_users(review.member_state_id).get() == focal_point
