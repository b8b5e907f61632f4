from django.urls import path

from caucus.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("verify/", views.verify_view, name="verify"),
    path("verify/setup/", views.totp_setup_view, name="totp_setup"),
    path("link/<str:token>/", views.magic_view, name="magic"),
]
