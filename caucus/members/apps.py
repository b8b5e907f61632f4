from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "caucus.members"
    label = "members"
