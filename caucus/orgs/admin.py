from django.contrib import admin

from caucus.orgs import models


@admin.register(models.Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]


@admin.register(models.Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "email_domains"]


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "employer"]


class UnitInline(admin.TabularInline):
    model = models.BargainingUnit
    extra = 0


@admin.register(models.Union)
class UnionAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "slug", "coalition"]
    inlines = [UnitInline]


@admin.register(models.Worksite)
class WorksiteAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "region", "city"]
    list_filter = ["region"]
    search_fields = ["name", "code", "city"]


@admin.register(models.Classification)
class ClassificationAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "max_step"]
    search_fields = ["title", "code"]
