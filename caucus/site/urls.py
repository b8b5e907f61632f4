from django.urls import path

from caucus.costing import site_views as costing_site
from caucus.delivery.pagecache import cached_page
from caucus.delivery.stored_pages import stored_page
from caucus.sheets import site_views as sheets_site
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
    # The sheet and "what it means" pages from the page cache and the stored pages ("what it
    # means" shows a signed-in member their own pay, so it is stored only for visitors not signed
    # in): their apps sit below delivery, so these wrap them here, before their own URLconfs
    # (which they keep, and reverse() names) see the request. No names: sheets_site:sheet and
    # costing_site:what_it_means they are.
    path("n/<slug:slug>/sheets/<int:pk>/", cached_page(stored_page(sheets_site.sheet_detail))),
    path(
        "n/<slug:slug>/what-it-means/",
        cached_page(stored_page(costing_site.what_it_means, personal=True)),
    ),
]
