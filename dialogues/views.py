import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.mixins import SecretariatRequiredMixin
from core.drafts import StashOnLogoutMixin
from core.pdf import render_pdf
from core.web import run_service
from core.workflow import DomainError
from gcm.models import Cycle, RoundTable
from gcm.selectors import active_cycle

from . import selectors, services
from .calendar import MIMETYPE, dialogue_ics, feed_ics
from .enums import RegistrationStatus
from .forms import (
    ConsultationEditForm,
    ConsultationForm,
    ConsultationInputForm,
    ContributionForm,
    DialogueForm,
    DismissForm,
    MaterialForm,
    ReasonForm,
    RecordingForm,
    ReportForm,
)
from .models import Contribution, Material
from .permissions import (
    access_contribution,
    access_dialogue,
    can_contribute,
    can_manage_dialogues,
    can_post_input,
    can_register,
    can_report_contribution,
    can_see_join_link,
    can_unregister,
)
from .timezones import viewer_zone

CONTRIBUTIONS_PER_PAGE = 20
UPCOMING_LIMIT = 50


class KnownCountPaginator(Paginator):
    """A paginator given its total (a count the services keep on the dialogue or consultation) rather than counting
    the rows on every page view."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.count = count  # replaces the cached property: no COUNT(*) query


def _page(request, queryset, per_page, *, count=None):
    paginator = Paginator(queryset, per_page) if count is None else KnownCountPaginator(queryset, per_page,
                                                                                        count=count)
    return paginator.get_page(request.GET.get("page"))




# --- Public pages ---------------------------------------------------------------------------------------------------

class DialogueListView(TemplateView):
    """Upcoming dialogues first, then past ones grouped by cycle, with filters."""

    template_name = "dialogues/dialogue_list.html"

    def get_context_data(self, **kwargs):
        filterset = selectors.dialogue_list(params=self.request.GET)
        dialogues = filterset.qs
        return super().get_context_data(
            # Lazy: read only when the results are rendered, not when they come from the fragment cache.
            filter=filterset, upcoming=SimpleLazyObject(lambda: list(dialogues.upcoming()[:UPCOMING_LIMIT])),
            page_obj=_page(self.request, dialogues.past(), 20), viewer_zone=viewer_zone(self.request),
            can_manage=can_manage_dialogues(self.request.user), **kwargs,
        )


class DialogueDetailView(TemplateView):
    template_name = "dialogues/dialogue_detail.html"

    def get_context_data(self, form=None, **kwargs):
        user = self.request.user
        dialogue = selectors.dialogue_detail(self.kwargs["pk"])
        if dialogue is None:
            raise Http404
        registration, count, waiting = selectors.registration_state(dialogue, user)
        registered = registration is not None
        is_full = bool(dialogue.capacity and count >= dialogue.capacity)
        return super().get_context_data(
            dialogue=dialogue, page_obj=_page(self.request, selectors.published_contributions(dialogue),
                                              CONTRIBUTIONS_PER_PAGE, count=dialogue.published_contribution_count),
            own_contributions=selectors.own_unpublished_contributions(dialogue, user),
            registration=registration, registered=registered, registration_count=count, waiting_count=waiting,
            waiting_position=(services.waiting_position(registration)
                              if registered and registration.status == RegistrationStatus.WAITING else None),
            show_join_link=can_see_join_link(user, registration), is_full=is_full,
            viewer_zone=viewer_zone(self.request),
            can_register=can_register(user, dialogue, registered=registered),
            can_unregister=can_unregister(user, dialogue, registered=registered),
            can_contribute=can_contribute(user, dialogue), can_manage=can_manage_dialogues(user),
            form=form or ContributionForm(dialogue=dialogue, language=self.request.LANGUAGE_CODE), **kwargs,
        )


class ContributeView(StashOnLogoutMixin, DialogueDetailView):
    """POST a contribution. After an expired session, the sign-in comes back here (GET) with the text restored."""

    def get(self, request, pk):
        data = self.restored_data()
        if data is None:
            return redirect("dialogues:detail", pk=pk)
        return self.render_to_response(self.get_context_data(form=self._form(data)))

    def post(self, request, pk):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                services.contribution_submit(dialogue_id=pk, author=request.user, **form.cleaned_data)
            except DomainError as err:
                form.add_error(None, err.message)
            else:
                messages.success(request, _("Thank you. Your contribution will appear once the secretariat has "
                                            "read it."))
                return redirect(f"{access_dialogue(pk).get_absolute_url()}#your-contributions")
        return self.render_to_response(self.get_context_data(form=form))

    def _form(self, data):
        return ContributionForm(data, dialogue=access_dialogue(self.kwargs["pk"]))


class RegisterView(LoginRequiredMixin, View):
    def post(self, request, pk):
        dialogue = access_dialogue(pk)
        try:
            registration = services.registration_create(dialogue_id=pk, user=request.user)
        except DomainError as err:
            messages.error(request, err.message)
        else:
            if registration.status == RegistrationStatus.WAITING:
                messages.info(request, _("This dialogue is full: you are number %(n)s on the waiting list. We will "
                                         "e-mail you if a place frees up.") % {"n": services.waiting_position(
                                             registration)})
            else:
                messages.success(request, _("You are registered. A confirmation is on its way to %(email)s.")
                                 % {"email": request.user.email})
        return redirect(dialogue)


class DialogueIcsView(View):
    """"Add to calendar": the session as an .ics file; the join link only for a participant with a seat."""

    def get(self, request, pk):
        dialogue = access_dialogue(pk)
        registration, _seats, _waiting = selectors.registration_state(dialogue, request.user)
        body = dialogue_ics(dialogue, join_url=can_see_join_link(request.user, registration))
        response = HttpResponse(body, content_type=f"{MIMETYPE}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="dialogue-{dialogue.pk}.ics"'
        return response


class CalendarFeedView(View):
    """Upcoming sessions as a subscribable feed (?cycle=, ?kind=, ?round_table=); never a join link."""

    def get(self, request):
        response = HttpResponse(feed_ics(selectors.upcoming_for_feed(params=request.GET)),
                                content_type=f"{MIMETYPE}; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="dialogues.ics"'
        return response


class DialogueCancelView(SecretariatRequiredMixin, View):
    """GET asks for confirmation (saying who will be told); POST cancels."""

    def get(self, request, pk):
        dialogue = access_dialogue(pk)
        _own, seats, waiting = selectors.registration_state(dialogue, None)
        return render(request, "dialogues/dialogue_cancel.html",
                      {"dialogue": dialogue, "seats": seats, "waiting": waiting})

    def post(self, request, pk):
        dialogue = access_dialogue(pk)
        run_service(request, lambda: services.dialogue_cancel(dialogue_id=pk, by=request.user),
                    _("The session is cancelled; registrants are told and their calendars updated."))
        return redirect(dialogue)


class UnregisterView(LoginRequiredMixin, View):
    def post(self, request, pk):
        dialogue = access_dialogue(pk)
        run_service(request, lambda: services.registration_cancel(dialogue_id=pk, user=request.user),
                    _("Your registration has been cancelled."))
        return redirect(dialogue)


class ContributionDetailView(TemplateView):
    """One contribution: public once published; before that only its author and the secretariat see it."""

    template_name = "dialogues/contribution_detail.html"

    def get_context_data(self, **kwargs):
        contribution = access_contribution(self.request.user, self.kwargs["pk"])
        return super().get_context_data(contribution=contribution,
                                        can_report=can_report_contribution(self.request.user, contribution),
                                        **kwargs)


class ReportView(LoginRequiredMixin, View):
    template_name = "dialogues/contribution_report.html"

    def get(self, request, pk, form=None):
        contribution = access_contribution(request.user, pk)
        if not can_report_contribution(request.user, contribution):
            raise Http404
        return render(request, self.template_name, {"contribution": contribution, "form": form or ReportForm()})

    def post(self, request, pk):
        contribution = access_contribution(request.user, pk)
        form = ReportForm(request.POST)
        if not form.is_valid():
            return self.get(request, pk, form=form)
        run_service(request, lambda: services.report_create(contribution_id=pk, reporter=request.user,
                                                     reason=form.cleaned_data["reason"]),
                    _("Thank you. The secretariat will look at this contribution."))
        return redirect(contribution.place)


class ConsultationListView(TemplateView):
    template_name = "dialogues/consultation_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(consultations=selectors.consultation_list(),
                                        can_manage=can_manage_dialogues(self.request.user), **kwargs)


class ConsultationDetailView(TemplateView):
    """The guiding question, the dates and the published inputs; signed-in users post while it is open."""

    template_name = "dialogues/consultation_detail.html"

    def get(self, request, pk, form=None):
        consultation = selectors.consultation_detail(pk)
        if consultation is None:
            raise Http404
        return self.render_to_response(self.get_context_data(
            consultation=consultation, page_obj=_page(request, selectors.published_inputs(consultation), 20,
                                                      count=consultation.published_input_count),
            can_post=can_post_input(request.user, consultation),
            can_manage=can_manage_dialogues(request.user),
            form=form or ConsultationInputForm(consultation=consultation)))

    def post(self, request, pk):
        consultation = selectors.consultation_detail(pk)
        if consultation is None or not request.user.is_authenticated:
            raise Http404
        form = ConsultationInputForm(request.POST, consultation=consultation)
        if form.is_valid():
            try:
                services.consultation_input_submit(consultation_id=pk, author=request.user, **form.cleaned_data)
            except DomainError as err:
                form.add_error(None, err.message)
            else:
                messages.success(request, _("Thank you. Your input will appear once the secretariat has read it."))
                return redirect(consultation)
        return self.get(request, pk, form=form)


class ConsultationCreateView(SecretariatRequiredMixin, View):
    template_name = "dialogues/consultation_form.html"

    def get(self, request, form=None):
        form = form or ConsultationForm(initial={"cycle": active_cycle(), "languages": ["en", "fr", "es"]})
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = ConsultationForm(request.POST)
        if not form.is_valid():
            return self.get(request, form=form)
        try:
            consultation = services.consultation_open(by=request.user, **form.cleaned_data)
        except ValidationError as err:
            form.add_error(None, err)
            return self.get(request, form=form)
        messages.success(request, _("The consultation is open."))
        return redirect(consultation)


class ConsultationEditView(SecretariatRequiredMixin, View):
    """Change the question, the dates (extend, or close early) or the languages; cycle and round table stay."""

    template_name = "dialogues/consultation_form.html"

    def _consultation(self, pk):
        consultation = selectors.consultation_detail(pk)
        if consultation is None:
            raise Http404
        return consultation

    def get(self, request, pk, form=None):
        consultation = self._consultation(pk)
        form = form or ConsultationEditForm(instance=consultation)
        return render(request, self.template_name, {"form": form, "consultation": consultation})

    def post(self, request, pk):
        consultation = self._consultation(pk)
        form = ConsultationEditForm(request.POST, instance=consultation)
        if not form.is_valid():
            return self.get(request, pk, form=form)
        try:
            consultation = services.consultation_update(consultation_id=pk, by=request.user, **form.cleaned_data)
        except ValidationError as err:
            form.add_error(None, err)
            return self.get(request, pk, form=form)
        messages.success(request, _("The consultation has been updated."))
        return redirect(consultation)


# --- Secretariat: dialogues, materials, registrations ------------------------------------------------------------

class ManageView(SecretariatRequiredMixin, TemplateView):
    template_name = "dialogues/manage.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_obj=_page(self.request, selectors.dialogues_for_management(), 50),
                                        round_tables=RoundTable.objects.all(), counts=selectors.queue_counts(),
                                        **kwargs)


class DialogueFormView(SecretariatRequiredMixin, View):
    """Create (no pk) or edit a dialogue."""

    template_name = "dialogues/dialogue_form.html"

    def get(self, request, pk=None):
        dialogue = access_dialogue(pk) if pk else None
        initial = None if dialogue else {"cycle": active_cycle()}
        return self._render(DialogueForm(instance=dialogue, initial=initial), dialogue)

    def post(self, request, pk=None):
        dialogue = access_dialogue(pk) if pk else None
        form = DialogueForm(request.POST, instance=dialogue)
        if form.is_valid():
            if dialogue:
                dialogue = services.dialogue_update(dialogue_id=pk, by=request.user, **form.cleaned_data)
            else:
                dialogue = services.dialogue_create(by=request.user, **form.cleaned_data)
            messages.success(request, _("The dialogue has been saved."))
            return redirect(dialogue)
        return self._render(form, dialogue)

    def _render(self, form, dialogue):
        return render(self.request, self.template_name, {"form": form, "dialogue": dialogue})


class MaterialsView(SecretariatRequiredMixin, View):
    template_name = "dialogues/materials.html"

    def get(self, request, pk, form=None, recording_form=None):
        dialogue = access_dialogue(pk)
        return render(request, self.template_name, {"dialogue": dialogue, "materials": dialogue.materials.all(),
                                                    "recordings": dialogue.recordings.all(),
                                                    "form": form or MaterialForm(),
                                                    "recording_form": recording_form or RecordingForm()})

    def post(self, request, pk):
        access_dialogue(pk)
        form = MaterialForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.get(request, pk, form=form)
        services.material_add(dialogue_id=pk, by=request.user, **form.cleaned_data)
        messages.success(request, _("The material has been added."))
        return redirect("dialogues:materials", pk=pk)


class MaterialDownloadView(View):
    """A dialogue's material file (dialogues are public), always as a download."""

    def get(self, request, pk):
        material = Material.objects.filter(pk=pk).exclude(file="").first()
        if material is None:
            raise Http404
        return FileResponse(material.file.open("rb"), as_attachment=True,
                            filename=material.file.name.rsplit("/", 1)[-1])


