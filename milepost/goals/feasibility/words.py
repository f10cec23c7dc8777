"""How numbers read in the reasons: distances in the runner's units, race names, hours,
dates and weeks.
"""

import math
from datetime import date

from milepost.runmath.units import distance_key, format_distance

from .model import _Runner


def _dist(metres: float, runner: _Runner) -> str:
    return format_distance(metres, runner.units, decimals=1)


def _race(metres: float, runner: _Runner) -> str:
    names = {"5k": "5K", "10k": "10K", "half": "half marathon", "marathon": "marathon"}
    return names.get(distance_key(metres) or "", _dist(metres, runner))


def _hours(seconds: float) -> str:
    hours, minutes = divmod(round(seconds / 60), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _weeks(weeks: float) -> str:
    weeks = math.ceil(weeks)
    return "1 week" if weeks == 1 else f"{weeks} weeks"
