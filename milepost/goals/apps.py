from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "milepost.goals"

    def ready(self):
        from . import signals

        signals.connect()
