"""The staff pages of caucus.votes."""

from django.urls import path  # noqa: F401 - routes come with the app's pages

app_name = "votes"
urlpatterns: list[object] = []
