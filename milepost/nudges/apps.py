from django.apps import AppConfig


class NudgesConfig(AppConfig):
    name = "milepost.nudges"

    def ready(self):
        from . import signals  # noqa: F401
