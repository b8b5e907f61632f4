from django.urls import path

from caucus.members import views

app_name = "members"
urlpatterns = [
    path("", views.roster_list, name="list"),
    path("<int:pk>/", views.member_detail, name="detail"),
    path("export.csv", views.roster_export, name="export"),
    path("import/", views.import_start, name="import_start"),
    path("import/<int:pk>/map/", views.import_map, name="import_map"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("import/<int:pk>/progress/", views.import_progress, name="import_progress"),
    path("import/<int:pk>/file/", views.import_file, name="import_file"),
]
