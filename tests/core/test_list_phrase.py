"""Lists shown in a sentence are joined by the rules of the page's (or the recipient's) language, not by ", "."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core.languages import format_list


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Financial, Technical, and Political"),
    ("fr", "Financial, Technical et Political"),
    ("es", "Financial, Technical y Political"),
    ("ru", "Financial, Technical и Political"),
    ("zh-hans", "Financial、Technical和Political"),
    ("ar", "Financial وTechnical وPolitical"),
])
def test_three_items_in_each_language(language, expected):
    assert format_list(["Financial", "Technical", "Political"], language) == expected
    with translation.override(language):
        assert format_list(["Financial", "Technical", "Political"]) == expected


def test_one_item_alone_and_none_empty():
    assert format_list(["Financial"], "fr") == "Financial"
    assert format_list([], "fr") == ""


def test_the_filter_escapes_every_item_and_keeps_the_default():
    template = Template('{% load portal %}<dd>{{ items|list_phrase|default:"—" }}</dd>')
    with translation.override("es"):
        html = template.render(Context({"items": ["<b>A</b>", "B & C"]}))
        assert html == "<dd>&lt;b&gt;A&lt;/b&gt; y B &amp; C</dd>"
        assert template.render(Context({"items": []})) == "<dd>—</dd>"


@pytest.mark.parametrize(("language", "comma", "semicolon"), [
    ("en", ", ", "; "),
    ("fr", ", ", "; "),
    ("ru", ", ", "; "),
    ("es", ", ", "; "),
    ("zh-hans", "、", "；"),
    ("ar", "، ", "؛ "),
])
def test_an_enumeration_is_punctuated_in_the_page_language(language, comma, semicolon):
    template = Template('{% load portal %}1{% list_separator %}2{% list_separator "semicolon" %}3')
    with translation.override(language):
        assert template.render(Context()) == f"1{comma}2{semicolon}3"


@pytest.mark.django_db
def test_the_champion_countries_on_the_arabic_home_page_are_a_phrase_of_arabic(client):
    from gcm.models import MemberState
    from gcm.selectors import champion_states

    chosen = ["MEX", "COL", "HND"]
    MemberState.objects.update(is_champion=False)
    MemberState.objects.filter(iso3__in=chosen).update(is_champion=True)
    with translation.override("ar"):
        names = [state.name for state in champion_states()]
        expected = format_list(names)
    assert len(names) == 3
    assert expected.count(" و") == 2
    html = client.get("/ar/").content.decode()
    assert expected in html
    assert ", ".join(names) not in html
