from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "caucus.delivery"
    label = "delivery"

    def ready(self) -> None:
        from caucus.delivery import hooks, pagecache  # noqa: F401 - hooks connects anymail's signal

        pagecache.connect()
