from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from accounts.mixins import SecretariatRequiredMixin as BaseSecretariatRequiredMixin
from accounts.roles import is_secretariat
from core.audit import events_for
from core.caching import CachedCountPaginator, cached_for_query
from core.drafts import StashOnLogoutMixin
from core.streaming import csv_lines, json_object_lines, streamed_download
from core.web import run_service
from core.workflow import DomainError

from . import permissions as perms
from . import selectors, services
from .enums import CRITERION_GUIDANCE, Criterion, PracticeStatus
from .exports import EXPORT_COLUMNS, export_rows
from .filters import SORT_CHOICES, PracticeFilter
from .forms import (
    AnswerForm,
    AssignForm,
    AttachmentForm,
    ClarificationForm,
    DecisionForm,
    DeclineForm,
    EligibilityForm,
    PracticeForm,
    ReviewForm,
    WithdrawForm,
)
from .models import Attachment

PAGE_SIZE = 20


class SecretariatRequiredMixin(BaseSecretariatRequiredMixin):
    """Secretariat only (others get a 404); accounts' middleware makes staff set up MFA first."""
FACETS = [
    ("objective", gettext_lazy("GCM objective")),
    ("round_table", gettext_lazy("IMRF round table")),
    ("principle", gettext_lazy("Guiding principle")),
    ("region", gettext_lazy("Region")),
    ("country", gettext_lazy("Country or global")),
    ("category", gettext_lazy("Submitter")),
    ("theme", gettext_lazy("Cross-cutting theme")),
    ("language", gettext_lazy("Content language")),
    ("year", gettext_lazy("Year of publication")),
]


def _fail(request, err):
    messages.error(request, err.message)


# --- Public repository ---------------------------------------------------------------------------------------

def filtered_practices(request):
    return PracticeFilter(request.GET, queryset=selectors.published_practices())


class PracticeListView(TemplateView):
    """The public repository: search, facets with counts, sorting and pagination."""

    template_name = "practices/practice_list.html"

    def get_context_data(self, **kwargs):
        practice_filter = filtered_practices(self.request)
        queryset = practice_filter.qs
        # Lazy, like the facets: on a cache hit of the results block neither the count nor the rows are read.
        page = SimpleLazyObject(lambda: CachedCountPaginator(selectors.practice_list_rows(queryset), PAGE_SIZE)
                                .get_page(self.request.GET.get("page")))
        # Lazy: read only when the facet panel is rendered, not when it comes from the fragment cache.
        facets = SimpleLazyObject(lambda: self._facets(
            cached_for_query("practice-facets", queryset, lambda: selectors.practice_facets(queryset))))
        return super().get_context_data(
            filter=practice_filter, page_obj=page, practices=SimpleLazyObject(lambda: page.object_list), facets=facets,
            query=self.request.GET.urlencode(),
            sort_choices=SORT_CHOICES,
            **kwargs,
        )

    def _facets(self, counts):
        params = self.request.GET
        result = []
        for name, title in FACETS:
            options = []
            for value, label, count in counts[name]:
                query = params.copy()
                query.pop("page", None)
                active = params.get(name) == value
                if active:
                    query.pop(name)
                else:
                    query[name] = value
                options.append({"value": value, "label": label, "count": count, "active": active,
                                "url": f"?{query.urlencode()}"})
            result.append({"name": name, "title": title, "options": options})
        return result


class PracticeDetailView(TemplateView):
    """Public page of a published practice; the submitter, its reviewers and the secretariat also see it
    before publication. Anyone else gets a 404."""

    template_name = "practices/practice_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        practice = perms.access_practice(user, self.kwargs["pk"])
        practice = selectors.practice_detail(practice.pk)
        submitter_side = perms.is_submitter_side(user, practice)
        return super().get_context_data(
            practice=practice,
            # Lazy and cached as a public fragment: ranking every practice that shares an objective is costly.
            related=SimpleLazyObject(lambda: list(selectors.related_practices(practice))
                                     if practice.status == PracticeStatus.PUBLISHED else []),
            is_submitter=submitter_side,
            can_edit=perms.can_edit_practice(user, practice),
            can_submit=perms.can_submit_practice(user, practice),
            can_resubmit=perms.can_resubmit_practice(user, practice),
            can_withdraw=perms.can_withdraw_practice(user, practice),
            can_manage=is_secretariat(user),
            reviews=selectors.submitter_reviews(practice) if submitter_side else [],
            clarifications=selectors.clarifications_for_submitter(practice) if submitter_side else [],
            answer_form=AnswerForm(),
            **kwargs,
        )


