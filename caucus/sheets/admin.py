from django.contrib import admin

from caucus.sheets import models


class SheetRowInline(admin.TabularInline):
    model = models.SheetRow
    extra = 0
    fields = ["article", "order", "included", "summary"]


@admin.register(models.Sheet)
class SheetAdmin(admin.ModelAdmin):
    list_display = ["title", "negotiation", "columns", "status", "published_at"]
    list_filter = ["negotiation", "status", "columns"]
    search_fields = ["title"]
    # Publishing goes through the sheet pages (an audited action), never through here.
    readonly_fields = ["status", "published_version", "published_at", "created_by", "created_at"]
    inlines = [SheetRowInline]


@admin.register(models.SheetVersion)
class SheetVersionAdmin(admin.ModelAdmin):
    """Versions are snapshots: read them here, never change them."""

    list_display = ["title", "sheet", "number", "status", "built_at"]
    list_filter = ["status"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
