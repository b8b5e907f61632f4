from django.contrib import admin

from caucus.table import models


class ArticleInline(admin.TabularInline):
    model = models.Article
    extra = 0
    fields = ["number", "title", "order", "is_economic"]


@admin.register(models.Negotiation)
class NegotiationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "employer", "status", "contract_expires", "is_public"]
    list_filter = ["status", "is_public"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["units"]
    inlines = [ArticleInline]


@admin.register(models.Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["date", "negotiation", "place"]
    list_filter = ["negotiation"]
    search_fields = ["place", "public_summary", "internal_notes"]
    date_hierarchy = "date"


@admin.register(models.Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "negotiation", "order", "is_economic"]
    list_filter = ["negotiation", "is_economic"]
    search_fields = ["number", "title", "current_text"]


@admin.register(models.Package)
class PackageAdmin(admin.ModelAdmin):
    list_display = ["title", "negotiation", "side", "status", "session"]
    list_filter = ["negotiation", "side", "status"]
    search_fields = ["title", "summary"]


class ProposalEventInline(admin.TabularInline):
    model = models.ProposalEvent
    extra = 0
    readonly_fields = ["at", "actor", "what", "from_status", "to_status", "note"]
    can_delete = False


@admin.register(models.Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "negotiation",
        "article",
        "side",
        "kind",
        "status",
        "passed_on",
        "is_published",
    ]
    list_filter = ["negotiation", "side", "kind", "status", "is_published"]
    search_fields = ["title", "text", "summary"]
    date_hierarchy = "passed_on"
    raw_id_fields = ["answers", "session", "package", "article"]
    inlines = [ProposalEventInline]


@admin.register(models.ProposalEvent)
class ProposalEventAdmin(admin.ModelAdmin):
    list_display = ["proposal", "what", "from_status", "to_status", "at", "actor"]
    list_filter = ["what", "to_status"]
    search_fields = ["proposal__title", "note"]
    raw_id_fields = ["proposal"]


@admin.register(models.TentativeAgreement)
class TentativeAgreementAdmin(admin.ModelAdmin):
    list_display = ["article", "negotiation", "signed_on", "proposal"]
    list_filter = ["negotiation"]
    search_fields = ["article__title", "text", "notes"]
    raw_id_fields = ["proposal", "session"]


class FollowUpInline(admin.TabularInline):
    model = models.InformationRequestFollowUp
    extra = 0


@admin.register(models.InformationRequest)
class InformationRequestAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "negotiation", "asked_on", "due_on", "status"]
    list_filter = ["negotiation", "status"]
    search_fields = ["title", "items", "answer"]
    inlines = [FollowUpInline]


@admin.register(models.InformationRequestFollowUp)
class InformationRequestFollowUpAdmin(admin.ModelAdmin):
    list_display = ["request", "on", "kind"]
    list_filter = ["kind"]
    search_fields = ["note", "request__title"]


class ChargeDocumentInline(admin.TabularInline):
    model = models.ChargeDocument
    extra = 0


@admin.register(models.Charge)
class ChargeAdmin(admin.ModelAdmin):
    list_display = ["title", "negotiation", "agency", "case_number", "status", "filed_on"]
    list_filter = ["negotiation", "status", "agency"]
    search_fields = ["title", "case_number", "allegations"]
    filter_horizontal = ["evidence_requests", "evidence_reports"]
    inlines = [ChargeDocumentInline]


@admin.register(models.ChargeDocument)
class ChargeDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "charge", "uploaded_at"]
    search_fields = ["title", "charge__title"]


@admin.register(models.DirectDealingReport)
class DirectDealingReportAdmin(admin.ModelAdmin):
    list_display = ["received_on", "subject", "channel", "negotiation", "worksite", "status"]
    list_filter = ["negotiation", "status", "channel"]
    search_fields = ["subject", "text", "sender", "staff_notes"]
    raw_id_fields = ["worksite", "reported_by"]


@admin.register(models.Correspondence)
class CorrespondenceAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "subject", "sender", "recipient", "channel", "is_published"]
    list_filter = ["negotiation", "direction", "channel", "is_published"]
    search_fields = ["subject", "sender", "recipient", "summary"]
    date_hierarchy = "sent_on"
    filter_horizontal = ["proposals", "requests", "charges"]
