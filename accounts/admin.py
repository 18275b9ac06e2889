from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "last_name", "first_name", "role", "organization", "is_active"]
    list_filter = ["role", "is_active", "organization"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Роль в МШН"), {"fields": ("middle_name", "role", "organization", "digest_subscribed")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (
            _("Роль в МШН"),
            {"fields": ("last_name", "first_name", "middle_name", "email", "role", "organization")},
        ),
    )
