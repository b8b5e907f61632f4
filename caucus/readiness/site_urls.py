"""The member-facing pages of caucus.readiness."""

from django.urls import path  # noqa: F401 - routes come with the app's pages

app_name = "readiness_site"
urlpatterns: list[object] = []
