"""The staff pages of caucus.commitments."""

from django.urls import path  # noqa: F401 - routes come with the app's pages

app_name = "commitments"
urlpatterns: list[object] = []
