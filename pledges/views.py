
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.mixins import SecretariatRequiredMixin
from accounts.roles import is_secretariat
from core.audit import events_for
from core.caching import CachedCountPaginator, cached_for_query
from core.drafts import StashOnLogoutMixin
from core.streaming import csv_lines, json_object_lines, streamed_download
from core.web import run_service
from core.workflow import DomainError

from . import services
from .enums import ACTION_LABELS
from .exports import csv_rows, rows
from .forms import CommentForm, PledgeForm, ProgressUpdateForm, ReasonForm, WithdrawForm
from .permissions import (
    access_editable_pledge,
    access_moderated_pledge,
    access_own_pledge,
    access_partner_invitation,
    access_pledge,
    access_update_file,
    acts_for_pledger,
    can_edit_pledge,
    can_pledge,
    can_report_progress,
    can_respond_as_partner,
    can_withdraw_pledge,
)
from .selectors import (
    dashboard,
    dashboard_charts,
    invitations_for,
    moderation_queue,
    pledge_detail_extras,
    pledge_list,
    pledges_of,
    updates_to_moderate,
)


class ModeratorRequiredMixin(SecretariatRequiredMixin):
    """Secretariat staff only (others get a 404); accounts' middleware makes staff set up MFA first."""




# --- Public -------------------------------------------------------------------------------------------------------

class PledgeListView(TemplateView):
    template_name = "pledges/pledge_list.html"

    def get_context_data(self, **kwargs):
        filterset = pledge_list(params=self.request.GET)
        # Lazy: on a cache hit of the results block neither the count nor the rows are read.
        page_obj = SimpleLazyObject(
            lambda: CachedCountPaginator(filterset.qs, 20).get_page(self.request.GET.get("page")))
        return super().get_context_data(filter=filterset, page_obj=page_obj,
                                        query=self.request.GET.urlencode(), **kwargs)


class PledgeDashboardView(TemplateView):
    template_name = "pledges/pledge_dashboard.html"

    def get_context_data(self, **kwargs):
        filterset = pledge_list(params=self.request.GET)
        # Lazy: computed only when the figures panel is rendered, not when it comes from the fragment cache.
        figures = SimpleLazyObject(lambda: cached_for_query("pledge-dashboard", filterset.qs,
                                                            lambda: dashboard(filterset.qs)))
        both = SimpleLazyObject(lambda: dashboard_charts(figures))
        charts, currency_chart = SimpleLazyObject(lambda: both[0]), SimpleLazyObject(lambda: both[1])
        return super().get_context_data(filter=filterset, figures=figures, charts=charts,
                                        currency_chart=currency_chart,
                                        query=self.request.GET.urlencode(), **kwargs)


class PledgeExportView(View):
    format = "csv"

    def get(self, request):
        queryset = pledge_list(params=request.GET).qs
        stamp = timezone.now().strftime("%Y%m%d")
        filename = f"pledges-{stamp}.{self.format}"
        if self.format == "json":
            return streamed_download(json_object_lines({}, "pledges", rows(queryset)),
                                     content_type="application/json; charset=utf-8", filename=filename)
        # UTF-8 with a BOM so spreadsheets read the accents.
        return streamed_download(csv_lines(csv_rows(queryset), bom=True), content_type="text/csv; charset=utf-8",
                                 filename=filename)


class PledgeDetailView(TemplateView):
    template_name = "pledges/pledge_detail.html"

    def get_context_data(self, **kwargs):
        user, pledge = self.request.user, access_pledge(self.request.user, self.kwargs["pk"])
        insider = acts_for_pledger(user, pledge) or is_secretariat(user)
        invitations = [p for p in pledge.partners.select_related("pledge") if can_respond_as_partner(user, p)]
        return super().get_context_data(
            pledge=pledge, insider=insider, invitations=invitations,
            can_edit=can_edit_pledge(user, pledge), can_withdraw=can_withdraw_pledge(user, pledge),
            can_report=can_report_progress(user, pledge), can_moderate=is_secretariat(user),
            history=[(event, ACTION_LABELS.get(event.action, event.action)) for event in events_for(pledge)]
            if insider else [],
            comment_form=CommentForm(), reason_form=ReasonForm(), withdraw_form=WithdrawForm(),
            **pledge_detail_extras(pledge, public=not insider), **kwargs,
        )


class PledgeFileView(View):
    def get(self, request, pk):
        pledge = access_pledge(request.user, pk)
        if not pledge.supporting_file:
            raise Http404
        return FileResponse(pledge.supporting_file.open("rb"), as_attachment=True,
                            filename=pledge.supporting_file.name.rsplit("/", 1)[-1])


class UpdateFileView(View):
    def get(self, request, pk):
        update = access_update_file(request.user, pk)
        return FileResponse(update.evidence_file.open("rb"), as_attachment=True,
                            filename=update.evidence_file.name.rsplit("/", 1)[-1])


# --- Pledgers -----------------------------------------------------------------------------------------------------

class MyPledgesView(LoginRequiredMixin, TemplateView):
    template_name = "pledges/pledge_mine.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(pledges=pledges_of(user), invitations=invitations_for(user),
                                        can_pledge=can_pledge(user), **kwargs)


