from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core.forms import HTTPS_URL_ADMIN_OVERRIDES

from .models import FocalPoint, Membership, Organization, ReviewerProfile, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "preferred_language", "is_staff", "is_active")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("full_name", "preferred_language", "time_zone")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URL_ADMIN_OVERRIDES
    list_display = ("name", "acronym", "category", "country", "verified")
    list_filter = ("category", "verified")
    search_fields = ("name", "acronym")
    inlines = [MembershipInline]


@admin.register(FocalPoint)
class FocalPointAdmin(admin.ModelAdmin):
    list_display = ("user", "member_state", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("user__email", "member_state__iso3")
    autocomplete_fields = ["user"]


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "organization", "country", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("user__email", "user__full_name")
    autocomplete_fields = ["user"]
    filter_horizontal = ["objectives"]
