"""The staff pages of caucus.readiness (under /staff/readiness/<negotiation>/)."""

from django.urls import path

from caucus.readiness.views import actions, assess, dashboard, imports, notice, wallchart

app_name = "readiness"
urlpatterns = [
    path("<slug:slug>/", dashboard.dashboard, name="dashboard"),
    path("<slug:slug>/threshold/", dashboard.threshold, name="threshold"),
    path("<slug:slug>/assess/", assess.find, name="find"),
    path("<slug:slug>/assess/<int:pk>/", assess.assess_member, name="assess_member"),
    path("<slug:slug>/members/<int:pk>/", assess.member_history, name="member"),
    path("<slug:slug>/actions/", actions.action_list, name="actions"),
    path("<slug:slug>/actions/new/", actions.action_new, name="action_new"),
    path("<slug:slug>/actions/<int:pk>/", actions.action_detail, name="action"),
    path("<slug:slug>/actions/<int:pk>/edit/", actions.action_edit, name="action_edit"),
    path("<slug:slug>/actions/<int:pk>/cards/", actions.record_card, name="card"),
    path("<slug:slug>/wall-chart/", wallchart.wallchart, name="wallchart"),
    path(
        "<slug:slug>/wall-chart/phone-bank.csv", wallchart.wallchart_export, name="wallchart_export"
    ),
    path("<slug:slug>/notices/", notice.notices, name="notices"),
    path("<slug:slug>/notices/new/", notice.notice_new, name="notice_new"),
    path("<slug:slug>/notices/<int:pk>/", notice.notice_detail, name="notice"),
    path("<slug:slug>/notices/<int:pk>/edit/", notice.notice_edit, name="notice_edit"),
    path("<slug:slug>/imports/", imports.import_new, name="import_new"),
    path("<slug:slug>/imports/<int:pk>/", imports.import_detail, name="import"),
    path("<slug:slug>/imports/<int:pk>/progress/", imports.import_progress, name="import_progress"),
]
