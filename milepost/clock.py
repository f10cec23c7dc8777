"""The one place that asks what time it is, so tests can move the clock."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()
