from .models import Cycle, MemberState, Objective, RoundTable


def active_cycle():
    return Cycle.objects.active()


def objective_list():
    return Objective.objects.select_related("round_table")


def round_table_list():
    return RoundTable.objects.prefetch_related("objectives")


def champion_states():
    return MemberState.objects.filter(is_champion=True).sorted_by_name()


def member_state_choices(queryset=None):
    """(id, translated name) pairs sorted by name, for form choices."""
    return [(s.pk, s.name) for s in (queryset or MemberState.objects.all()).sorted_by_name()]
