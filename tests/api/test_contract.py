"""Contract test of the open-data API against its own OpenAPI schema (schemathesis, in-process over WSGI: no
network). Every operation: no server error, answers that match the schema (status, headers, body), and parameters
that break the schema answered 400 with a JSON body. Examples are bounded so this runs in about a minute."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode, checks

from pledges.enums import PartnerStatus, UpdateStatus
from practices.enums import PracticeStatus
from reviews.enums import ReviewStatus
from tests.dialogues.factories import ContributionFactory, DialogueFactory
from tests.pledges.factories import PartnerFactory, ProgressUpdateFactory, PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review


@pytest.fixture
def api_schema(db, settings):
    from femi_portal.wsgi import application

    settings.API_ANON_RATE = "100000/minute"
    complete_review(status=ReviewStatus.PUBLISHED, iso3="COL", objectives=(5, 8))
    PracticeFactory(status=PracticeStatus.PUBLISHED, themes=["gender"], principles=["human-rights"])
    pledge = PublishedPledgeFactory(is_joint=True, amount="1000.00", currency="USD")
    PartnerFactory(pledge=pledge, status=PartnerStatus.CONFIRMED)
    ProgressUpdateFactory(pledge=pledge, status=UpdateStatus.PUBLISHED)
    ContributionFactory(dialogue=DialogueFactory(), status="published")
    # Like Django's test client: a request must not close the test's database connection (on PostgreSQL the
    # test transaction would be lost).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _check_operation(operation, mode):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        # Opaque cursors and id-valued filters (a dialogue that does not exist) are schema-valid strings that are
        # rightly refused with 400, so "any schema-valid request is accepted" does not hold for this API.
        case.call_and_validate(excluded_checks=[checks.positive_data_acceptance])

    check()


MAX_EXAMPLES = 15


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_schema(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 20  # a list and a detail for each of the 10 kinds
    exercised = 0
    for operation in operations:
        try:
            _check_operation(operation, mode)
            exercised += 1
        except Unsatisfiable:
            # Only in negative mode: a free-form string path (a principle's slug) has no schema-violating value.
            assert mode == GenerationMode.NEGATIVE, operation.label
    assert exercised >= 18, exercised
