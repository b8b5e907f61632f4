"""Staff pages for costing (under /staff/costing/)."""

from django.urls import path

app_name = "costing"
urlpatterns: list[path] = []
