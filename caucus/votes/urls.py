"""The staff pages of caucus.votes (under /staff/votes/)."""

from django.urls import path

from caucus.votes.views import count, mailings, paper, setup, turnout

app_name = "votes"
urlpatterns = [
    path("", setup.vote_home, name="home"),
    path("n/<slug:slug>/", setup.vote_list, name="list"),
    path("n/<slug:slug>/new/", setup.vote_new, name="new"),
    path("<int:pk>/", setup.vote_detail, name="detail"),
    path("<int:pk>/edit/", setup.vote_edit, name="edit"),
    path("<int:pk>/texts/", setup.vote_texts, name="texts"),
    path("<int:pk>/roll/", setup.vote_roll, name="roll"),
    path("<int:pk>/roll/freeze/", setup.roll_freeze, name="roll_freeze"),
    path("<int:pk>/roll/lock/", setup.roll_lock, name="roll_lock"),
    path("<int:pk>/schedule/", setup.vote_schedule, name="schedule"),
    path("<int:pk>/roles/", setup.vote_roles, name="roles"),
    path("<int:pk>/roles/<int:role_pk>/revoke/", setup.role_revoke, name="role_revoke"),
    path("<int:pk>/key/", setup.vote_key, name="key"),
    path("<int:pk>/key/check/", setup.key_check, name="key_check"),
    path("<int:pk>/open/", setup.vote_open, name="open"),
    path("<int:pk>/close/", setup.vote_close, name="close"),
    path("<int:pk>/certify/", setup.vote_certify, name="certify"),
    path("<int:pk>/credentials/", mailings.credentials, name="credentials"),
    path("<int:pk>/credentials/send/", mailings.send_credentials, name="send_credentials"),
    path("<int:pk>/credentials/letters/", mailings.make_letters, name="make_letters"),
    path("<int:pk>/voters/<int:voter_pk>/reissue/", mailings.reissue, name="reissue"),
    path("<int:pk>/mailings/<int:mailing_pk>/", mailings.mailing_detail, name="mailing"),
    path("<int:pk>/mailings/<int:mailing_pk>/retry/", mailings.retry, name="retry"),
    path(
        "<int:pk>/mailings/<int:mailing_pk>/letters.pdf", mailings.letters_pdf, name="letters_pdf"
    ),
    path("<int:pk>/strike/", paper.strike, name="strike"),
    path("<int:pk>/strike/<int:voter_pk>/", paper.strike_off, name="strike_off"),
    path("<int:pk>/paper/", paper.paper_counts, name="paper"),
    path("<int:pk>/paper/resolve/", paper.paper_resolve, name="paper_resolve"),
    path("<int:pk>/challenged/", paper.challenged, name="challenged"),
    path(
        "<int:pk>/challenged/<int:ballot_pk>/decide/",
        paper.challenge_decide,
        name="challenge_decide",
    ),
    path("<int:pk>/turnout/", turnout.turnout_page, name="turnout"),
    path("<int:pk>/turnout/not-voted/", turnout.not_voted, name="not_voted"),
    path("<int:pk>/turnout/remind/", turnout.remind, name="remind"),
    path("<int:pk>/tally/", count.tally, name="tally"),
    path("<int:pk>/results/", count.results, name="results"),
    path("<int:pk>/results/update/", count.draft_update, name="draft_update"),
    path("<int:pk>/audit-package.zip", count.package, name="package"),
]
