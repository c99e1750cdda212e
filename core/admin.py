from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .models import AuditEvent, Notification


def admin_login(request, extra_context=None):
    """The Django admin signs in through the portal's sign-in (password, then the staff's second factor): the
    admin's own form checks the password only, which would let staff skip MFA."""
    target = request.GET.get("next") or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("admin:index")
    if request.user.is_active and request.user.is_staff:
        return redirect(target)
    return redirect_to_login(target, login_url=resolve_url("account_login"))


admin.site.login = admin_login


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "content_type", "object_id", "actor", "from_status", "to_status")
    list_filter = ("action", "content_type")
    search_fields = ("object_id", "comment", "actor__email")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("created_at", "template", "to_email", "language", "status", "attempts", "sent_at")
    list_filter = ("status", "template", "language")
    search_fields = ("to_email", "dedupe_key")
