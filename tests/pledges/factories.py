"""Pledge factories. `PledgeFactory(status=PUBLISHED)` goes through the real services when asked to publish."""

from datetime import date

import factory
from django.utils import timezone

from pledges.enums import PledgeScope, PledgeStatus, PledgeType
from pledges.models import Pledge, PledgePartner, ProgressUpdate
from tests.factories import OrganizationFactory, active_cycle, objective

NARRATIVE = (
    "We commit to open three one-stop centres where migrants can get legal identity documents, information on "
    "regular pathways and referral to basic services. The centres will be run with local authorities and civil "
    "society, will serve at least 12,000 people a year and will publish anonymised data every quarter. "
)


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge
        skip_postgeneration_save = True

    cycle = factory.LazyFunction(active_cycle)
    title = factory.Sequence(lambda n: f"Pledge {n}")
    narrative = NARRATIVE
    organization = factory.SubFactory(OrganizationFactory)
    types = factory.LazyFunction(lambda: [PledgeType.TECHNICAL])
    scope = PledgeScope.NATIONAL
    start_date = date(2026, 1, 1)
    target_date = date(2028, 12, 31)
    contact_name = "Contact Person"
    contact_email = "contact@example.org"
    status = PledgeStatus.DRAFT

    @factory.post_generation
    def objectives(obj, create, extracted, **kwargs):
        if create:
            obj.objectives.set([objective(n) for n in (extracted if extracted is not None else [4])])


class PublishedPledgeFactory(PledgeFactory):
    status = PledgeStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    last_progress_at = factory.SelfAttribute("published_at")
    sequence = factory.Sequence(lambda n: n + 1)
    reference = factory.LazyAttribute(lambda o: f"{o.cycle.code}-P-{o.sequence:04d}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgePartner

    pledge = factory.SubFactory(PledgeFactory)
    organization = factory.SubFactory(OrganizationFactory)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    pledge = factory.SubFactory(PublishedPledgeFactory)
    progress = "in_progress"
    narrative = "Two centres are open."
    date = date(2026, 6, 1)
