"""The staff pages of caucus.delivery."""

from django.urls import path

from caucus.delivery import views

app_name = "delivery"
urlpatterns = [
    # The same page, for the first negotiation the user reaches (the staff menu's link).
    path("", views.home, name="home"),
    path("n/<slug:slug>/", views.home, name="home"),
    path("updates/<int:pk>/send/", views.new_send, name="new"),
    path("updates/<int:pk>/test/", views.test_send, name="test_send"),
    path("sends/<int:pk>/", views.send_detail, name="send"),
    path("sends/<int:pk>/progress/", views.send_progress, name="progress"),
    path("sends/<int:pk>/cancel/", views.cancel_send, name="cancel"),
    path("sends/<int:pk>/resume/", views.resume_send, name="resume"),
    path("suppressions/", views.suppressions, name="suppressions"),
    path("suppressions/<int:pk>/lift/", views.lift_suppression, name="lift"),
]
