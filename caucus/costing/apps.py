from django.apps import AppConfig


class CostingConfig(AppConfig):
    name = "caucus.costing"
    label = "costing"
