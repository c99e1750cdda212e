import html
import re

from django import template
from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.text import render_markdown

register = template.Library()


@register.filter(is_safe=True, needs_autoescape=True)
def list_phrase(items, autoescape=True):
    """The items joined as a phrase of the active language ("A, B, and C"; "A、B和C"), each escaped."""
    from core.languages import format_list

    return mark_safe(format_list(conditional_escape(item) if autoescape else item for item in items))


@register.simple_tag
def list_separator(kind="comma"):
    """The separator between the items of an enumeration in the active language (", ", "، ", "、")."""
    from core.languages import list_separator as separator

    return separator(kind)


@register.filter(name="markdown")
def markdown_filter(text):
    """Render user markdown as sanitized HTML."""
    return render_markdown(text)


@register.filter
def markdown_excerpt(text, words=40):
    """The first `words` words of user markdown as plain text (no stray ** or #), escaped like any text."""
    plain = html.unescape(strip_tags(render_markdown(text or "")))
    return Truncator(" ".join(plain.split())).words(int(words))


@register.simple_tag
def css_page_of_pages(total=None):
    """A CSS `content` value saying "Page 3 of 10" in the active language, with the page counters where the
    translation puts them (word order differs between languages). `total`: the number of pages when it is known
    beforehand (a document drawn in parts), instead of counter(pages)."""
    parts = []
    for piece in re.split(r"(%\(page\)s|%\(pages\)s)", _("Page %(page)s of %(pages)s")):
        if piece == "%(page)s":
            parts.append("counter(page)")
        elif piece == "%(pages)s":
            parts.append(f'"{int(total)}"' if total else "counter(pages)")
        elif piece:
            quoted = piece.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace("\n", " ")
            parts.append(f'"{quoted}"')
    return mark_safe(" ".join(parts))  # noqa: S308 - built from escaped pieces and counter() calls only


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


@register.simple_tag
def content_lang(code):
    """`lang` (and `dir`, where it differs from the page's) attributes for user text written in `code`, so
    screen readers pronounce it right and Arabic reads right to left on a left-to-right page (and the reverse);
    `dir="auto"` when the language is unknown."""
    from django.utils.html import format_html
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language_bidi

    from core.languages import content_language, html_lang, is_rtl

    code = content_language(code)
    if not code:
        return mark_safe('dir="auto"')
    if is_rtl(code) == get_language_bidi():
        return format_html('lang="{}"', html_lang(code))
    return format_html('lang="{}" dir="{}"', html_lang(code), "rtl" if is_rtl(code) else "ltr")
