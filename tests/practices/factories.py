"""Factories for practices: complete practices in any status, reviewers and assignments."""

import datetime

import factory
from django.utils import timezone

from accounts.models import ReviewerKind
from gcm.models import Principle
from practices.enums import AssignmentStatus, PracticeStatus, Recommendation
from practices.models import Assignment, Practice, PracticeTheme, Review
from tests.factories import (
    FocalPointFactory,
    MembershipFactory,
    OrganizationFactory,
    ReviewerProfileFactory,
    UserFactory,
    member_state,
    objective,
)


def _submitter(o):
    if o.organization is not None:
        return MembershipFactory(organization=o.organization).user
    if o.member_state is not None:
        return FocalPointFactory(member_state=o.member_state).user
    return UserFactory()


class PracticeFactory(factory.django.DjangoModelFactory):
    """A complete practice (ready to submit) by a member of a new organization."""

    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Practice {n}")
    summary = "A short summary of what the practice does."
    description = "A full description of the practice, with **markdown**."
    results = "Results and evidence."
    narrative_innovative = "New."
    narrative_replicable = "Can be repeated."
    narrative_sustainable = "Lasts."
    narrative_relevant = "Relevant."
    narrative_coherent = "Coherent."
    narrative_timely = "Timely."
    language = "en"
    contact_name = "Contact Person"
    contact_email = "contact@example.org"
    organization = factory.SubFactory(OrganizationFactory)
    member_state = None
    submitter = factory.LazyAttribute(lambda o: _submitter(o))
    region = "americas"
    start_date = datetime.date(2020, 1, 1)
    implementation_status = "fully"
    status = PracticeStatus.DRAFT

    @factory.post_generation
    def objectives(obj, create, extracted, **kwargs):
        if not create:
            return
        numbers = extracted or [5]
        obj.objectives.set([objective(n) for n in numbers])
        obj.primary_objective = objective(numbers[0])
        obj.save(update_fields=["primary_objective"])

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):
        if create:
            obj.countries.set([member_state(iso3) for iso3 in (["COL"] if extracted is None else extracted)])

    @factory.post_generation
    def principles(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.principles.set(Principle.objects.filter(slug__in=extracted))

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            PracticeTheme.objects.bulk_create(PracticeTheme(practice=obj, theme=t) for t in extracted)

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        if create and obj.status == PracticeStatus.PUBLISHED and not obj.published_at:
            obj.published_at = timezone.now()
            obj.save(update_fields=["published_at"])
            from practices.services import practice_refresh_search

            practice_refresh_search(obj.pk)


def reviewer(kind=ReviewerKind.EXTERNAL, **kwargs):
    """A reviewer (user) of the roster."""
    kwargs.setdefault("objectives", [5])
    return ReviewerProfileFactory(kind=kind, **kwargs).user


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    practice = factory.SubFactory(PracticeFactory, status=PracticeStatus.IN_REVIEW)
    reviewer = factory.LazyFunction(reviewer)
    status = AssignmentStatus.INVITED
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))


SCORES = {f"score_{c}": 4 for c in ["innovative", "replicable", "sustainable", "relevant", "coherent", "timely"]}


def review_data(**overrides):
    return {**SCORES, "comments_for_submitter": "Clear and useful.", "confidential_comments": "Solid work.",
            "recommendation": Recommendation.PUBLISH, **overrides}


def completed_review(assignment, **overrides):
    """Mark an assignment completed with a submitted review (test setup, bypassing the service)."""
    data = review_data(**overrides)
    review = Review.objects.create(assignment=assignment, submitted_at=timezone.now(), **data)
    Assignment.objects.filter(pk=assignment.pk).update(status=AssignmentStatus.COMPLETED,
                                                       completed_at=timezone.now())
    assignment.refresh_from_db()
    return review
