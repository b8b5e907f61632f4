"""Staff pages for sheets (under /staff/sheets/)."""

from django.urls import path

from caucus.sheets import views

app_name = "sheets"
V = "<slug:slug>/<int:pk>/versions/<int:number>/"
urlpatterns = [
    path("<slug:slug>/", views.sheet_list, name="list"),
    path("<slug:slug>/new/", views.sheet_new, name="new"),
    path("<slug:slug>/<int:pk>/", views.sheet_detail, name="sheet"),
    path("<slug:slug>/<int:pk>/edit/", views.sheet_edit, name="edit"),
    path("<slug:slug>/<int:pk>/rows/", views.sheet_rows, name="rows"),
    path("<slug:slug>/<int:pk>/build/", views.sheet_build, name="build"),
    path("<slug:slug>/<int:pk>/unpublish/", views.sheet_unpublish, name="unpublish"),
    path(V, views.version_detail, name="version"),
    path(f"{V}progress/", views.version_progress, name="progress"),
    path(f"{V}publish/", views.version_publish, name="publish"),
    path(f"{V}print/", views.version_print, name="print"),
    path(f"{V}sheet.pdf", views.export_pdf, name="export_pdf"),
    path(f"{V}sheet.docx", views.export_docx, name="export_docx"),
]
