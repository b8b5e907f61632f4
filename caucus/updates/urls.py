from django.urls import path

from caucus.updates import views

app_name = "updates"
urlpatterns = [
    path("", views.update_list, name="list"),
    path("new/", views.update_new, name="new"),
    path("<int:pk>/", views.update_edit, name="edit"),
    path("<int:pk>/preview/", views.update_preview, name="preview"),
    path("<int:pk>/publish/", views.update_publish, name="publish"),
    path("link-sheet/<slug:slug>/<int:pk>/", views.link_sheet, name="link_sheet"),
    path("<int:pk>/translations/", views.translations, name="translations"),
    path("<int:pk>/translations/<str:language>/", views.translation, name="translation"),
    path(
        "<int:pk>/translations/<str:language>/review/",
        views.review_translation,
        name="review_translation",
    ),
    path("<int:pk>/documents/", views.documents, name="documents"),
    path("<int:pk>/documents/<int:document_id>/", views.document, name="document"),
    path(
        "<int:pk>/documents/<int:document_id>/remove/",
        views.remove_document,
        name="remove_document",
    ),
]
