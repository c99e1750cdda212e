"""Practice repository digest: the published practices, by GCM objective."""

from django.db.models import Prefetch

from gcm.models import Objective
from practices.selectors import published_practices

from . import base_context


def build(document):
    practices = published_practices().select_related("organization", "member_state").order_by("title", "pk")
    objectives = [o for o in Objective.objects.order_by("number").prefetch_related(
        Prefetch("practices", queryset=practices, to_attr="published"))]
    chapters = [(f"objective-{o.number}", f"{o.number}. {o.short_title}") for o in objectives if o.published]
    total = practices.count()
    return "secretariat/summaries/practice_digest.html", base_context(
        document, chapters, objectives=[o for o in objectives if o.published], total=total)
