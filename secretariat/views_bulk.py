"""Bulk moderation and bulk e-mail pages of the secretariat console."""

import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views import View

from accounts.mixins import SecretariatRequiredMixin
from core.workflow import DomainError
from gcm.selectors import active_cycle

from .bulk import QUEUES, bulk_apply
from .forms import BulkActionForm, MailingForm
from .mailing import mailing_preview, mailing_send
from .models import MailingAudience

BULK_PAGE_SIZE = 200


class BulkQueueView(SecretariatRequiredMixin, View):
    """A moderation queue with a tick box per item and one decision for all ticked items."""

    template_name = "secretariat/bulk_queue.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.queue_key = kwargs.get("queue")

    def _queue(self):
        if self.queue_key not in QUEUES:
            raise Http404
        return QUEUES[self.queue_key]

    def _render(self, request, queue, items, form, results=None):
        return render(request, self.template_name, {
            "queue": queue, "queue_key": self.queue_key, "form": form, "results": results,
            "items": [(item.pk, queue.describe(item)) for item in items],
        })

    def get(self, request, queue):
        spec = self._queue()
        items = list(spec.items()[:BULK_PAGE_SIZE])
        return self._render(request, spec, items, BulkActionForm(queue=spec, item_ids=[i.pk for i in items]))

    def post(self, request, queue):
        spec = self._queue()
        waiting = {item.pk: item for item in spec.items()[:BULK_PAGE_SIZE * 5]}
        form = BulkActionForm(request.POST, queue=spec, item_ids=list(waiting) + _posted_ids(request))
        if not form.is_valid():
            return self._render(request, spec, list(waiting.values())[:BULK_PAGE_SIZE], form)
        try:
            outcome = bulk_apply(queue=self.queue_key, by=request.user, **form.cleaned_data)
        except DomainError as err:
            messages.error(request, err.message)
            return redirect("secretariat:bulk", queue=queue)
        labels = {pk: spec.describe(item) for pk, item in waiting.items()}
        results = [{"pk": r.pk, "ok": r.ok, "message": r.message, "label": labels.get(r.pk, f"#{r.pk}")}
                   for r in outcome]
        done = sum(1 for r in outcome if r.ok)
        messages.info(request, ngettext("%(done)s of %(total)s item done.", "%(done)s of %(total)s items done.",
                                        len(outcome)) % {"done": done, "total": len(outcome)})
        items = list(spec.items()[:BULK_PAGE_SIZE])
        return self._render(request, spec, items, BulkActionForm(queue=spec, item_ids=[i.pk for i in items]),
                            results)


def _posted_ids(request):
    """Posted ids that are no longer waiting still reach the service, which reports them item by item."""
    ids = []
    for raw in request.POST.getlist("ids"):
        try:
            ids.append(int(raw))
        except ValueError:
            continue
    return ids


class MailingView(SecretariatRequiredMixin, View):
    """Write (from the suggested template), preview, then send an e-mail to a whole audience."""

    template_name = "secretariat/mailing_form.html"

    def get(self, request):
        audience = request.GET.get("audience")
        if audience not in MailingAudience.values:
            audience = MailingAudience.STATES_NOT_SUBMITTED
        form = MailingForm(initial=MailingForm.initial_for(audience, active_cycle(), uuid.uuid4().hex))
        return render(request, self.template_name, {"form": form, "preview": None})

    def post(self, request):
        form = MailingForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form, "preview": None})
        data = form.cleaned_data
        if "send" not in request.POST:
            preview = mailing_preview(audience=data["audience"], cycle=data["cycle"], templates=form.templates())
            return render(request, self.template_name, {"form": form, "preview": preview})
        try:
            mailing = mailing_send(by=request.user, audience=data["audience"], cycle=data["cycle"],
                                   templates=form.templates(), token=data["token"])
        except DomainError as err:
            messages.error(request, err.message)
            return render(request, self.template_name, {"form": form, "preview": None})
        messages.success(request, ngettext("The e-mail is on its way to %(count)s recipient.",
                                           "The e-mail is on its way to %(count)s recipients.",
                                           mailing.recipient_count) % {"count": mailing.recipient_count})
        return redirect("secretariat:console")
