from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts import services as account_services
from accounts.forms import ApproveForm, FocalPointForm, ReasonForm, ReviewerForm
from accounts.mixins import SecretariatRequiredMixin
from accounts.models import FocalPoint, Organization, ReviewerProfile
from accounts.selectors import focal_point_list, organization_list, pending_memberships, reviewer_list, roster_balance
from core.models import AuditEvent
from core.web import run_service
from core.workflow import DomainError
from gcm.selectors import active_cycle

from .forms import FocalPointFilterForm, OrganizationFilterForm, ReviewerFilterForm, SummaryRequestForm
from .models import SummaryDocument, SummaryKind, SummaryStatus
from .selectors import audit_csv_rows, audit_filter, console_queues, cycle_figures, object_events
from .services import summary_request
from .tasks import build_summary_task


class ConsoleView(SecretariatRequiredMixin, TemplateView):
    """The secretariat's start page: every moderation queue with its count, and the latest audit events."""

    template_name = "secretariat/console.html"

    def get_context_data(self, **kwargs):
        cycle = active_cycle()
        return super().get_context_data(
            queues=console_queues(self.request.user), cycle=cycle,
            figures=cycle_figures(cycle) if cycle else None,
            events=AuditEvent.objects.select_related("actor", "content_type")[:15],
            **kwargs,
        )


class AuditTrailView(SecretariatRequiredMixin, TemplateView):
    """The audit trail, filtered by object type, actor, action and date range; exportable as CSV."""

    template_name = "secretariat/audit_trail.html"

    def get_context_data(self, **kwargs):
        filters = audit_filter(self.request.GET)
        return super().get_context_data(filters=filters, page_obj=_page(self.request, filters.qs),
                                        export_query=self.request.GET.urlencode(), **kwargs)


class AuditExportView(SecretariatRequiredMixin, View):
    """The filtered audit trail as CSV, streamed row by row."""

    def get(self, request):
        response = StreamingHttpResponse(audit_csv_rows(audit_filter(request.GET).qs), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="femi-audit-trail.csv"'
        return response


class ObjectHistoryView(SecretariatRequiredMixin, TemplateView):
    """Everything recorded about one object, newest first."""

    template_name = "secretariat/object_history.html"

    def get_context_data(self, **kwargs):
        content_type = get_object_or_404(ContentType, pk=kwargs.pop("content_type_id"))
        events = object_events(content_type, kwargs["object_id"])
        if not events:
            raise Http404
        return super().get_context_data(content_type=content_type, target=events[0].target, events=events,
                                        **kwargs)


def _page(request, queryset, per_page=50):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))




# --- Organizations and memberships --------------------------------------------------------------------------------

class OrganizationListView(SecretariatRequiredMixin, TemplateView):
    template_name = "secretariat/organization_list.html"

    def get_context_data(self, **kwargs):
        filters = OrganizationFilterForm(self.request.GET or None)
        return super().get_context_data(
            filters=filters, page_obj=_page(self.request, organization_list(**filters.params())),
            reason_form=ReasonForm(), **kwargs,
        )


class OrganizationVerifyView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        organization = get_object_or_404(Organization, pk=pk)
        run_service(request, lambda: account_services.organization_verify(organization_id=pk, by=request.user),
                    _("%(name)s is now verified.") % {"name": organization.name})
        return redirect("secretariat:organizations")


class OrganizationDeclineView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        organization = get_object_or_404(Organization, pk=pk)
        form = ReasonForm(request.POST)
        comment = form.cleaned_data["comment"] if form.is_valid() else ""
        run_service(request, lambda: account_services.organization_reject(organization_id=pk, by=request.user,
                                                                   comment=comment),
                    _("The proposal of %(name)s has been declined.") % {"name": organization.name})
        return redirect("secretariat:organizations")


class MembershipQueueView(SecretariatRequiredMixin, TemplateView):
    template_name = "secretariat/membership_queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_obj=_page(self.request, pending_memberships()), approve_form=ApproveForm(), reason_form=ReasonForm(),
            **kwargs,
        )


# --- State focal points -------------------------------------------------------------------------------------------

class FocalPointListView(SecretariatRequiredMixin, View):
    """Every designation, with the form to designate one more."""

    template_name = "secretariat/focal_point_list.html"

    def get(self, request, form=None):
        filters = FocalPointFilterForm(request.GET or None)
        return render(request, self.template_name, {
            "filters": filters, "page_obj": _page(request, focal_point_list(**filters.params())),
            "form": form or FocalPointForm(), "reason_form": ReasonForm(),
        })

    def post(self, request):
        form = FocalPointForm(request.POST)
        if form.is_valid():
            try:
                account_services.focal_point_designate(by=request.user, **form.cleaned_data)
            except DomainError as err:
                form.add_error("email", err.message)
            else:
                messages.success(request, _("The focal point has been designated."))
                return redirect("secretariat:focal_points")
        return self.get(request, form=form)


