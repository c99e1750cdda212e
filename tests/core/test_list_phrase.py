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
