from django.contrib import admin

from .models import Contribution, Dialogue, Material, Registration, Report


class MaterialInline(admin.TabularInline):
    model = Material
    extra = 0


@admin.register(Dialogue)
class DialogueAdmin(admin.ModelAdmin):
    list_display = ["title", "cycle", "kind", "starts_at", "region", "registration_open"]
    list_filter = ["cycle", "kind", "region"]
    search_fields = ["title"]
    filter_horizontal = ["round_tables", "objectives"]
    inlines = [MaterialInline]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    """Read-only: moderation goes through the secretariat pages (services record and notify)."""

    list_display = ["pk", "dialogue", "author", "language", "status", "created_at"]
    list_filter = ["status", "language"]
    raw_id_fields = ["dialogue", "author", "decided_by"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["dialogue", "user", "created_at"]
    raw_id_fields = ["dialogue", "user"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["contribution", "reporter", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["contribution", "reporter", "resolved_by"]

    def has_change_permission(self, request, obj=None):
        return False
