import html

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.text import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render user markdown as sanitized HTML."""
    return render_markdown(text)


@register.filter
def markdown_excerpt(text, words=40):
    """The first `words` words of user markdown as plain text (no stray ** or #), escaped like any text."""
    plain = html.unescape(strip_tags(render_markdown(text or "")))
    return Truncator(" ".join(plain.split())).words(int(words))


@register.filter
def language_name(code):
    """The name of a content language code, in the current UI language."""
    from django.utils.translation import get_language_info

    try:
        return _(get_language_info(code)["name"])
    except KeyError:
        return code


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (pagination, sorting); empty values drop."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()
