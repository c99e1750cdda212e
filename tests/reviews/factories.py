"""Factories for voluntary reviews. `complete_review()` fills every required part of the questionnaire."""

import factory

from gcm.models import Principle
from reviews.enums import ReviewStatus
from reviews.models import ObjectiveEntry, Review
from tests.factories import active_cycle, member_state, objective

COMPLETE_FIELDS = {
    "language": "en",
    "contact_name": "Ana Pérez",
    "contact_email": "ana@gov.example",
    "contact_position": "Ministry of Foreign Affairs",
    "government_bodies": "Ministry of Labour; National Statistics Office",
    "stakeholders_consulted": ["migrants", "civil_society"],
    "consultation_process": "Three national workshops in 2029 and an online survey.",
    "policy_environment": "A new national migration policy was adopted in 2028.",
    "institutional_arrangements": "An inter-ministerial migration committee.",
    "principles_narrative": "The policy is people-centred and gender-responsive.",
    "means_of_implementation": "Funding from the national budget and the Migration MPTF.",
    "partnerships": "A joint programme with the UN Network on Migration.",
    "next_steps": "Adopt the regularization decree; improve data.",
}


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    cycle = factory.LazyFunction(active_cycle)
    member_state = factory.LazyFunction(lambda: member_state("COL"))
    status = ReviewStatus.DRAFT


def complete_review(status=ReviewStatus.DRAFT, iso3="COL", cycle=None, objectives=(5,), **fields):
    """A review with every required answer, in `status`."""
    review = ReviewFactory(member_state=member_state(iso3), cycle=cycle or active_cycle(), status=status,
                           **{**COMPLETE_FIELDS, **fields})
    review.principles.set(Principle.objects.all()[:2])
    for number in objectives:
        ObjectiveEntry.objects.create(
            review=review, objective=objective(number), progress=f"Progress on objective {number}.",
            challenges=f"Challenges on objective {number}.", good_practices=f"Good practice {number}.",
            support_needed=f"Support for objective {number}.",
        )
    return review
