"""Pledge campaign summary: the dashboard's charts and tables, the share fulfilled, the joint pledges."""

from django.utils.translation import gettext as _

from pledges.models import Pledge
from pledges.selectors import dashboard, dashboard_charts, joint_pledges

from . import base_context


def build(document):
    published = Pledge.objects.published().filter(cycle=document.cycle)
    figures = dashboard(published)
    charts, currency_chart = dashboard_charts(figures)
    totals = figures["totals"]
    fulfilled = totals["progress_fulfilled"]
    share = round(100 * fulfilled / totals["total"]) if totals["total"] else 0
    joint = joint_pledges(document.cycle)
    chapters = [("figures", _("Key figures"))] + [(f"chart-{c['key']}", c["title"]) for c in charts]
    if currency_chart["rows"]:
        chapters.append(("chart-currency", currency_chart["title"]))
    chapters.append(("joint", _("Joint pledges")))
    return "secretariat/summaries/pledge_campaign.html", base_context(
        document, chapters, figures=figures, totals=totals, charts=charts, currency_chart=currency_chart,
        fulfilled=fulfilled, fulfilled_share=share, joint=joint)
