"""Fragment caching of public panels ({% publiccache %}): kept per name, vary-on values and language for
PUBLIC_CACHE_SECONDS, never when that is 0, never with personal data or a CSRF token inside."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.utils import translation

LOAD = "{% load public_cache %}"


def render(source, **context):
    return Template(LOAD + source).render(Context(context))


@override_settings(PUBLIC_CACHE_SECONDS=60)
def test_a_fragment_is_kept_per_name_vary_on_values_and_language():
    source = '{% publiccache "panel" q %}{{ value }}{% endpubliccache %}'
    assert render(source, q="a", value="first") == "first"
    assert render(source, q="a", value="second") == "first"  # served from the cache
    assert render(source, q="b", value="second") == "second"  # another query, another entry
    with translation.override("fr"):
        assert render(source, q="a", value="third") == "third"  # another language, another entry
    assert render('{% publiccache "other" q %}{{ value }}{% endpubliccache %}', q="a", value="4") == "4"


@override_settings(PUBLIC_CACHE_SECONDS=0)
def test_nothing_is_kept_when_public_caching_is_off():
    source = '{% publiccache "panel" %}{{ value }}{% endpubliccache %}'
    assert render(source, value="first") == "first"
    assert render(source, value="second") == "second"


@pytest.mark.parametrize("inside", [
    "{{ user.email }}", "{% if user.is_authenticated %}x{% endif %}", "{% csrf_token %}", "{{ request.user }}",
    "{% for m in messages %}{{ m }}{% endfor %}", "{{ perms.practices }}", "{{ request.session.key }}",
])
def test_personal_data_inside_a_cached_fragment_is_refused_when_the_template_is_read(inside):
    with pytest.raises(TemplateSyntaxError, match="personal data"):
        Template(LOAD + '{% publiccache "panel" %}' + inside + "{% endpubliccache %}")


def test_public_names_text_and_literals_that_merely_mention_user_are_allowed():
    source = ('{% publiccache "panel" %}Every user {{ users_count }} {% translate "user guide" %}'
              '{{ label|default:"user" }}{% endpubliccache %}')
    assert Template("{% load i18n %}" + LOAD + source).render(Context({"users_count": 3, "label": ""})) == \
        "Every user 3 user guideuser"


@override_settings(PUBLIC_CACHE_SECONDS=60)
def test_a_fragment_holding_a_csrf_token_is_served_but_never_stored():
    source = '{% publiccache "form" %}{{ form|safe }}{% endpubliccache %}'
    first = '<input type="hidden" name="csrfmiddlewaretoken" value="one">'
    second = '<input type="hidden" name="csrfmiddlewaretoken" value="two">'
    assert render(source, form=first) == first
    assert render(source, form=second) == second


def test_without_page_is_canonical_and_drops_the_page():
    from django.http import QueryDict

    from core.templatetags.public_cache import without_page

    assert without_page(QueryDict("region=africa&page=3&objective=5")) == "objective=5&region=africa"
    assert without_page(QueryDict("objective=5&region=africa")) == "objective=5&region=africa"
    assert without_page(QueryDict("q=a%26b")) == "q=a%26b"
