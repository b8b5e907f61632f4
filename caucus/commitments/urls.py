"""The staff pages of caucus.commitments (under /staff/commitments/<negotiation>/)."""

from django.urls import path

from caucus.commitments import views

app_name = "commitments"
urlpatterns = [
    path("<slug:slug>/", views.commitment_list, name="list"),
    path("<slug:slug>/new/", views.commitment_new, name="new"),
    path("<slug:slug>/<int:pk>/", views.commitment_detail, name="commitment"),
    path("<slug:slug>/<int:pk>/edit/", views.commitment_edit, name="edit"),
    path("<slug:slug>/<int:pk>/figures/new/", views.report_new, name="report_new"),
    path("<slug:slug>/<int:pk>/figures/import/", views.report_import, name="report_import"),
    path("<slug:slug>/<int:pk>/documents/<int:document_pk>/", views.document, name="document"),
    path("<slug:slug>/<int:pk>/ask-for-figures/", views.request_figures, name="request_figures"),
    path("<slug:slug>/<int:pk>/publish/", views.publish, name="publish"),
]
