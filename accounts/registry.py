"""What the accounts app contributes to shared pages (home page counts, secretariat console queues)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import FocalPoint, Organization, ReviewerProfile
from .selectors import pending_memberships, stakeholder_count


def home_stakeholders(cycle):
    return {"key": "stakeholders", "count": stakeholder_count(), "label": _("verified organizations")}


def secretariat_queues(user):
    organizations = reverse("secretariat:organizations")
    return [
        {"label": _("Requests to join organizations"), "count": pending_memberships().count(),
         "url": reverse("secretariat:memberships")},
        {"label": _("Organizations awaiting verification"),
         "count": Organization.objects.filter(verified=False).count(), "url": f"{organizations}?status=unverified"},
        {"label": _("State focal points and co-editors"), "count": FocalPoint.objects.count(),
         "url": reverse("secretariat:focal_points")},
        {"label": _("Peer reviewers in the roster"), "count": ReviewerProfile.objects.filter(is_active=True).count(),
         "url": reverse("secretariat:reviewers")},
    ]
