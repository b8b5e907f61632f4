from django.contrib import admin

from caucus.costing import models


@admin.register(models.CostingRun)
class CostingRunAdmin(admin.ModelAdmin):
    list_display = ["name", "negotiation", "status", "workers", "is_published", "created_at"]
    list_filter = ["status", "is_published", "negotiation"]
    search_fields = ["name"]
    readonly_fields = ["summary", "errors", "proposal_terms", "created_at", "finished_at"]
    filter_horizontal = ["proposals"]
