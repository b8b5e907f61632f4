"""The member-facing pages of caucus.readiness (on the public site, under /n/<slug>/)."""

from django.urls import path

from caucus.readiness import site_views

app_name = "readiness_site"
urlpatterns = [
    path("n/<slug:slug>/pledge/", site_views.pledges, name="pledges"),
    path("n/<slug:slug>/pledge/<str:token>/", site_views.pledge_link, name="pledge_link"),
]
