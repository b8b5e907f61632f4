from django.urls import path

from caucus.table import views

app_name = "table"
urlpatterns = [path("", views.home, name="home")]
