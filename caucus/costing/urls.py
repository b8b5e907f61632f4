"""Staff pages for costing (under /staff/costing/)."""

from django.urls import path

from caucus.costing import views

app_name = "costing"
urlpatterns = [
    path("", views.run_list, name="list"),
    path("new/<slug:slug>/", views.run_new, name="new"),
    path("<int:pk>/", views.run_detail, name="run"),
    path("<int:pk>/progress/", views.run_progress, name="progress"),
    path("<int:pk>/costing.xlsx", views.run_export, name="export"),
    path("<int:pk>/publish/", views.run_publish, name="publish"),
    path("<int:pk>/unpublish/", views.run_unpublish, name="unpublish"),
]
