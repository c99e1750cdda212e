"""Fragment caching of public, non-personal parts of pages (filter forms, facet panels, results, overviews).

    {% load public_cache %}
    {% publiccache "practice-facets" request.GET|without_page %} … {% endpubliccache %}

The fragment is kept for PUBLIC_CACHE_SECONDS (0, the development and test default, renders it every time) under
the name, the vary-on values and the active language. A cached fragment is the same for every visitor, so it must
not depend on who is looking:

- at parse time, a tag or variable inside the block (plain text and quoted literals aside) that names `user`,
  `perms`, `csrf_token`, `messages` or `request.user` / `.session` / `.COOKIES` / `.META` is a
  TemplateSyntaxError (included templates are not inspected: keep them out, or keep them public);
- at render time, a fragment that holds a CSRF token (a POST form) is served but never stored.
"""

import re
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.base import TextNode

from core.caching import cached_fragment

register = template.Library()

PERSONAL = re.compile(r"\b(user|perms|csrf_token|messages)\b|\brequest\.(user|session|COOKIES|META)\b")
QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'')
CSRF_MARK = "csrfmiddlewaretoken"


class PublicCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        if not getattr(settings, "PUBLIC_CACHE_SECONDS", 0):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        parts = [str(v.resolve(context)) for v in self.vary_on]
        return cached_fragment(name, parts, lambda: self.nodelist.render(context), storable=_storable)


def _storable(html):
    return CSRF_MARK not in html


@register.tag("publiccache")
def do_publiccache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'publiccache' needs a fragment name.")
    nodelist = parser.parse(("endpubliccache",))
    parser.delete_first_token()
    for node in nodelist.get_nodes_by_type(template.Node):
        if isinstance(node, TextNode):
            continue  # plain text reads nothing
        contents = QUOTED.sub("", getattr(getattr(node, "token", None), "contents", ""))  # literals read nothing
        if PERSONAL.search(contents):
            raise template.TemplateSyntaxError(
                f"'publiccache' fragment {bits[1]} uses personal data ({contents!r}): it would be shown to "
                "every visitor. Move it out of the cached block.")
    return PublicCacheNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])


@register.filter
def without_page(query):
    """A QueryDict as a canonical query string (sorted), without `page`: the vary-on key of a list's panels."""
    return urlencode([(k, v) for k, values in sorted(query.lists()) if k != "page" for v in sorted(values)])


@register.filter
def canonical(query):
    """A QueryDict as a canonical query string (sorted), `page` included: the vary-on key of a list's results."""
    return urlencode([(k, v) for k, values in sorted(query.lists()) for v in sorted(values)])
