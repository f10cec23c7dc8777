"""The one place that asks what time it is, so tests can move the clock.

Model fields take ``default=clock.now``, which holds this function, so tests move the clock
through ``offset`` (the ``travel`` fixture in conftest.py), never by replacing ``now``."""

from datetime import datetime, timedelta

from django.utils import timezone

offset = timedelta()


def now() -> datetime:
    return timezone.now() + offset
