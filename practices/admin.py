from django.contrib import admin

from .models import Assignment, Attachment, Clarification, Practice, Review


class ReadOnlyStatusMixin:
    """Statuses change only through practices.services: the admin shows them read-only."""

    readonly_fields = ("status",)


@admin.register(Practice)
class PracticeAdmin(ReadOnlyStatusMixin, admin.ModelAdmin):
    list_display = ("title", "status", "organization", "member_state", "language", "published_at")
    list_filter = ("status", "language", "region")
    search_fields = ("title", "summary")
    raw_id_fields = ("submitter", "organization", "member_state", "primary_objective")
    readonly_fields = ("status", "review_round", "version", "submitted_at", "published_at")
    filter_horizontal = ("objectives", "principles", "countries", "partners")


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyStatusMixin, admin.ModelAdmin):
    list_display = ("practice", "reviewer", "round", "status", "due_date")
    list_filter = ("status",)
    raw_id_fields = ("practice", "reviewer", "invited_by")


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("assignment", "recommendation", "submitted_at")
    raw_id_fields = ("assignment",)


admin.site.register(Attachment)
admin.site.register(Clarification)
