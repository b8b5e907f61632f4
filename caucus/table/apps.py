from django.apps import AppConfig


class TableConfig(AppConfig):
    name = "caucus.table"
    label = "table"
