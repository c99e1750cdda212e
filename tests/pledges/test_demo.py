import io

import pytest

from accounts import demo as accounts_demo
from pledges import demo
from pledges.enums import PartnerStatus, PledgeStatus, PledgeType
from pledges.models import Pledge, PledgePartner, ProgressUpdate

pytestmark = pytest.mark.django_db


def test_demo_seed_covers_every_type_joint_pledges_and_updates_and_is_idempotent():
    out = io.StringIO()
    accounts_demo.seed(out)
    demo.seed(out)
    demo.seed(out)
    assert Pledge.objects.count() == len(demo.PLEDGES)
    published = Pledge.objects.filter(status=PledgeStatus.PUBLISHED)
    assert {t for p in published for t in p.types} == set(PledgeType.values)
    assert published.filter(is_joint=True).count() >= 2
    assert PledgePartner.objects.filter(status=PartnerStatus.DECLINED, pledge__is_joint=True).exists()
    assert ProgressUpdate.objects.exists()
    references = list(published.values_list("reference", flat=True))
    assert len(set(references)) == len(references) == published.count()
