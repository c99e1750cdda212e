"""Factories for the foundation entities. App-specific factories live in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import (
    SECRETARIAT_GROUP,
    FocalPoint,
    FocalPointKind,
    Membership,
    MembershipStatus,
    Organization,
    ReviewerKind,
    ReviewerProfile,
    User,
)
from gcm.enums import StakeholderCategory
from gcm.models import Cycle, MemberState, Objective

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    preferred_language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class SecretariatFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=SECRETARIAT_GROUP))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    category = StakeholderCategory.CIVIL_SOCIETY
    verified = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    status = MembershipStatus.APPROVED


def member_state(iso3="COL"):
    """A Member State from the reference data loaded by migrations."""
    return MemberState.objects.get(iso3=iso3)


def objective(number):
    return Objective.objects.get(number=number)


def active_cycle():
    return Cycle.objects.active()


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    user = factory.SubFactory(UserFactory)
    member_state = factory.LazyFunction(lambda: member_state("COL"))
    kind = FocalPointKind.FOCAL_POINT


class ReviewerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    kind = ReviewerKind.EXTERNAL
    regions = factory.LazyFunction(lambda: ["americas"])
    languages = factory.LazyFunction(lambda: ["en", "es"])

    @factory.post_generation
    def objectives(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.objectives.set(Objective.objects.filter(number__in=extracted))