class LatestPracticesFeed(Feed):
    title = gettext_lazy("FEMI Portal – new practices")
    description = gettext_lazy("Peer-reviewed practices that implement the Global Compact for Migration.")

    def link(self):
        return reverse("practices:list")

    def items(self):
        return selectors.practice_list_rows(selectors.published_practices().order_by("-published_at"))[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.submitter_label

    def item_categories(self, item):
        return [str(o) for o in item.objectives.all()]


class LatestPracticesAtomFeed(LatestPracticesFeed):
    feed_type = Atom1Feed
    subtitle = LatestPracticesFeed.description


class ExportCSVView(View):
    def get(self, request):
        rows = export_rows(filtered_practices(request).qs, request, header=True)
        return streamed_download(csv_lines(rows), content_type="text/csv; charset=utf-8", filename="practices.csv")


class ExportJSONView(View):
    def get(self, request):
        queryset = filtered_practices(request).qs
        records = (dict(zip(EXPORT_COLUMNS, row, strict=True)) for row in export_rows(queryset, request))
        chunks = json_object_lines({"count": queryset.count()}, "results", records)
        return streamed_download(chunks, content_type="application/json; charset=utf-8", filename="practices.json")


# --- Submitters ----------------------------------------------------------------------------------------------

class MyPracticesView(LoginRequiredMixin, TemplateView):
    template_name = "practices/practice_mine.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            practices=selectors.practices_for_submitter(user), can_create=perms.can_submit_practices(user),
            assignments=selectors.assignments_for_reviewer(user) if perms.is_reviewer(user) else None, **kwargs,
        )


class PracticeFormMixin(StashOnLogoutMixin):
    template_name = "practices/practice_form.html"

    def render_form(self, form, practice=None, **extra):
        return self.render_to_response(self.get_context_data(
            form=form, practice=practice, attachment_form=AttachmentForm(),
            attachments=practice.attachments.all() if practice else [], **extra))

    def bound_form(self, practice=None):
        data = self.restored_data()
        return PracticeForm(data, instance=practice, user=self.request.user) if data is not None else \
            PracticeForm(instance=practice, user=self.request.user)


