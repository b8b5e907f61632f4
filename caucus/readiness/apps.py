from django.apps import AppConfig


class ReadinessConfig(AppConfig):
    name = "caucus.readiness"
    label = "readiness"
