from django.urls import path

from caucus.demo import views

app_name = "demo"
urlpatterns = [path("mailbox/", views.mailbox, name="mailbox")]
