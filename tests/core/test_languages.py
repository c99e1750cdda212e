"""The six UN languages: every prefix answers, the language bar is in UN order and keeps the current page."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

UN_ORDER = [("ar", "العربية"), ("zh-hans", "中文"), ("en", "English"), ("fr", "Français"), ("ru", "Русский"),
            ("es", "Español")]


def test_settings_list_the_six_un_languages_in_un_order_named_in_their_own_language():
    assert list(settings.LANGUAGES) == UN_ORDER


@pytest.mark.parametrize("code,direction", [("ar", "rtl"), ("zh-hans", "ltr"), ("en", "ltr"), ("fr", "ltr"),
                                            ("ru", "ltr"), ("es", "ltr")])
def test_each_language_prefix_answers_with_its_lang_and_direction(client, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in html


def _language_bar(html):
    bar = re.search(r'<nav class="language-bar".*?</nav>', html, re.S).group(0)
    items = []
    for tag, attributes, name in re.findall(r"<(a|span)\b([^>]*)>([^<]+)<", bar):
        attrs = dict(re.findall(r'([a-z-]+)="([^"]*)"', attributes))
        items.append((tag, attrs.get("href", ""), attrs["lang"], name))
    return items


def test_language_bar_is_in_un_order_and_keeps_the_current_page(client):
    html = client.get("/ru/objectives/7/").content.decode()
    items = _language_bar(html)
    assert [(code, name) for _, _, code, name in items] == UN_ORDER
    for tag, href, code, _ in items:
        if code == "ru":
            assert tag == "span"
        else:
            assert tag == "a" and href == f"/{code}/objectives/7/"


def test_language_bar_is_on_error_pages_too(client):
    html = client.get("/ar/no-such-page/").content.decode()
    assert [(code, name) for _, _, code, name in _language_bar(html)] == UN_ORDER


def test_language_bar_keeps_the_filters_of_a_list(client):
    html = client.get("/zh-hans/practices/?objective=5&region=africa").content.decode()
    links = {code: href for tag, href, code, _ in _language_bar(html) if tag == "a"}
    assert links["ar"] == "/ar/practices/?objective=5&amp;region=africa"
    assert links["es"] == "/es/practices/?objective=5&amp;region=africa"