class PracticeCreateView(PracticeFormMixin, TemplateView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not perms.can_submit_practices(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render_form(self.bound_form())

    def post(self, request):
        form = PracticeForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_form(form)
        try:
            practice = services.practice_create(by=request.user, data=form.cleaned_data)
        except DomainError as err:
            _fail(request, err)
            return self.render_form(form)
        messages.success(request, _("Draft saved. You can add files and images below."))
        return redirect("practices:edit", pk=practice.pk)


class PracticeEditView(PracticeFormMixin, TemplateView):
    def practice(self):
        practice = perms.access_practice_for_submitter(self.request.user, self.kwargs["pk"])
        if not perms.can_edit_practice(self.request.user, practice):
            raise Http404
        return practice

    def get(self, request, pk):
        practice = self.practice()
        return self.render_form(self.bound_form(practice), practice)

    def post(self, request, pk):
        practice = self.practice()
        form = PracticeForm(request.POST, instance=practice, user=request.user)
        if not form.is_valid():
            return self.render_form(form, practice)
        try:
            services.practice_update(practice_id=practice.pk, by=request.user,
                                     version=form.cleaned_data.get("version") or practice.version,
                                     data=form.cleaned_data)
        except DomainError as err:
            _fail(request, err)
            return self.render_form(form, practice)
        messages.success(request, _("Your changes are saved."))
        return redirect("practices:detail" if "done" in request.POST else "practices:edit", pk=practice.pk)


class AttachmentAddView(LoginRequiredMixin, View):
    def post(self, request, pk):
        practice = perms.access_practice_for_submitter(request.user, pk)
        form = AttachmentForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return redirect("practices:edit", pk=pk)
        run_service(request, lambda: services.attachment_add(practice_id=practice.pk, by=request.user,
                                                             **form.cleaned_data), _("File added."))
        return redirect("practices:edit", pk=pk)


class AttachmentDownloadView(View):
    """An attachment, always as a download (never rendered inline by the browser)."""

    def get(self, request, pk):
        attachment = perms.access_attachment(request.user, pk)
        return FileResponse(attachment.file.open("rb"), as_attachment=True,
                            filename=attachment.file.name.rsplit("/", 1)[-1])


class AttachmentRemoveView(LoginRequiredMixin, View):
    def post(self, request, pk):
        attachment = Attachment.objects.filter(pk=pk).first()
        if attachment is None:
            raise Http404
        practice = perms.access_practice_for_submitter(request.user, attachment.practice_id)
        run_service(request, lambda: services.attachment_remove(attachment_id=attachment.pk, by=request.user),
                    _("File removed."))
        return redirect("practices:edit", pk=practice.pk)


class PracticeSubmitView(LoginRequiredMixin, TemplateView):
    """The eligibility checklist and every missing item, then submission."""

    template_name = "practices/practice_submit.html"

    def practice(self):
        practice = perms.access_practice_for_submitter(self.request.user, self.kwargs["pk"])
        if not (perms.can_submit_practice(self.request.user, practice)
                or perms.can_resubmit_practice(self.request.user, practice)):
            raise Http404
        return practice

    def get(self, request, pk):
        practice = self.practice()
        return self.render_to_response(self.get_context_data(
            practice=practice, form=EligibilityForm(), missing=services.missing_items(practice)))

    def post(self, request, pk):
        practice = self.practice()
        form = EligibilityForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(
                practice=practice, form=form, missing=services.missing_items(practice)))
        service = services.practice_submit if practice.status == PracticeStatus.DRAFT else services.practice_resubmit
        try:
            service(practice_id=practice.pk, by=request.user)
        except DomainError as err:
            _fail(request, err)
            return redirect("practices:submit", pk=pk)
        messages.success(request, _("Thank you. The practice is submitted for peer review."))
        return redirect("practices:detail", pk=pk)


class PracticeWithdrawView(LoginRequiredMixin, TemplateView):
    template_name = "practices/practice_withdraw.html"

    def get(self, request, pk):
        practice = perms.access_practice_for_submitter(request.user, pk)
        return self.render_to_response(self.get_context_data(practice=practice, form=WithdrawForm()))

    def post(self, request, pk):
        practice = perms.access_practice_for_submitter(request.user, pk)
        form = WithdrawForm(request.POST)
        form.is_valid()
        run_service(request, lambda: services.practice_withdraw(practice_id=practice.pk, by=request.user,
                                                                comment=form.cleaned_data.get("comment", "")),
                    _("The practice is withdrawn."))
        return redirect("practices:detail", pk=pk)


class ClarificationAnswerView(LoginRequiredMixin, View):
    def post(self, request, pk):
        clarification = perms.access_clarification(request.user, pk)
        form = AnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please write your answer."))
        else:
            run_service(request, lambda: services.clarification_answer(
                clarification_id=clarification.pk, by=request.user, answer=form.cleaned_data["answer"]),
                _("Your answer was sent to the reviewer."))
        return redirect("practices:detail", pk=clarification.assignment.practice_id)


# --- Reviewers -----------------------------------------------------------------------------------------------

class AssignmentView(LoginRequiredMixin, TemplateView):
    """An invitation: the practice, and accept / decline (with a reason)."""

    template_name = "practices/assignment_detail.html"

    def get_context_data(self, **kwargs):
        assignment = perms.access_assignment(self.request.user, self.kwargs["pk"])
        return super().get_context_data(
            assignment=assignment, practice=selectors.practice_detail(assignment.practice_id),
            can_respond=perms.can_respond_to_assignment(self.request.user, assignment),
            can_review=perms.can_review(self.request.user, assignment),
            decline_form=DeclineForm(), clarifications=selectors.clarifications_for_assignment(assignment),
            **kwargs,
        )


class AssignmentAcceptView(LoginRequiredMixin, View):
    def post(self, request, pk):
        assignment = perms.access_assignment(request.user, pk)
        try:
            services.assignment_accept(assignment_id=assignment.pk, by=request.user)
        except DomainError as err:
            _fail(request, err)
            return redirect("practices:assignment", pk=pk)
        messages.success(request, _("Thank you for accepting. You can start your review."))
        return redirect("practices:review", pk=pk)


class AssignmentDeclineView(LoginRequiredMixin, View):
    def post(self, request, pk):
        assignment = perms.access_assignment(request.user, pk)
        form = DeclineForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please say why you decline."))
            return redirect("practices:assignment", pk=pk)
        run_service(request, lambda: services.assignment_decline(assignment_id=assignment.pk, by=request.user,
                                                                 **form.cleaned_data),
                    _("You declined the invitation. Thank you for letting us know."))
        return redirect("practices:assignment", pk=pk)


class ReviewView(StashOnLogoutMixin, TemplateView):
    """The review form: a score per criterion with guidance, comments, recommendation; clarification questions."""

    template_name = "practices/review_form.html"

    def assignment(self):
        assignment = perms.access_assignment(self.request.user, self.kwargs["pk"])
        if not perms.can_review(self.request.user, assignment):
            raise Http404
        return assignment

    def render_form(self, assignment, form, question_form=None):
        return self.render_to_response(self.get_context_data(
            assignment=assignment, practice=selectors.practice_detail(assignment.practice_id), form=form,
            question_form=question_form or ClarificationForm(),
            clarifications=selectors.clarifications_for_assignment(assignment),
            guidance=[(c.label, CRITERION_GUIDANCE[c]) for c in Criterion]))

    def get(self, request, pk):
        assignment = self.assignment()
        review = getattr(assignment, "review", None)
        data = self.restored_data()
        form = ReviewForm(data, instance=review) if data is not None else ReviewForm(instance=review)
        return self.render_form(assignment, form)

    def post(self, request, pk):
        assignment = self.assignment()
        form = ReviewForm(request.POST, instance=getattr(assignment, "review", None))
        if not form.is_valid():
            return self.render_form(assignment, form)
        submit = "submit" in request.POST
        try:
            services.review_save(assignment_id=assignment.pk, by=request.user, data=form.cleaned_data,
                                 version=form.cleaned_data.get("version") or 1, submit=submit)
        except DomainError as err:
            _fail(request, err)
            return self.render_form(assignment, form)
        if submit:
            messages.success(request, _("Thank you: your review is submitted."))
            return redirect("practices:assignment", pk=pk)
        messages.success(request, _("Your review is saved as a draft."))
        return redirect("practices:review", pk=pk)


class ClarificationAskView(LoginRequiredMixin, View):
    def post(self, request, pk):
        assignment = perms.access_assignment(request.user, pk)
        form = ClarificationForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please write your question."))
            return redirect("practices:review", pk=pk)
        run_service(request, lambda: services.clarification_ask(assignment_id=assignment.pk, by=request.user,
                                                                question=form.cleaned_data["question"]),
                    _("Your question was sent to the submitter."))
        return redirect("practices:review", pk=pk)


# --- Secretariat ---------------------------------------------------------------------------------------------

class ManageListView(SecretariatRequiredMixin, TemplateView):
    template_name = "practices/manage_list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status") or None
        if status not in PracticeStatus.values:
            status = None
        page = Paginator(selectors.practices_for_secretariat(status), 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page, practices=page.object_list, status=status,
            statuses=[s for s in PracticeStatus if s != PracticeStatus.DRAFT],
            counts=selectors.secretariat_queue_counts(),
            **kwargs,
        )


