"""Thin views: check access, load through selectors, bind a form, call one service, message and redirect."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from accounts.mixins import SecretariatRequiredMixin
from core.caching import CachedCountPaginator
from core.drafts import StaleEdit, StashOnLogoutMixin
from core.web import run_service
from core.workflow import DomainError
from gcm.models import Cycle, Objective

from . import permissions as perms
from . import selectors, services
from .enums import ReviewStatus, Section
from .forms import (
    SECTION_FORMS,
    AttachmentForm,
    CommentForm,
    EntryForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    InvitationForm,
    ObjectiveChoiceForm,
    ReturnForm,
)
from .models import DeadlineExtension, ObjectiveEntry

PAGE_SIZE = 50




# --- Public pages ----------------------------------------------------------------------------------------------------

class ReviewListView(TemplateView):
    """Published reviews of a cycle, by region, with filters; and where every Member State stands."""

    template_name = "reviews/review_list.html"

    def get_context_data(self, **kwargs):
        cycle = selectors.cycle_for(self.request.GET.get("cycle"))
        review_filter = selectors.published_review_list(cycle=cycle, params=self.request.GET)
        # Lazy: on a cache hit of the results block neither the count nor the rows are read.
        page = SimpleLazyObject(
            lambda: CachedCountPaginator(review_filter.qs, PAGE_SIZE).get_page(self.request.GET.get("page")))
        return super().get_context_data(
            cycle=cycle, cycles=list(Cycle.objects.order_by("-year")), filter=review_filter, page_obj=page,
            # Lazy: read only when the overview is rendered, not when it comes from the fragment cache.
            overview=SimpleLazyObject(lambda: selectors.state_overview(cycle)), **kwargs,
        )


class ReviewDetailView(TemplateView):
    template_name = "reviews/review_detail.html"

    def get_context_data(self, **kwargs):
        review = perms.access_published_review(self.kwargs["year"], self.kwargs["iso3"])
        return super().get_context_data(**selectors.review_public_context(review), **kwargs)


class ReviewPdfView(View):
    """The stored PDF if current; otherwise its build is queued and a short 'being prepared' page shown."""

    def get(self, request, year, iso3):
        review = perms.access_published_review(year, iso3)
        if not review.pdf_is_current:
            services.review_pdf_request(review_id=review.pk)
            review.refresh_from_db(fields=["pdf_file", "pdf_version"])
        if review.pdf_is_current:
            filename = f"{review.cycle.code}-{review.member_state.iso3}.pdf"
            return FileResponse(review.pdf_file.open("rb"), content_type="application/pdf", filename=filename)
        return render(request, "reviews/review_pdf_pending.html", {"review": review}, status=202)


# --- The State's workspace ------------------------------------------------------------------------------------------

class MyReviewsView(LoginRequiredMixin, TemplateView):
    template_name = "reviews/my_reviews.html"

    def get_context_data(self, **kwargs):
        cycle = selectors.cycle_for()
        return super().get_context_data(cycle=cycle, rows=selectors.reviews_for_focal_point(self.request.user, cycle),
                                        **kwargs)


class ReviewStartView(LoginRequiredMixin, View):
    def post(self, request, state_id):
        if not perms.can_start_review(request.user, state_id):
            raise Http404
        review = services.review_start(cycle=selectors.cycle_for(), member_state_id=state_id, by=request.user)
        return redirect(review.get_workspace_url())


class ReviewAccessMixin:
    """Loads self.review for the signed-in user (404 when it is another State's, or missing)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.review = perms.access_review(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def flags(self):
        user, review = self.request.user, self.review
        return {
            "can_edit": perms.can_edit_review(user, review),
            "can_submit": perms.can_submit_review(user, review),
            "can_request_extension": perms.can_request_extension(user, review),
            "can_invite": perms.can_invite_co_editor(user, review.member_state_id),
            "can_moderate": perms.can_moderate_reviews(user),
            "is_state_side": perms.is_state_side(user, review),
        }


class WorkspaceView(LoginRequiredMixin, ReviewAccessMixin, TemplateView):
    """The review's home for the State: progress, sections, secretariat comments, submit."""

    template_name = "reviews/review_workspace.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(review=self.review, **selectors.review_workspace(self.review),
                                        **self.flags(), extension_form=ExtensionRequestForm(), **kwargs)


class ReviewSubmitView(LoginRequiredMixin, ReviewAccessMixin, View):
    def post(self, request, pk):
        try:
            services.review_submit(review_id=pk, by=request.user)
        except services.IncompleteReview as err:
            view = WorkspaceView(request=request, kwargs={"pk": pk}, review=self.review)
            context = view.get_context_data(submit_gaps=err.gaps, submit_error=err.message)
            return render(request, WorkspaceView.template_name, context)
        except DomainError as err:
            messages.error(request, err.message)
            return redirect(self.review.get_workspace_url())
        messages.success(request, _("Your review was submitted to the Network Secretariat. Thank you."))
        return redirect(self.review.get_workspace_url())