class FocalPointRemoveView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        form = ReasonForm(request.POST)
        comment = form.cleaned_data["comment"] if form.is_valid() else ""
        focal_point = get_object_or_404(FocalPoint, pk=pk)
        account_services.focal_point_remove(focal_point_id=focal_point.pk, by=request.user, comment=comment)
        messages.success(request, _("The designation has been removed."))
        return redirect("secretariat:focal_points")


# --- Peer-reviewer roster -----------------------------------------------------------------------------------------

class ReviewerListView(SecretariatRequiredMixin, TemplateView):
    template_name = "secretariat/reviewer_list.html"

    def get_context_data(self, **kwargs):
        filters = ReviewerFilterForm(self.request.GET or None)
        return super().get_context_data(
            filters=filters, page_obj=_page(self.request, reviewer_list(**filters.params())),
            balance=roster_balance(ReviewerProfile.objects.all()), **kwargs,
        )


class ReviewerEnrollView(SecretariatRequiredMixin, View):
    template_name = "secretariat/reviewer_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": ReviewerForm(), "profile": None})

    def post(self, request):
        form = ReviewerForm(request.POST)
        if form.is_valid():
            try:
                account_services.reviewer_enroll(by=request.user, email=form.cleaned_data["email"],
                                                 **form.profile_fields())
            except DomainError as err:
                form.add_error("email", err.message)
            else:
                messages.success(request, _("The reviewer has been added to the roster."))
                return redirect("secretariat:reviewers")
        return render(request, self.template_name, {"form": form, "profile": None})


class ReviewerEditView(SecretariatRequiredMixin, View):
    template_name = "secretariat/reviewer_form.html"

    def get(self, request, pk):
        profile = get_object_or_404(ReviewerProfile.objects.select_related("user"), pk=pk)
        initial = {"kind": profile.kind, "organization": profile.organization_id, "country": profile.country_id,
                   "objectives": list(profile.objectives.all()), "regions": profile.regions,
                   "languages": profile.languages, "gender": profile.gender,
                   "max_active_reviews": profile.max_active_reviews}
        return render(request, self.template_name, {"form": ReviewerForm(initial=initial, editing=True),
                                                    "profile": profile})

    def post(self, request, pk):
        profile = get_object_or_404(ReviewerProfile.objects.select_related("user"), pk=pk)
        form = ReviewerForm(request.POST, editing=True)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form, "profile": profile})
        account_services.reviewer_update(profile_id=pk, by=request.user, **form.profile_fields())
        messages.success(request, _("The reviewer's profile has been saved."))
        return redirect("secretariat:reviewers")


class ReviewerActivationView(SecretariatRequiredMixin, View):
    active = None

    def post(self, request, pk):
        get_object_or_404(ReviewerProfile, pk=pk)
        success = _("The reviewer is back in the roster.") if self.active else _("The reviewer has been deactivated.")
        run_service(request, lambda: account_services.reviewer_set_active(profile_id=pk, by=request.user,
                                                                   active=self.active), success)
        return redirect("secretariat:reviewers")


# --- Summary documents (PDF) --------------------------------------------------------------------------------------

class SummaryListView(SecretariatRequiredMixin, View):
    """Requested summary documents with their status, and the form to request one."""

    template_name = "secretariat/summary_list.html"

    def get(self, request, form=None):
        form = form or SummaryRequestForm(initial={
            "cycle": active_cycle(), "language": translation.get_language(), "kind": SummaryKind.OVERVIEW,
        })
        documents = SummaryDocument.objects.select_related("cycle", "round_table", "requested_by")
        return render(request, self.template_name, {"form": form, "page_obj": _page(request, documents, 25)})

    def post(self, request):
        form = SummaryRequestForm(request.POST)
        if not form.is_valid():
            return self.get(request, form=form)
        ok = run_service(request, lambda: summary_request(by=request.user, **form.cleaned_data),
                         _("The summary is being prepared; it will be ready to download in a moment."))
        return redirect("secretariat:summaries") if ok else self.get(request, form=form)


class SummaryDownloadView(SecretariatRequiredMixin, View):
    def get(self, request, pk):
        document = get_object_or_404(SummaryDocument, pk=pk, status=SummaryStatus.DONE)
        return FileResponse(document.file.open("rb"), as_attachment=True,
                            filename=f"femi-summary-{document.pk}.pdf", content_type="application/pdf")


class SummaryRetryView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        document = get_object_or_404(SummaryDocument, pk=pk, status__in=[SummaryStatus.FAILED, SummaryStatus.PENDING])
        transaction.on_commit(lambda: build_summary_task.delay(document_id=document.pk))
        messages.info(request, _("The summary will be built again."))
        return redirect("secretariat:summaries")