class RecordingAddView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        access_dialogue(pk)
        form = RecordingForm(request.POST)
        if not form.is_valid():
            view = MaterialsView()
            view.setup(request, pk=pk)
            return view.get(request, pk, recording_form=form)
        services.recording_add(dialogue_id=pk, by=request.user, **form.cleaned_data)
        messages.success(request, _("The recording has been added; registrants are told it is up."))
        return redirect("dialogues:materials", pk=pk)


class MaterialDeleteView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        material = get_object_or_404(Material, pk=pk)
        services.material_delete(material_id=pk, by=request.user)
        messages.success(request, _("The material has been removed."))
        return redirect("dialogues:materials", pk=material.dialogue_id)


class RegistrationListView(SecretariatRequiredMixin, TemplateView):
    template_name = "dialogues/registration_list.html"

    def get_context_data(self, **kwargs):
        dialogue = access_dialogue(self.kwargs["pk"])
        return super().get_context_data(
            dialogue=dialogue, page_obj=_page(self.request, selectors.registrations_for(dialogue), 100),
            waiting=selectors.registrations_for(dialogue, RegistrationStatus.WAITING)[:500], **kwargs)


def _csv_cell(value):
    """Neutralise spreadsheet formulas in user-provided text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class RegistrationExportView(SecretariatRequiredMixin, View):
    def get(self, request, pk):
        dialogue = access_dialogue(pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="dialogue-{dialogue.pk}-registrations.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([_("Name"), _("E-mail"), _("Preferred language"), _("Registered at (UTC)"), _("Status")])
        for status in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING):
            for registration in selectors.registrations_for(dialogue, status).iterator(chunk_size=2000):
                user = registration.user
                writer.writerow([_csv_cell(user.full_name), _csv_cell(user.email), user.preferred_language,
                                 registration.created_at.strftime("%Y-%m-%d %H:%M"), status.label])
        return response


# --- Secretariat: moderation ------------------------------------------------------------------------------------

class ModerationQueueView(SecretariatRequiredMixin, TemplateView):
    template_name = "dialogues/moderation_queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_obj=_page(self.request, selectors.moderation_queue(), 25),
                                        reason_form=ReasonForm(), **kwargs)


def _queue_of(request):
    """Back to the queue the moderator acted from."""
    return "dialogues:reports" if request.POST.get("queue") == "reports" else "dialogues:moderation"


class ContributionPublishView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        get_object_or_404(Contribution, pk=pk)
        run_service(request, lambda: services.contribution_publish(contribution_id=pk, by=request.user),
                    _("The contribution is published."))
        return redirect(_queue_of(request))


class ContributionRejectView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        get_object_or_404(Contribution, pk=pk)
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        run_service(request, lambda: services.contribution_reject(contribution_id=pk, by=request.user, reason=reason),
                    _("The contribution has been rejected; its author sees the reason."))
        return redirect(_queue_of(request))


class ReportQueueView(SecretariatRequiredMixin, TemplateView):
    template_name = "dialogues/report_queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_obj=_page(self.request, selectors.reported_contributions(), 25),
                                        reason_form=ReasonForm(), dismiss_form=DismissForm(), **kwargs)


class ReportsDismissView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        get_object_or_404(Contribution, pk=pk)
        form = DismissForm(request.POST)
        comment = form.cleaned_data["comment"] if form.is_valid() else ""
        run_service(request, lambda: services.reports_dismiss(contribution_id=pk, by=request.user, comment=comment),
                    _("The reports are dismissed; the contribution stays published."))
        return redirect("dialogues:reports")


# --- Secretariat: round-table compilations -------------------------------------------------------------------------

class CompilationMixin(SecretariatRequiredMixin):
    def compilation_context(self):
        round_table = get_object_or_404(RoundTable, number=self.kwargs["number"])
        cycle_year = self.request.GET.get("cycle")
        known = cycle_year and cycle_year.isascii() and cycle_year.isdigit() and len(cycle_year) <= 4
        cycle = (Cycle.objects.filter(year=cycle_year).first() if known else None) or active_cycle()
        return {"round_table": round_table, "cycle": cycle, "cycles": Cycle.objects.order_by("-year"),
                "contributions": selectors.round_table_compilation(round_table=round_table, cycle=cycle),
                "inputs": selectors.consultation_inputs_for_compilation(round_table=round_table, cycle=cycle)}


class CompilationView(CompilationMixin, TemplateView):
    template_name = "dialogues/compilation.html"

    def get_context_data(self, **kwargs):
        context = self.compilation_context()
        page_obj = _page(self.request, context.pop("contributions"), 50)
        return super().get_context_data(page_obj=page_obj, **context, **kwargs)


class CompilationPdfView(CompilationMixin, View):
    """The compilation as a PDF drawn while the reader waits, up to COMPILATION_PDF_LIMIT contributions and inputs.
    A larger one (a round table gathers tens of thousands at design size: thousands of pages, minutes to draw)
    is refused with the way to get it: the secretariat's summary document of the same name, built in the
    background, with an e-mail when it is ready."""

    def get(self, request, number):
        context = self.compilation_context()
        size = context["contributions"].count() + context["inputs"].count()
        if size > settings.COMPILATION_PDF_LIMIT:
            messages.warning(request, _(
                "This compilation holds %(n)s contributions: too many to draw while you wait. Request the "
                "“Round-table compilation of contributions” from the summary documents of the secretariat console; "
                "it is built in the background and you receive an e-mail when it is ready.") % {"n": size})
            query = f"?cycle={context['cycle'].year}" if context["cycle"] else ""
            return redirect(reverse("dialogues:compilation", args=[number]) + query)
        pdf = render_pdf("dialogues/compilation_pdf.html", context)
        response = HttpResponse(pdf, content_type="application/pdf")
        year = context["cycle"].year if context["cycle"] else "all"
        response["Content-Disposition"] = f'attachment; filename="round-table-{number}-{year}-contributions.pdf"'
        return response
