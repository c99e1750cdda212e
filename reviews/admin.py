from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CoEditorInvitation, DeadlineExtension, ReminderSent, Review


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    """Statuses change only through the secretariat pages (services), never here."""

    list_display = ["member_state", "cycle", "status", "language", "submitted_at", "published_at"]
    list_filter = ["cycle", "status", "member_state__region"]
    search_fields = ["member_state__iso3"]
    readonly_fields = ["status", "version", "pdf_version", "submitted_at", "published_at", "deadline_extended_to"]


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(admin.ModelAdmin):
    list_display = ["review", "requested_until", "status", "granted_until"]
    list_filter = ["status"]
    readonly_fields = ["status", "granted_until", "decided_by", "decided_at"]


@admin.register(CoEditorInvitation)
class CoEditorInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "member_state", "invited_by", "created_at", "accepted_at"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["member_state", "cycle", "kind", "deadline", "recipients", "sent_at"]
    list_filter = ["cycle", "kind"]
