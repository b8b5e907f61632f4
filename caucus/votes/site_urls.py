"""The member-facing pages of caucus.votes (on the public site, under /n/<slug>/votes/)."""

from django.urls import path

from caucus.votes import site_views

app_name = "votes_site"
urlpatterns = [
    path("n/<slug:slug>/votes/", site_views.vote_list, name="list"),
    path("n/<slug:slug>/votes/<int:pk>/", site_views.vote_page, name="vote"),
    path("n/<slug:slug>/votes/<int:pk>/receipt/", site_views.receipt_check, name="receipt"),
    path("n/<slug:slug>/votes/<int:pk>/results/", site_views.results_page, name="results"),
]
