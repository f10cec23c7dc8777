"""How numbers read in the reasons: distances in the runner's units, race names, hours,
dates and weeks.
"""

import math
from datetime import date

from milepost.runmath.units import format_distance, race_name

from .model import _Runner


def _dist(metres: float, runner: _Runner) -> str:
    return format_distance(metres, runner.units, decimals=1)


def _race(metres: float, runner: _Runner) -> str:
    return race_name(metres) or _dist(metres, runner)


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _weeks(weeks: float) -> str:
    weeks = math.ceil(weeks)
    return "1 week" if weeks == 1 else f"{weeks} weeks"


def _runs(count: float) -> str:
    """ "1 run", "3 runs" (a whole number of runs)."""
    count = max(round(count), 0)
    return "1 run" if count == 1 else f"{count} runs"
