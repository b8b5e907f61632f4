from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo coalition and the commands that build and serve it (demo, serve, otp-code)."""

    name = "caucus.demo"
    label = "demo"
