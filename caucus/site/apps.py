from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "caucus.site"
    label = "site"
