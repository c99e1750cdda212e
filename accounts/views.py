from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse, translate_url
from django.utils.translation import gettext as _
from django.views.generic import UpdateView

from .forms import ProfileForm
from .selectors import roles_for


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
