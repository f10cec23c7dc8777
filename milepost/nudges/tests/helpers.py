"""Shared makings of the nudges tests: a runner's runs as real rows."""

from datetime import date, timedelta

from milepost import clock
from milepost.runs.services import record_run


def today() -> date:
    return clock.now().date()  # the cast's profiles are on UTC


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


def run_on(owner, day: date, km: float = 6, **fields):
    return record_run(owner=owner, on=day, distance_m=km * 1000, duration_s=km * 360, **fields)


def run_every(owner, first: date, last: date, step: int = 2, km: float = 6):
    """A run every ``step`` days from ``first`` to ``last``, both included."""
    day = first
    while day <= last:
        run_on(owner, day, km)
        day += timedelta(days=step)


def comeback(owner, back_days_ago: int = 3, off: int = 20):
    """Steady running for six weeks, ``off`` days without a run, then one run back."""
    last = days_ago(back_days_ago + off + 1)
    run_every(owner, last - timedelta(days=42), last)
    return run_on(owner, days_ago(back_days_ago), 4)
