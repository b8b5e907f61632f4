from django.apps import AppConfig


class VotesConfig(AppConfig):
    name = "caucus.votes"
    label = "votes"
