"""The member-facing pages of caucus.delivery."""

from django.urls import path  # noqa: F401 - routes come with the app's pages

app_name = "delivery_site"
urlpatterns: list[object] = []
