from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "milepost.dashboard"