class EditMixin(StashOnLogoutMixin, ReviewAccessMixin):
    """Draft edit pages: a POST from an expired session is stashed; only the State may edit, while editable."""

    def get(self, request, *args, **kwargs):
        if not perms.can_edit_review(request.user, self.review):
            messages.info(request, _("This review cannot be edited now."))
            return redirect(self.review.get_workspace_url())
        return self.show(self.bind(self.restored_data()))

    def post(self, request, *args, **kwargs):
        form = self.bind(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(form)
        try:
            self.save(form)
        except StaleEdit as err:
            return self.show(form, stale=err.message)
        except DomainError as err:
            messages.error(request, err.message)
            return redirect(self.review.get_workspace_url())
        messages.success(request, _("Saved."))
        return redirect(self.next_url())

    def next_url(self):
        return self.review.get_workspace_url()

    def show(self, form, stale=None):
        return render(self.request, self.template_name, {**self.context(), "form": form, "stale": stale,
                                                         "review": self.review})

    def context(self):
        return {}


class SectionEditView(EditMixin, View):
    template_name = "reviews/section_edit.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["section"] not in SECTION_FORMS:
            raise Http404
        self.section = Section(kwargs["section"])
        return super().dispatch(request, *args, **kwargs)

    def bind(self, data=None, files=None):
        initial = {"version": self.review.version}
        return SECTION_FORMS[self.section](data, instance=self.review, initial=initial)

    def save(self, form):
        services.review_save_section(review_id=self.review.pk, section=self.section, data=form.cleaned_data,
                                     version=form.cleaned_data["version"], by=self.request.user)

    def context(self):
        return {"section": self.section}


class ObjectivesView(LoginRequiredMixin, ReviewAccessMixin, TemplateView):
    """The objectives the State reports on, and a chooser to add one."""

    template_name = "reviews/objectives.html"

    def get(self, request, *args, **kwargs):
        entries = selectors.entries_of(self.review)
        form = ObjectiveChoiceForm(request.GET or None, exclude=[e.objective_id for e in entries])
        if form.is_valid():
            return redirect("reviews:entry", pk=self.review.pk, number=form.cleaned_data["objective"].number)
        return self.render_to_response(self.get_context_data(entries=entries, choice_form=form, review=self.review,
                                                             **self.flags()))


class EntryEditView(EditMixin, View):
    template_name = "reviews/entry_edit.html"

    def dispatch(self, request, *args, **kwargs):
        self.objective = get_object_or_404(Objective.objects.select_related("round_table"), number=kwargs["number"])
        return super().dispatch(request, *args, **kwargs)

    def bind(self, data=None, files=None):
        entry = ObjectiveEntry.objects.filter(review=self.review, objective=self.objective).first()
        return EntryForm(data, instance=entry, initial={"version": self.review.version})

    def save(self, form):
        services.entry_save(review_id=self.review.pk, objective=self.objective, data=form.cleaned_data,
                            version=form.cleaned_data["version"], by=self.request.user)

    def next_url(self):
        return reverse("reviews:objectives", args=[self.review.pk])

    def context(self):
        exists = ObjectiveEntry.objects.filter(review=self.review, objective=self.objective).exists()
        return {"objective": self.objective, "exists": exists}


class EntryDeleteView(LoginRequiredMixin, ReviewAccessMixin, View):
    def post(self, request, pk, number):
        objective = get_object_or_404(Objective, number=number)
        version = int(request.POST.get("version") or 0)
        run_service(request, lambda: services.entry_delete(review_id=pk, objective=objective, version=version,
                                                    by=request.user), _("The objective was removed."))
        return redirect("reviews:objectives", pk=pk)


class AttachmentsView(LoginRequiredMixin, ReviewAccessMixin, View):
    template_name = "reviews/attachments.html"

    def get(self, request, pk):
        return self.show(AttachmentForm())

    def post(self, request, pk):
        form = AttachmentForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(form)
        data = form.cleaned_data
        if run_service(request, lambda: services.attachment_add(review_id=pk, file=data["file"], kind=data["kind"],
                                                         title=data["title"], by=request.user), _("File added.")):
            return redirect("reviews:attachments", pk=pk)
        return self.show(form)

    def show(self, form):
        return render(self.request, self.template_name, {
            "review": self.review, "form": form, "attachments": self.review.attachments.all(), **self.flags()})


class AttachmentDeleteView(LoginRequiredMixin, ReviewAccessMixin, View):
    def post(self, request, pk, attachment_id):
        remove = lambda: services.attachment_remove(review_id=pk, attachment_id=attachment_id, by=request.user)  # noqa: E731
        run_service(request, remove, _("File removed."))
        return redirect("reviews:attachments", pk=pk)


class AttachmentDownloadView(View):
    """Attachments of a published review are public; before that only the State and the secretariat see them."""

    def get(self, request, pk, attachment_id):
        attachment = selectors.attachment_of(pk, attachment_id)
        review = attachment.review if attachment else None
        if review is None or not (review.is_published or perms.can_view_workspace(request.user, review)):
            raise Http404
        return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.filename)


