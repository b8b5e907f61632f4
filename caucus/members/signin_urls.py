"""The member's sign-in link, asked for at /accounts/member/ (beside the staff sign-in)."""

from django.urls import path

from caucus.members.signin import member_link_view

app_name = "member_signin"
urlpatterns = [path("", member_link_view, name="link")]
