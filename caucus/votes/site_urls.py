"""The member-facing pages of caucus.votes."""

from django.urls import path  # noqa: F401 - routes come with the app's pages

app_name = "votes_site"
urlpatterns: list[object] = []
