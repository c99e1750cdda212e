from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CoEditorInvitation, DeadlineExtension, ReminderSent, Review


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    """Read-mostly: statuses change only through the secretariat pages (services)."""

    list_display = ["member_state", "cycle", "status", "language", "submitted_at", "published_at"]
    list_filter = ["cycle", "status", "member_state__region"]
    search_fields = ["member_state__iso3"]
    readonly_fields = ["status", "version", "pdf_version", "submitted_at", "published_at"]


admin.site.register(DeadlineExtension)
admin.site.register(CoEditorInvitation)
admin.site.register(ReminderSent)
