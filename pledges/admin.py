from django.contrib import admin

from core.forms import HTTPS_URL_ADMIN_OVERRIDES

from .models import Pledge, PledgePartner, ProgressUpdate


class PartnerInline(admin.TabularInline):
    model = PledgePartner
    extra = 0
    readonly_fields = ["status", "invited_at", "responded_by", "responded_at"]


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    """Read-mostly: statuses change through the portal's services, never here."""

    list_display = ["reference", "title", "status", "cycle", "member_state", "organization", "is_joint"]
    list_filter = ["status", "cycle", "is_joint", "is_inactive"]
    search_fields = ["reference", "title"]
    readonly_fields = ["status", "reference", "sequence", "published_at", "submitted_at", "is_joint",
                       "progress_status", "is_inactive", "last_progress_at", "version"]
    inlines = [PartnerInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URL_ADMIN_OVERRIDES
    list_display = ["pledge", "progress", "date", "status"]
    list_filter = ["status", "progress"]
    readonly_fields = ["status", "decided_by", "decided_at"]
