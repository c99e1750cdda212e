from django.views.generic import TemplateView

from .selectors import MAX_QUERY, site_search


class SearchView(TemplateView):
    """Site-wide search over everything published: results grouped by kind, with counts and highlights."""

    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:MAX_QUERY]
        groups = site_search(query)
        return super().get_context_data(query=query, groups=groups, total=sum(g["count"] for g in groups),
                                        **kwargs)
