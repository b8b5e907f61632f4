"""The admin for people, their role grants, API tokens and authenticator devices."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django_otp.plugins.otp_static import admin as otp_static_admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import admin as otp_totp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from caucus.accounts.models import ApiToken, RoleGrant, User
from caucus.audit.log import record

if TYPE_CHECKING:
    from caucus.orgs.models import Union


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0


# Flags that decide who may enter the admin, and as whom.
FLAGS = ("is_active", "is_staff", "is_superuser")


def _scope(union: Union | None) -> str:
    return union.slug if union is not None else "coalition"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """People and their role grants; every change to their rights is audited with the old
    value beside the new (Django's own history keeps only "changed is_staff")."""

    inlines = [RoleGrantInline]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Caucus", {"fields": ("display_name", "preferred_language")}),
    )

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        before = User.objects.filter(pk=obj.pk).values(*FLAGS).first() if change else None
        super().save_model(request, obj, form, change)
        if before is None:
            return
        changes = {
            flag: {"before": before[flag], "after": getattr(obj, flag)}
            for flag in FLAGS
            if before[flag] != getattr(obj, flag)
        }
        if changes:
            record(request.user, "accounts.flags_changed", obj, request=request, **changes)

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        if formset.model is not RoleGrant:
            super().save_formset(request, form, formset, change)
            return
        # The grants as stored, before this form's edits reach the database.
        before = {
            grant.pk: grant
            for grant in RoleGrant.objects.select_related("union").filter(
                pk__in=[f.instance.pk for f in formset.initial_forms if f.instance.pk]
            )
        }
        for deleted in formset.deleted_forms:
            old = before.get(deleted.instance.pk)
            if old is not None:
                record(
                    request.user,
                    "roles.revoked",
                    old.user,
                    union=old.union,
                    request=request,
                    role=old.role,
                    scope=_scope(old.union),
                )
        super().save_formset(request, form, formset, change)
        for grant in formset.new_objects:
            record(
                request.user,
                "roles.granted",
                grant.user,
                union=grant.union,
                request=request,
                role=grant.role,
                scope=_scope(grant.union),
            )
        for grant, _ in formset.changed_objects:
            old = before[grant.pk]
            record(
                request.user,
                "roles.changed",
                grant.user,
                union=grant.union,
                request=request,
                role={"before": old.role, "after": grant.role},
                scope={"before": _scope(old.union), "after": _scope(grant.union)},
            )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "digest", "created_at", "last_used_at"]


# Authenticator devices: django-otp's admin shows the TOTP key (and a QR code of it) and the
# backup tokens. Here a device can be seen and removed (a lost phone), never read or added:
# enrolment belongs to the person, in accounts:totp_setup.


class _DeviceAdminMixin:
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        record(request.user, "auth.device_removed", obj.user, request=request, device=obj.name)
        super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request, queryset):  # type: ignore[no-untyped-def]
        for device in queryset.select_related("user"):
            record(
                request.user,
                "auth.device_removed",
                device.user,
                request=request,
                device=device.name,
            )
        super().delete_queryset(request, queryset)  # type: ignore[misc]


class TOTPDeviceAdmin(_DeviceAdminMixin, otp_totp_admin.TOTPDeviceAdmin):
    list_display = ["user", "name", "created_at", "last_used_at", "confirmed"]

    def get_list_display(self, request):  # type: ignore[no-untyped-def]
        return self.list_display

    def get_fieldsets(self, request, obj=None):  # type: ignore[no-untyped-def]
        return [
            ("Identity", {"fields": ["user", "name", "confirmed"]}),
            ("Timestamps", {"fields": ["created_at", "last_used_at"]}),
            ("Configuration", {"fields": ["step", "t0", "digits", "tolerance"]}),
            (
                "Throttling",
                {"fields": ["throttling_failure_timestamp", "throttling_failure_count"]},
            ),
        ]

    def get_urls(self):  # type: ignore[no-untyped-def]
        # Without django-otp's config and QR code pages, which show the key.
        return admin.ModelAdmin.get_urls(self)


class StaticDeviceAdmin(_DeviceAdminMixin, otp_static_admin.StaticDeviceAdmin):
    inlines: list[type[admin.options.InlineModelAdmin[Any, Any]]] = []  # tokens are secret

    def get_inline_instances(self, request, obj=None):  # type: ignore[no-untyped-def]
        return []


for _model, _model_admin in ((TOTPDevice, TOTPDeviceAdmin), (StaticDevice, StaticDeviceAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _model_admin)
