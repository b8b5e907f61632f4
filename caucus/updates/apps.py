from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    name = "caucus.updates"
    label = "updates"
