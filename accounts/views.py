from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView, UpdateView

from core.workflow import DomainError

from . import services
from .forms import (
    ApproveForm,
    JoinRequestForm,
    OrganizationForm,
    OrganizationProposalForm,
    OrganizationSearchForm,
    ProfileForm,
    ReasonForm,
)
from .permissions import (
    access_joinable_organization,
    access_managed_organization,
    access_membership_to_decide,
    can_decide_membership,
)
from .roles import is_secretariat
from .selectors import joinable_organizations, managed_organizations, memberships_of, organization_members, roles_for


class ProfileView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "accounts/profile.html"

    def get_object(self, queryset=None):
        return self.request.user

    def get_context_data(self, **kwargs):
        return super().get_context_data(roles=roles_for(self.request.user), **kwargs)

    def form_valid(self, form):
        user = form.save()
        messages.success(self.request, _("Your profile has been saved."))
        target = translate_url(self.request.build_absolute_uri(reverse("accounts:profile")), user.preferred_language)
        response = redirect(target)
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.preferred_language, samesite="Lax")
        return response


def safe_next(request, default):
    """The `next` parameter if it points inside this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


class MyOrganizationsView(LoginRequiredMixin, TemplateView):
    """The user's memberships and requests, the organizations they administer, and a search to join others."""

    template_name = "accounts/my_organizations.html"

    def get_context_data(self, **kwargs):
        search = OrganizationSearchForm(self.request.GET or None)
        params = search.cleaned_data if search.is_valid() else {}
        results = joinable_organizations(text=params.get("q", ""), category=params.get("category", ""))
        mine = list(memberships_of(self.request.user))
        page = Paginator(results, 20).get_page(self.request.GET.get("page"))
        status = {m.organization_id: m.get_status_display() for m in mine}
        page.object_list = list(page.object_list)
        for organization in page.object_list:
            organization.my_status = status.get(organization.pk)
        return super().get_context_data(
            memberships=mine, managed=managed_organizations(self.request.user), search=search, page_obj=page, **kwargs
        )


class OrganizationJoinView(LoginRequiredMixin, View):
    template_name = "accounts/organization_join.html"

    def get(self, request, pk):
        organization = access_joinable_organization(request.user, pk)
        return render(request, self.template_name, {"organization": organization, "form": JoinRequestForm()})

    def post(self, request, pk):
        organization = access_joinable_organization(request.user, pk)
        form = JoinRequestForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"organization": organization, "form": form})
        try:
            services.membership_request(user=request.user, organization_id=organization.pk, **form.cleaned_data)
            messages.success(request, _("Your request has been sent to the organization's administrators."))
        except DomainError as err:
            messages.error(request, err.message)
        return redirect("accounts:organizations")


class OrganizationProposeView(LoginRequiredMixin, View):
    template_name = "accounts/organization_propose.html"

    def get(self, request):
        return render(request, self.template_name, {"form": OrganizationProposalForm()})

    def post(self, request):
        form = OrganizationProposalForm(request.POST)
        if form.is_valid():
            try:
                services.organization_propose(by=request.user, **form.cleaned_data)
            except DomainError as err:
                form.add_error("name", err.message)
            else:
                messages.success(request, _("Thank you. The secretariat will verify the organization."))
                return redirect("accounts:organizations")
        return render(request, self.template_name, {"form": form})


class OrganizationManageView(LoginRequiredMixin, View):
    """Administrators (and the secretariat) edit the organization and decide on its members."""

    template_name = "accounts/organization_manage.html"

    def get(self, request, pk, form=None):
        organization = access_managed_organization(request.user, pk)
        members = list(organization_members(organization))
        for membership in members:
            membership.can_decide = can_decide_membership(request.user, membership)
        return render(request, self.template_name, {
            "organization": organization,
            "form": form or OrganizationForm(instance=organization),
            "members": members,
            "approve_form": ApproveForm(),
            "can_verify": is_secretariat(request.user) and not organization.verified,
        })

    def post(self, request, pk):
        organization = access_managed_organization(request.user, pk)
        form = OrganizationForm(request.POST, instance=organization)
        if not form.is_valid():
            return self.get(request, pk, form=form)
        services.organization_update(organization_id=pk, by=request.user,
                                     **{name: form.cleaned_data[name] for name in form.changed_data})
        messages.success(request, _("The organization has been saved."))
        return redirect("accounts:organization_manage", pk=pk)


class MembershipDecisionView(LoginRequiredMixin, View):
    """POST only: approve, refuse or remove a membership, then go back where the decision was taken."""

    action = None

    def post(self, request, pk):
        membership = access_membership_to_decide(request.user, pk)
        default = reverse("accounts:organization_manage", args=[membership.organization_id])
        try:
            self.decide(request, membership)
        except DomainError as err:
            messages.error(request, err.message)
        return redirect(safe_next(request, default))

    def decide(self, request, membership):
        if self.action == "approve":
            form = ApproveForm(request.POST)
            role = form.cleaned_data["role"] if form.is_valid() else None
            services.membership_approve(membership_id=membership.pk, by=request.user, role=role)
            messages.success(request, _("%(name)s is now a member.") % {"name": membership.user.display_name})
            return
        form = ReasonForm(request.POST)
        comment = form.cleaned_data["comment"] if form.is_valid() else ""
        if self.action == "refuse":
            services.membership_refuse(membership_id=membership.pk, by=request.user, comment=comment)
            messages.success(request, _("The request has been refused."))
        else:
            services.membership_remove(membership_id=membership.pk, by=request.user, comment=comment)
            messages.success(request, _("The membership has been removed."))
