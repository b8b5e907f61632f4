from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from caucus.api.api import api

urlpatterns = [
    path("", include("caucus.site.urls")),
    path("", include("caucus.sheets.site_urls")),
    path("", include("caucus.costing.site_urls")),
    path("", include("caucus.votes.site_urls")),
    path("", include("caucus.delivery.site_urls")),
    path("", include("caucus.readiness.site_urls")),
    path("", include("caucus.commitments.site_urls")),
    # The member pages' language switcher posts to Django's set_language (a cookie, then back).
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/member/", include("caucus.members.signin_urls")),
    path("accounts/", include("caucus.accounts.urls")),
    path("staff/", include("caucus.table.urls")),
    path("staff/roster/", include("caucus.members.urls")),
    path("staff/updates/", include("caucus.updates.urls")),
    path("staff/sheets/", include("caucus.sheets.urls")),
    path("staff/costing/", include("caucus.costing.urls")),
    path("staff/votes/", include("caucus.votes.urls")),
    path("staff/delivery/", include("caucus.delivery.urls")),
    path("staff/readiness/", include("caucus.readiness.urls")),
    path("staff/commitments/", include("caucus.commitments.urls")),
    path("staff/audit/", include("caucus.accounts.audit_urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
# Stored files (MEDIA_ROOT) are never served from an address of their own: each is sent by
# the view of the page it belongs to, which checks the right first (caucus.lib.files).
if settings.DEMO:
    urlpatterns.append(path("demo/", include("caucus.demo.urls")))
