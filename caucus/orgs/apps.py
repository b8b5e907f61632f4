from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "caucus.orgs"
    label = "orgs"
