from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from caucus.accounts.models import ApiToken, RoleGrant, User
from caucus.audit.log import record


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleGrantInline]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Caucus", {"fields": ("display_name", "preferred_language")}),
    )

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            record(
                request.user,
                "roles.revoked",
                obj.user,
                request=request,
                role=obj.role,
                union=obj.union_id,
            )
        super().save_formset(request, form, formset, change)
        for obj in instances:
            if isinstance(obj, RoleGrant):
                record(
                    request.user,
                    "roles.granted",
                    obj.user,
                    request=request,
                    role=obj.role,
                    union=obj.union_id,
                )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "digest", "created_at", "last_used_at"]
