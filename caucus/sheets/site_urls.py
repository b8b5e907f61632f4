"""Member-facing pages for sheets (on the public site, under /n/<slug>/)."""

from django.urls import path

from caucus.sheets import site_views

app_name = "sheets_site"
urlpatterns = [
    path("n/<slug:slug>/sheets/", site_views.sheet_list, name="list"),
    path("n/<slug:slug>/sheets/<int:pk>/", site_views.sheet_detail, name="sheet"),
    path("n/<slug:slug>/sheets/<int:pk>/sheet.pdf", site_views.sheet_pdf, name="pdf"),
    path("n/<slug:slug>/sheets/<int:pk>/sheet.docx", site_views.sheet_docx, name="docx"),
]
