"""Staff pages for sheets (under /staff/sheets/)."""

from django.urls import path

app_name = "sheets"
urlpatterns: list[path] = []
