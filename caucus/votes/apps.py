from django.apps import AppConfig


class VotesConfig(AppConfig):
    name = "caucus.votes"
    label = "votes"

    def ready(self) -> None:
        from caucus.votes import keeping

        keeping.connect()
