"""The staff pages of caucus.readiness (under /staff/readiness/<negotiation>/)."""

from django.urls import path

from caucus.readiness.views import assess

app_name = "readiness"
urlpatterns = [
    path("<slug:slug>/assess/", assess.find, name="find"),
    path("<slug:slug>/assess/<int:pk>/", assess.assess_member, name="assess_member"),
    path("<slug:slug>/members/<int:pk>/", assess.member_history, name="member"),
]
