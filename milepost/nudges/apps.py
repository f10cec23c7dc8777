from django.apps import AppConfig


class NudgesConfig(AppConfig):
    name = "milepost.nudges"
