from django.apps import AppConfig


class RunsConfig(AppConfig):
    name = "milepost.runs"
    verbose_name = "Runs"
