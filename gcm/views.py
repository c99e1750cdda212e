from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from core.caching import cached
from core.registry import collect

from .models import Objective, RoundTable
from .selectors import active_cycle, champion_states, objective_list, round_table_list


class HomeView(TemplateView):
    """The road to the IMRF of the active cycle: its elements, dates, deadlines and live counts."""

    template_name = "gcm/home.html"

    def get_context_data(self, **kwargs):
        # Lazy: the page's content is a public fragment (templates' publiccache); on a cache hit none of it is read.
        cycle = SimpleLazyObject(active_cycle)
        return super().get_context_data(
            cycle=cycle,
            stats=SimpleLazyObject(lambda: cached(
                "home-stats", cycle.pk, lambda: {item["key"]: item for item in collect("home", cycle)})
                if cycle else {}),
            documents=SimpleLazyObject(lambda: list(cycle.documents.all()) if cycle else []),
            champions=champion_states(),
            round_tables=round_table_list(),
            **kwargs,
        )


class ObjectiveListView(TemplateView):
    template_name = "gcm/objective_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(round_tables=round_table_list(), **kwargs)


class ObjectiveDetailView(TemplateView):
    template_name = "gcm/objective_detail.html"

    def get_context_data(self, **kwargs):
        objective = get_object_or_404(objective_list(), number=self.kwargs["number"])
        return super().get_context_data(
            objective=objective,
            previous=Objective.objects.filter(number=objective.number - 1).first(),
            next=Objective.objects.filter(number=objective.number + 1).first(),
            sections=SimpleLazyObject(lambda: collect("objective", objective)),
            **kwargs,
        )


class RoundTableDetailView(TemplateView):
    template_name = "gcm/round_table_detail.html"

    def get_context_data(self, **kwargs):
        round_table = get_object_or_404(RoundTable, number=self.kwargs["number"])
        return super().get_context_data(
            round_table=round_table,
            objectives=round_table.objectives.all(),
            sections=SimpleLazyObject(lambda: collect("round_table", round_table)),
            **kwargs,
        )
