from datetime import timedelta

import factory
from django.utils import timezone

from dialogues import counters
from dialogues.enums import ContributionStatus, DialogueKind
from dialogues.models import Consultation, Contribution, Dialogue, Registration, Report
from gcm.models import Cycle
from tests.factories import UserFactory


class DialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dialogue

    cycle = factory.LazyFunction(Cycle.objects.active)
    kind = DialogueKind.GLOBAL
    title = factory.Sequence(lambda n: f"Dialogue {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    registration_open = True

    class Params:
        past = factory.Trait(starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=30)))


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution
        skip_postgeneration_save = True

    dialogue = factory.SubFactory(DialogueFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Contribution text number {n}")
    language = "en"
    status = ContributionStatus.SUBMITTED

    @factory.post_generation
    def published_count(obj, create, extracted, **kwargs):
        """Keep the place's stored published count right, as the moderation services do."""
        if not create:
            return
        if obj.dialogue_id:
            counters.recount(Dialogue.objects.filter(pk=obj.dialogue_id), Contribution.objects, "dialogue")
        else:
            counters.recount(Consultation.objects.filter(pk=obj.consultation_id), Contribution.objects, "consultation")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    dialogue = factory.SubFactory(DialogueFactory)
    user = factory.SubFactory(UserFactory)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    contribution = factory.SubFactory(ContributionFactory, status=ContributionStatus.PUBLISHED)
    reporter = factory.SubFactory(UserFactory)
    reason = "Off topic"
