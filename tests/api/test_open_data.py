"""The nightly open-data ZIP: CSV files (UTF-8 with BOM) with the documented columns, published data only."""

import csv
import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from api.opendata import available, data_dictionary, open_data_build
from api.tasks import build_open_data_task
from dialogues.enums import ContributionStatus
from pledges.enums import PartnerStatus, PledgeStatus
from practices.enums import PracticeStatus
from reviews.enums import ReviewStatus
from tests.dialogues.factories import ContributionFactory
from tests.factories import OrganizationFactory
from tests.pledges.factories import PartnerFactory, PledgeFactory, PublishedPledgeFactory
from tests.practices.factories import PracticeFactory
from tests.reviews.factories import complete_review


@pytest.fixture
def published(db):
    complete_review(status=ReviewStatus.PUBLISHED, iso3="COL", objectives=(5, 8))
    complete_review(status=ReviewStatus.SUBMITTED, iso3="MEX", next_steps="Hidden-review")
    PracticeFactory(status=PracticeStatus.PUBLISHED, title="Visible, \"quoted\" practice — ñandú")
    PracticeFactory(status=PracticeStatus.SUBMITTED, title="Hidden-practice")
    pledge = PublishedPledgeFactory(title="Visible pledge", is_joint=True)
    PartnerFactory(pledge=pledge, status=PartnerStatus.CONFIRMED, organization=OrganizationFactory(name="Yes-org"))
    PartnerFactory(pledge=pledge, status=PartnerStatus.DECLINED, organization=OrganizationFactory(name="No-org"))
    PledgeFactory(status=PledgeStatus.DRAFT, title="Hidden-pledge")
    ContributionFactory(status=ContributionStatus.PUBLISHED, text="Visible contribution")
    ContributionFactory(status=ContributionStatus.SUBMITTED, text="Hidden-contribution")


def _read(path):
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def test_zip_opens_and_every_csv_has_the_documented_columns(published):
    files = _read(open_data_build(today=date(2026, 5, 1)))
    dictionary = dict(data_dictionary())
    assert set(files) == set(dictionary)
    text = ""
    for name, content in files.items():
        assert content.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert rows[0] == [column for column, _description in dictionary[name]]
        assert all(len(row) == len(rows[0]) for row in rows)
        text += content.decode("utf-8-sig")
    assert 'Visible, ""quoted"" practice — ñandú' in text and "Visible pledge" in text and "Yes-org" in text
    assert "Visible contribution" in text
    for hidden in ["Hidden-review", "Hidden-practice", "Hidden-pledge", "Hidden-contribution", "No-org"]:
        assert hidden not in text
    entries = list(csv.reader(io.StringIO(files["review_entries.csv"].decode("utf-8-sig"))))
    assert [row[3] for row in entries[1:]] == ["5", "8"]


def test_only_the_newest_zips_are_kept_and_a_rebuild_is_idempotent(db, settings):
    settings.OPEN_DATA_KEEP = 2
    for day in (1, 2, 3, 3):
        open_data_build(today=date(2026, 5, day))
    assert [f["date"] for f in available()] == [date(2026, 5, 3), date(2026, 5, 2)]


def test_nightly_task_is_scheduled_and_builds_todays_file(db, settings):
    assert any(entry["task"] == "api.build_open_data" for entry in settings.CELERY_BEAT_SCHEDULE.values())
    build_open_data_task.delay()
    assert available()[0]["date"] == date.today()


def test_open_data_page_lists_files_licence_and_dictionary(client, published):
    open_data_build(today=date(2026, 5, 1))
    html = client.get(reverse("opendata:index")).content.decode()
    assert "femi-open-data-2026-05-01.zip" in html and 'rel="license"' in html
    assert "<code>progress_status</code>" in html and "review_entries.csv" in html
    response = client.get(reverse("opendata:download", args=["femi-open-data-2026-05-01.zip"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert client.get(reverse("opendata:download", args=["..%2Fsettings.py"])).status_code == 404
