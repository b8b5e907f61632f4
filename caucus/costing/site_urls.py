"""Member-facing pages for costing (on the public site, under /n/<slug>/)."""

from django.urls import path

app_name = "costing_site"
urlpatterns: list[path] = []
