from django.contrib import admin

from caucus.updates.models import Update, UpdateTranslation


class UpdateTranslationInline(admin.StackedInline):
    model = UpdateTranslation
    extra = 0


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "negotiation", "status", "published_at", "to_whole_coalition"]
    list_filter = ["status", "to_whole_coalition", "negotiation"]
    search_fields = ["title", "summary", "body"]
    filter_horizontal = ["unions", "cites_proposals", "cites_sessions"]
    inlines = [UpdateTranslationInline]


@admin.register(UpdateTranslation)
class UpdateTranslationAdmin(admin.ModelAdmin):
    list_display = ["update", "language", "title"]
    list_filter = ["language"]
