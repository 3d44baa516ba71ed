from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for `make run` and the tests. It may import every app; nothing imports it."""

    name = "demo"
    verbose_name = "Demo content"
