from django.contrib import admin

from . import counters
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The save wrote back the published count read with the form; a moderation meanwhile is counted again.
        counters.recount(Dialogue.objects.filter(pk=obj.pk), Contribution.objects, "dialogue")


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    """Read-only: moderation goes through the secretariat pages (services record and notify)."""

    list_display = ["pk", "dialogue", "author", "language", "status", "created_at"]
    list_filter = ["status", "language"]
    raw_id_fields = ["dialogue", "author", "decided_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # A published contribution is taken down by rejecting it, which keeps the dialogue's published count.
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