class ManageDetailView(SecretariatRequiredMixin, TemplateView):
    """The decision screen: reviews side by side, mean per criterion, disagreement flagged."""

    template_name = "practices/manage_detail.html"

    def get_context_data(self, **kwargs):
        practice = perms.access_practice_for_secretariat(self.request.user, self.kwargs["pk"])
        return super().get_context_data(
            practice=selectors.practice_detail(practice.pk), summary=selectors.decision_summary(practice),
            overview=selectors.assignment_overview(practice), events=events_for(practice)[:30],
            can_decide=perms.can_decide_practice(self.request.user, practice),
            can_assign=perms.can_assign_reviewers(self.request.user, practice),
            form=kwargs.pop("form", None) or DecisionForm(), **kwargs,
        )

    def post(self, request, pk):
        practice = perms.access_practice_for_secretariat(request.user, pk)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            services.practice_decide(practice_id=practice.pk, by=request.user, **form.cleaned_data)
        except DomainError as err:
            _fail(request, err)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Decision recorded; the submitter is notified."))
        return redirect("practices:manage_detail", pk=pk)


class PublishView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        practice = perms.access_practice_for_secretariat(request.user, pk)
        run_service(request, lambda: services.practice_publish(practice_id=practice.pk, by=request.user),
                    _("The practice is published."))
        return redirect("practices:manage_detail", pk=pk)


class AssignView(SecretariatRequiredMixin, TemplateView):
    """Suggested reviewers ranked by expertise and load; conflicts of interest shown and refused."""

    template_name = "practices/assign.html"

    def get_context_data(self, **kwargs):
        practice = perms.access_practice_for_secretariat(self.request.user, self.kwargs["pk"])
        practice = selectors.practice_detail(practice.pk)
        return super().get_context_data(
            practice=practice, overview=selectors.assignment_overview(practice),
            suggestions=selectors.reviewer_suggestions(practice), default_due=services.default_due_date(),
            can_assign=perms.can_assign_reviewers(self.request.user, practice), **kwargs,
        )

    def post(self, request, pk):
        practice = perms.access_practice_for_secretariat(request.user, pk)
        form = AssignForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a reviewer and a valid due date."))
            return redirect("practices:assign", pk=pk)
        try:
            assignment = services.practice_assign_reviewer(
                practice_id=practice.pk, reviewer_id=form.cleaned_data["reviewer"], by=request.user,
                due_date=form.cleaned_data.get("due_date"))
            messages.success(request, _("%(name)s is invited.") % {"name": assignment.reviewer.display_name})
        except DomainError as err:
            _fail(request, err)
        return redirect("practices:assign", pk=pk)


class RosterView(SecretariatRequiredMixin, TemplateView):
    template_name = "practices/reviewer_roster.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(reviewers=selectors.reviewer_roster(), **kwargs)
