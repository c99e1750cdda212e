"""Right-to-left Arabic: direction, Bootstrap's RTL stylesheet, logical CSS, mirrored icons, per-locale formats and
bar charts whose labels are HTML."""

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import formats, translation

from tests.pledges.factories import PublishedPledgeFactory

pytestmark = pytest.mark.django_db

PORTAL_CSS = Path(settings.BASE_DIR) / "static" / "css" / "portal.css"


def test_arabic_pages_are_right_to_left_with_bootstraps_rtl_stylesheet(client):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "/static/vendor/bootstrap/css/bootstrap.rtl.min.css" in html
    assert "bootstrap.min.css" not in html


@pytest.mark.parametrize("code", ["zh-hans", "en", "ru"])
def test_left_to_right_pages_keep_the_plain_stylesheet(client, code):
    html = client.get(f"/{code}/").content.decode()
    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in html and "rtl" not in html.split("<body")[0]


def test_the_rtl_stylesheet_is_served_locally_from_the_npm_package(client):
    found = finders.find("vendor/bootstrap/css/bootstrap.rtl.min.css")
    assert found and Path(found).resolve().is_relative_to((Path(settings.BASE_DIR) / "node_modules").resolve())
    assert ".me-auto{margin-left:auto!important}" in Path(found).read_text()  # the mirrored utilities


def test_the_portal_css_uses_logical_properties_only():
    css = re.sub(r"/\*.*?\*/", "", PORTAL_CSS.read_text(), flags=re.S)
    physical = re.findall(r"(?:margin|padding|border|inset)-(?:left|right)|(?<![\w-])(?:left|right)\s*:"
                          r"|(?:float|text-align|clear)\s*:\s*(?:left|right)", css)
    assert physical == []


def test_directional_icons_are_mirrored_in_rtl(client):
    css = PORTAL_CSS.read_text()
    assert '[dir="rtl"] .icon-directional::before { transform: scaleX(-1); }' in css
    html = client.get("/ar/objectives/7/").content.decode()
    assert 'class="bi bi-arrow-left icon-directional"' in html and 'class="bi bi-arrow-right icon-directional"' in html
    assert "←" not in html and "→" not in html


@pytest.mark.parametrize("code,day,moment,number", [
    ("ar", "3 ديسمبر، 2026", "3 ديسمبر، 2026، 14:05", "1,234,567.5"),
    ("zh-hans", "2026年12月3日", "2026年12月3日 14:05", "1,234,567.5"),
    ("en", "3 December 2026", "3 December 2026, 14:05", "1,234,567.5"),
    ("fr", "3 décembre 2026", "3 décembre 2026, 14:05", "1\xa0234\xa0567,5"),
    ("ru", "3 декабря 2026 г.", "3 декабря 2026 г. 14:05", "1\xa0234\xa0567,5"),
    ("es", "3 diciembre 2026", "3 diciembre 2026, 14:05", "1\xa0234\xa0567,5"),
])
def test_dates_and_numbers_follow_the_language(code, day, moment, number):
    with translation.override(code):
        assert formats.date_format(date(2026, 12, 3), "DATE_FORMAT") == day
        assert formats.date_format(datetime(2026, 12, 3, 14, 5), "DATETIME_FORMAT") == moment
        assert formats.number_format(Decimal("1234567.5"), 1, force_grouping=True) == number


def test_templates_name_their_date_formats_instead_of_spelling_them():
    spelled = []
    for path in Path(settings.BASE_DIR).glob("*/templates/**/*.*"):
        if "node_modules" in path.parts or path.suffix not in (".html", ".txt"):
            continue
        for fmt in re.findall(r'\|date:"([^"]+)"', path.read_text()):
            # Machine-readable ISO dates stay as they are; the long weekday form is the weekday_datetime filter.
            if not (fmt.endswith("_FORMAT") or fmt.startswith("Y-m-d") or fmt in {"c", "Y"}):
                spelled.append((str(path), fmt))
    assert spelled == []


@pytest.mark.parametrize("code", ["ar", "en"])
def test_dashboard_bars_have_html_labels_and_grow_from_the_start_side(client, code):
    PublishedPledgeFactory(types=["financial"], amount=Decimal("1000"), currency="USD", objectives=[1])
    PublishedPledgeFactory(types=["technical"], objectives=[1, 5])
    html = client.get(f"/{code}/pledges/dashboard/").content.decode()
    chart = html.split('data-chart="objective"')[1].split('data-table="objective"')[0]
    with translation.override(code):
        from gcm.models import Objective

        label = str(Objective.objects.get(number=1).short_title)
    assert '<span class="bar-label">' in chart and label in chart.split("<svg")[0]
    assert "<text" not in chart
    bars = [(int(x), int(width)) for x, width in re.findall(r'<rect x="(\d+)" y="0" height="15" width="(\d+)"', chart)]
    # Objective 1 has the most pledges: its bar is full; objective 5's is half; each starts on the reading side.
    assert sorted(width for _x, width in bars if width) == [125, 250]
    for x, width in bars:
        assert x == (250 - width if code == "ar" else 0)


def test_web_and_mail_addresses_read_left_to_right_in_an_arabic_page(client):
    """In a right-to-left paragraph the slash that ends "https://example.org/" would otherwise jump to the start."""
    from practices.models import PracticeStatus
    from tests.practices.factories import PracticeFactory

    practice = PracticeFactory(status=PracticeStatus.PUBLISHED, links="https://example.org/path/",
                               contact_name="Rosa", contact_email="rosa@example.org")
    html = client.get(f"/ar/practices/{practice.pk}/").content.decode()
    assert '<a href="https://example.org/path/" rel="noopener noreferrer nofollow" dir="ltr">' in html
    assert '<a href="mailto:rosa@example.org" dir="ltr">rosa@example.org</a>' in html


def test_an_authors_name_is_isolated_from_the_date_that_follows_it(client):
    """A Latin name followed by " · 19 …" would pull the day into its left-to-right run; <bdi> keeps them apart."""
    from dialogues.models import ContributionStatus
    from tests.dialogues.factories import ContributionFactory

    contribution = ContributionFactory(status=ContributionStatus.PUBLISHED, author__full_name="Rosa Paredes")
    html = client.get(f"/ar/dialogues/{contribution.dialogue_id}/").content.decode()
    assert "<bdi>Rosa Paredes</bdi>" in html
