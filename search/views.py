from django.views.generic import TemplateView

from .selectors import MAX_QUERY, site_search


class SearchView(TemplateView):
    """Site-wide search over everything published: results grouped by kind, with counts and highlights."""

    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        # NUL can't reach PostgreSQL (text values refuse it): a query is words, so it becomes a space.
        query = self.request.GET.get("q", "").replace("\x00", " ").strip()[:MAX_QUERY]
        groups = site_search(query)
        return super().get_context_data(query=query, groups=groups, total=sum(g["count"] for g in groups),
                                        **kwargs)