class PledgeFormView(StashOnLogoutMixin, View):
    """Create (no pk) or edit a draft; "Save draft" keeps partial data, "Submit" also checks completeness and
    lists every missing item at once. Nothing typed is lost: on any error the form comes back filled in."""

    template_name = "pledges/pledge_form.html"

    def get(self, request, pk=None):
        pledge = self._pledge(pk)
        restored = self.restored_data()
        initial = PledgeForm.initial_for(pledge) if pledge else {}
        form = PledgeForm(restored, user=request.user, pledge=pledge, initial=initial) if restored else \
            PledgeForm(user=request.user, pledge=pledge, initial=initial)
        return self._render(form, pledge)

    def post(self, request, pk=None):
        pledge = self._pledge(pk)
        form = PledgeForm(request.POST, request.FILES, user=request.user, pledge=pledge)
        if not form.is_valid():
            return self._render(form, pledge)
        try:
            pledge = self._save(form, pledge)
        except DomainError as err:
            form.add_error(None, err.message)
            return self._render(form, pledge)
        if "submit" not in request.POST:
            messages.success(request, _("Your draft has been saved."))
            return redirect("pledges:edit", pk=pledge.pk)
        return self._submit(form, pledge)

    def _pledge(self, pk):
        if pk is not None:
            return access_editable_pledge(self.request.user, pk)
        if not can_pledge(self.request.user):
            raise Http404
        return None

    def _save(self, form, pledge):
        data, upload = form.service_data(), form.cleaned_data.get("supporting_file")
        if pledge is None:
            return services.pledge_create(by=self.request.user, data=data, supporting_file=upload)
        return services.pledge_update(pledge_id=pledge.pk, by=self.request.user,
                                      version=form.cleaned_data.get("version") or 0, data=data,
                                      supporting_file=upload)

    def _submit(self, form, pledge):
        try:
            services.pledge_submit(pledge_id=pledge.pk, by=self.request.user)
        except services.IncompletePledge as err:
            data = self.request.POST.copy()
            data["version"] = pledge.version
            form = PledgeForm(data, user=self.request.user, pledge=pledge)
            form.is_valid()
            for field, message in err.problems:
                form.add_error(field, message)
            messages.warning(self.request, _("Your draft has been saved, but it cannot be submitted yet."))
            return self._render(form, pledge)
        except DomainError as err:
            messages.error(self.request, err.message)
            return redirect("pledges:detail", pk=pledge.pk)
        messages.success(self.request, _("Your pledge has been submitted to the secretariat."))
        return redirect("pledges:detail", pk=pledge.pk)

    def _render(self, form, pledge):
        return render(self.request, self.template_name, {"form": form, "pledge": pledge})


class PledgeWithdrawView(LoginRequiredMixin, View):
    def post(self, request, pk):
        pledge = access_own_pledge(request.user, pk)
        form = WithdrawForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        run_service(request, lambda: services.pledge_withdraw(pledge_id=pledge.pk, by=request.user, reason=reason),
                    _("The pledge has been withdrawn."))
        return redirect("pledges:detail", pk=pledge.pk)


class PartnerRespondView(LoginRequiredMixin, View):
    def post(self, request, pk):
        partner = access_partner_invitation(request.user, pk)
        if request.POST.get("decision") == "confirm":
            run_service(request, lambda: services.partner_confirm(partner_id=pk, by=request.user),
                        _("You confirmed the partnership."))
        else:
            run_service(request, lambda: services.partner_decline(partner_id=pk, by=request.user),
                        _("You declined the partnership. You will not be shown as a partner."))
        return redirect("pledges:detail", pk=partner.pledge_id)


class ProgressCreateView(LoginRequiredMixin, View):
    template_name = "pledges/progress_form.html"

    def get(self, request, pk):
        pledge = self._pledge(pk)
        form = ProgressUpdateForm(initial={"language": pledge.language})
        return render(request, self.template_name, {"form": form, "pledge": pledge})

    def post(self, request, pk):
        pledge = self._pledge(pk)
        form = ProgressUpdateForm(request.POST, request.FILES)
        if form.is_valid() and run_service(request, lambda: services.progress_update_submit(
                pledge_id=pledge.pk, by=request.user, **form.cleaned_data),
                _("Thank you: your update will be shown once the secretariat has checked it.")):
            return redirect("pledges:detail", pk=pledge.pk)
        return render(request, self.template_name, {"form": form, "pledge": pledge})

    def _pledge(self, pk):
        pledge = access_own_pledge(self.request.user, pk)
        if not can_report_progress(self.request.user, pledge):
            raise Http404
        return pledge


# --- Secretariat --------------------------------------------------------------------------------------------------

class ModerationView(ModeratorRequiredMixin, TemplateView):
    template_name = "pledges/pledge_moderation.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(pledges=moderation_queue(), updates=updates_to_moderate(),
                                        reason_form=ReasonForm(), **kwargs)


class PledgeDecisionView(ModeratorRequiredMixin, View):
    """Publish, return (with comments) or reject (with a reason) a submitted pledge."""

    def post(self, request, pk, decision):
        pledge = access_moderated_pledge(request.user, pk)
        comment = request.POST.get("comment", "")
        actions = {
            "publish": (lambda: services.pledge_publish(pledge_id=pk, by=request.user),
                        _("The pledge is published.")),
            "return": (lambda: services.pledge_return(pledge_id=pk, by=request.user, comment=comment),
                       _("The pledge was returned to the pledger with your comments.")),
            "reject": (lambda: services.pledge_reject(pledge_id=pk, by=request.user, reason=comment),
                       _("The pledge was rejected.")),
        }
        if decision not in actions:
            raise Http404
        run_service(request, *actions[decision])
        return redirect("pledges:detail", pk=pledge.pk)


class UpdateDecisionView(ModeratorRequiredMixin, View):
    def post(self, request, pk, decision):
        if decision == "publish":
            run_service(request, lambda: services.progress_update_publish(update_id=pk, by=request.user),
                        _("The progress update is published."))
        elif decision == "reject":
            run_service(request, lambda: services.progress_update_reject(
                update_id=pk, by=request.user, reason=request.POST.get("comment", "")),
                _("The progress update was rejected."))
        else:
            raise Http404
        return redirect("pledges:moderate")
