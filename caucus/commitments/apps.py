from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "caucus.commitments"
    label = "commitments"
