from django.contrib.auth.mixins import AccessMixin
from django.http import Http404

from .roles import is_secretariat


class SecretariatRequiredMixin(AccessMixin):
    """Anonymous users are sent to sign in; signed-in users who are not secretariat staff get a plain 404."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_secretariat(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)
