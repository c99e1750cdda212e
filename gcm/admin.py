from django.contrib import admin

from .models import Cycle, KeyDocument, MemberState, Objective, Principle, RoundTable


class KeyDocumentInline(admin.TabularInline):
    model = KeyDocument
    extra = 0


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ("year", "forum_start", "forum_end", "review_deadline", "is_active")
    inlines = [KeyDocumentInline]


@admin.register(MemberState)
class MemberStateAdmin(admin.ModelAdmin):
    list_display = ("iso3", "name", "region", "subregion", "regional_commission", "status", "is_champion")
    list_filter = ("region", "regional_commission", "status", "is_champion")
    search_fields = ("iso3", "iso2")
    list_editable = ("is_champion",)


admin.site.register(Objective)
admin.site.register(Principle)
admin.site.register(RoundTable)
