"""The member-facing pages of caucus.commitments (on the public site, under /n/<slug>/)."""

from django.urls import path

from caucus.commitments import site_views

app_name = "commitments_site"
urlpatterns = [
    path("n/<slug:slug>/promises/", site_views.promises, name="promises"),
    path("n/<slug:slug>/promises/<int:pk>/", site_views.promise, name="promise"),
]
