from django.urls import path

from caucus.site import feeds, views

app_name = "site"
urlpatterns = [
    path("", views.home, name="home"),
    path("n/<slug:slug>/", views.negotiation, name="negotiation"),
    path("n/<slug:slug>/updates/", views.updates_list, name="updates"),
    path("n/<slug:slug>/updates.atom", feeds.UpdatesFeed(), name="feed"),
    path("n/<slug:slug>/updates/<slug:update_slug>/", views.update_detail, name="update"),
    path(
        "n/<slug:slug>/updates/<slug:update_slug>/documents/<int:pk>/",
        views.update_document,
        name="update_document",
    ),
    path("n/<slug:slug>/tracker/", views.tracker, name="tracker"),
    path("n/<slug:slug>/moved/", views.moved, name="moved"),
    path("n/<slug:slug>/proposals/", views.proposals, name="proposals"),
    path("n/<slug:slug>/proposals/<int:pk>/", views.proposal, name="proposal"),
    path("n/<slug:slug>/sessions/", views.sessions, name="sessions"),
    path("n/<slug:slug>/sessions.ics", views.sessions_ics, name="sessions_ics"),
    path("n/<slug:slug>/report/", views.report, name="report"),
    path("n/<slug:slug>/report/thanks/", views.report_thanks, name="report_thanks"),
]
