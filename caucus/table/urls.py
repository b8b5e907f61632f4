from django.urls import path

from caucus.table.views import (
    charges,
    direct_dealing,
    letters,
    negotiations,
    proposals,
    requests,
    sessions,
)

app_name = "table"
# Negotiations live under "table/" so their slugs never shadow the other staff areas
# (/staff/roster/, /staff/updates/) that are mounted after this module.
urlpatterns = [
    path("", negotiations.home, name="home"),
    path("table/<slug:slug>/", negotiations.dashboard, name="dashboard"),
    path("table/<slug:slug>/search/", negotiations.search, name="search"),
    path("table/<slug:slug>/articles/<int:pk>/", negotiations.article, name="article"),
    path("table/<slug:slug>/proposals/new/", proposals.proposal_new, name="proposal_new"),
    path("table/<slug:slug>/proposals/<int:pk>/", proposals.proposal, name="proposal"),
    path(
        "table/<slug:slug>/proposals/<int:pk>/edit/", proposals.proposal_edit, name="proposal_edit"
    ),
    path("table/<slug:slug>/sessions/new/", sessions.session_new, name="session_new"),
    path("table/<slug:slug>/sessions/<int:pk>/", sessions.session, name="session"),
    path("table/<slug:slug>/sessions/<int:pk>/edit/", sessions.session_edit, name="session_edit"),
    path("table/<slug:slug>/requests/", requests.requests, name="requests"),
    path("table/<slug:slug>/requests/new/", requests.request_new, name="request_new"),
    path("table/<slug:slug>/requests/<int:pk>/", requests.request_detail, name="request"),
    path("table/<slug:slug>/charges/", charges.charges, name="charges"),
    path("table/<slug:slug>/charges/new/", charges.charge_edit, name="charge_new"),
    path("table/<slug:slug>/charges/<int:pk>/", charges.charge, name="charge"),
    path("table/<slug:slug>/charges/<int:pk>/edit/", charges.charge_edit, name="charge_edit"),
    path(
        "table/<slug:slug>/charges/<int:pk>/documents/<int:document_pk>/",
        charges.charge_document,
        name="charge_document",
    ),
    path("table/<slug:slug>/letters/", letters.letters, name="letters"),
    path("table/<slug:slug>/letters/new/", letters.letter_edit, name="letter_new"),
    path("table/<slug:slug>/letters/<int:pk>/", letters.letter, name="letter"),
    path("table/<slug:slug>/letters/<int:pk>/edit/", letters.letter_edit, name="letter_edit"),
    path(
        "table/<slug:slug>/letters/<int:pk>/document/",
        letters.letter_document,
        name="letter_document",
    ),
    path("table/<slug:slug>/direct-dealing/", direct_dealing.direct_dealing, name="direct_dealing"),
    path(
        "table/<slug:slug>/direct-dealing/new/",
        direct_dealing.direct_dealing_new,
        name="direct_dealing_new",
    ),
    path(
        "table/<slug:slug>/direct-dealing/<int:pk>/",
        direct_dealing.direct_dealing_report,
        name="direct_dealing_report",
    ),
    path(
        "table/<slug:slug>/direct-dealing/<int:pk>/attachment/",
        direct_dealing.direct_dealing_attachment,
        name="direct_dealing_attachment",
    ),
]
