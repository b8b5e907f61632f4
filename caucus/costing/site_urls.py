"""Member-facing pages for costing (on the public site, under /n/<slug>/)."""

from django.urls import path

from caucus.costing import site_views

app_name = "costing_site"
urlpatterns = [
    path("n/<slug:slug>/what-it-means/", site_views.what_it_means, name="what_it_means"),
]
