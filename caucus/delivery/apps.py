from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "caucus.delivery"
    label = "delivery"
