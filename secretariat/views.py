from django.views.generic import ListView, TemplateView

from accounts.mixins import SecretariatRequiredMixin
from core.models import AuditEvent
from core.registry import collect


class ConsoleView(SecretariatRequiredMixin, TemplateView):
    """The secretariat's start page: every moderation queue with its count, and the latest audit events."""

    template_name = "secretariat/console.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            queues=collect("secretariat", self.request.user),
            events=AuditEvent.objects.select_related("actor", "content_type")[:15],
            **kwargs,
        )


class AuditTrailView(SecretariatRequiredMixin, ListView):
    template_name = "secretariat/audit_trail.html"
    paginate_by = 50
    context_object_name = "events"

    def get_queryset(self):
        events = AuditEvent.objects.select_related("actor", "content_type")
        action = self.request.GET.get("action")
        return events.filter(action=action) if action else events
