from django.apps import AppConfig


class SheetsConfig(AppConfig):
    name = "caucus.sheets"
    label = "sheets"
