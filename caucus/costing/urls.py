"""Staff pages for costing (under /staff/costing/)."""

from django.urls import path

from caucus.costing import fact_views, views

app_name = "costing"
urlpatterns = [
    path("", views.run_list, name="list"),
    path("new/<slug:slug>/", views.run_new, name="new"),
    path("<int:pk>/", views.run_detail, name="run"),
    path("<int:pk>/progress/", views.run_progress, name="progress"),
    path("<int:pk>/costing.xlsx", views.run_export, name="export"),
    path("<int:pk>/publish/", views.run_publish, name="publish"),
    path("<int:pk>/unpublish/", views.run_unpublish, name="unpublish"),
    path("money/<slug:slug>/", fact_views.fact_list, name="facts"),
    path("money/<slug:slug>/<int:pk>/", fact_views.fact_edit, name="fact_edit"),
    path("money/<slug:slug>/<int:pk>/remove/", fact_views.fact_remove, name="fact_remove"),
    path("money/<slug:slug>/<int:pk>/document/", fact_views.fact_document, name="fact_document"),
]
