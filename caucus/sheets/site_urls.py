"""Member-facing pages for sheets (on the public site, under /n/<slug>/)."""

from django.urls import path

app_name = "sheets_site"
urlpatterns: list[path] = []
