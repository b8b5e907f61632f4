"""The member-facing pages of caucus.delivery, and the providers' webhooks (unnamed: machines
post to them, no page links them)."""

from django.urls import path

from caucus.delivery import hooks, site_views

app_name = "delivery_site"
urlpatterns = [
    path("p/<str:token>/", site_views.preferences, name="preferences"),
    path("p/<str:token>/unsubscribe/<str:channel>/", site_views.unsubscribe, name="unsubscribe"),
    *hooks.urlpatterns,
]
