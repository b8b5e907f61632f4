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
]