class HistoryView(LoginRequiredMixin, ReviewAccessMixin, TemplateView):
    template_name = "reviews/review_history.html"

    def get_context_data(self, **kwargs):
        from core.audit import events_for

        return super().get_context_data(review=self.review, changes=selectors.review_history(self.review),
                                        events=events_for(self.review), **kwargs)


class ExtensionRequestView(LoginRequiredMixin, ReviewAccessMixin, View):
    def post(self, request, pk):
        form = ExtensionRequestForm(request.POST)
        if form.is_valid():
            run_service(request, lambda: services.extension_request(review_id=pk, by=request.user, **form.cleaned_data),
                        _("Your request was sent to the secretariat."))
        else:
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        return redirect(self.review.get_workspace_url())


class InviteView(LoginRequiredMixin, ReviewAccessMixin, View):
    template_name = "reviews/invite.html"

    def get(self, request, pk):
        return self.show(InvitationForm())

    def post(self, request, pk):
        form = InvitationForm(request.POST)
        if form.is_valid() and run_service(
            request, lambda: services.co_editor_invite(member_state_id=self.review.member_state_id,
                                                       email=form.cleaned_data["email"], by=request.user),
            _("The invitation was sent."),
        ):
            return redirect(self.review.get_workspace_url())
        return self.show(form)

    def show(self, form):
        if not perms.can_invite_co_editor(self.request.user, self.review.member_state_id):
            raise Http404
        return render(self.request, self.template_name, {"review": self.review, "form": form})


class InvitationAcceptView(LoginRequiredMixin, View):
    template_name = "reviews/invitation_accept.html"

    def get(self, request, token):
        invitation = services.invitation_from_token(token)
        return render(request, self.template_name, {"invitation": invitation, "token": token})

    def post(self, request, token):
        focal_point = run_service(request, lambda: services.co_editor_accept(token=token, user=request.user))
        if not focal_point:
            return redirect("reviews:accept_invitation", token=token)
        messages.success(request, _("You are now a co-editor of the voluntary review of %(state)s.")
                         % {"state": focal_point.member_state.name})
        return redirect("reviews:mine")


# --- Secretariat ----------------------------------------------------------------------------------------------------

class QueueView(SecretariatRequiredMixin, TemplateView):
    template_name = "reviews/queue.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", ReviewStatus.SUBMITTED)
        status = status if status in ReviewStatus.values else ""
        page = Paginator(selectors.review_queue(status=status), PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            status=status, statuses=ReviewStatus.choices, counts=selectors.queue_counts(), page_obj=page,
            extensions=selectors.pending_extensions(), decision_form=ExtensionDecisionForm(), **kwargs,
        )


class ModerateView(SecretariatRequiredMixin, ReviewAccessMixin, TemplateView):
    template_name = "reviews/review_moderate.html"

    def get_context_data(self, **kwargs):
        from core.audit import events_for

        content = {**selectors.review_workspace(self.review), **selectors.review_public_context(self.review)}
        return super().get_context_data(**content, events=events_for(self.review), return_form=ReturnForm(),
                                        comment_form=CommentForm(), **kwargs)


ACTIONS = {
    "accept": (lambda pk, by, comment: services.review_accept(review_id=pk, by=by),
               gettext_lazy("The review was accepted.")),
    "publish": (lambda pk, by, comment: services.review_publish(review_id=pk, by=by),
                gettext_lazy("The review was published.")),
    "unpublish": (lambda pk, by, comment: services.review_unpublish(review_id=pk, by=by, comment=comment),
                  gettext_lazy("The review was unpublished.")),
    "withdraw": (lambda pk, by, comment: services.review_withdraw(review_id=pk, by=by, comment=comment),
                 gettext_lazy("The review was withdrawn.")),
    "return": (lambda pk, by, comment: services.review_return(review_id=pk, by=by, comment=comment),
               gettext_lazy("The review was returned to the State with your comments.")),
}


class ModerateActionView(SecretariatRequiredMixin, View):
    def post(self, request, pk, action):
        if action not in ACTIONS:
            raise Http404
        service, success = ACTIONS[action]
        comment = request.POST.get("comment", "")
        run_service(request, lambda: service(pk, request.user, comment), success)
        return redirect("reviews:moderate", pk=pk)


class ExtensionDecideView(SecretariatRequiredMixin, View):
    def post(self, request, extension_id):
        get_object_or_404(DeadlineExtension, pk=extension_id)
        form = ExtensionDecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Check the date."))
        elif "refuse" in request.POST:
            run_service(request, lambda: services.extension_refuse(extension_id=extension_id, by=request.user,
                                                            comment=form.cleaned_data["comment"]),
                        _("The extension was refused."))
        else:
            run_service(request, lambda: services.extension_grant(extension_id=extension_id, by=request.user,
                                                           **form.cleaned_data),
                        _("The extension was granted."))
        return redirect("reviews:queue")
