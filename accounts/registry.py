"""What the accounts app contributes to shared pages (home page counts, secretariat console queues)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import queue

from .models import FocalPoint, Organization, ReviewerProfile
from .selectors import pending_memberships, stakeholder_count, states_without_focal_point


def home_stakeholders(cycle):
    return {"key": "stakeholders", "count": stakeholder_count(), "label": _("verified organizations")}


def secretariat_queues(user):
    organizations = reverse("secretariat:organizations")
    focal_points = reverse("secretariat:focal_points")
    return [
        queue("memberships", _("Requests to join organizations"), pending_memberships(), "created_at",
              reverse("secretariat:memberships")),
        queue("organizations", _("Organizations awaiting verification"), Organization.objects.filter(verified=False),
              "created_at", f"{organizations}?status=unverified"),
        queue("states_without_focal_point", _("Member States without a focal point"), states_without_focal_point(),
              None, focal_points, informative=True),
        {"key": "focal_points", "label": _("State focal points and co-editors"), "count": FocalPoint.objects.count(),
         "url": focal_points, "oldest": None, "informative": True},
        {"key": "reviewers", "label": _("Peer reviewers in the roster"),
         "count": ReviewerProfile.objects.filter(is_active=True).count(), "url": reverse("secretariat:reviewers"),
         "oldest": None, "informative": True},
    ]
