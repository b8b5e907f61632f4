"""The member-facing pages of caucus.commitments."""

from django.urls import path  # noqa: F401 - routes come with the app's pages

app_name = "commitments_site"
urlpatterns: list[object] = []
