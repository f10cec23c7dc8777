"""Reading and writing a goal's target as a runner types it ("20 km", "1:58:00", "4 runs").

Pure Python. Values are stored in canonical units: metres, seconds, a count or days. Which
reader a metric uses is its entry in ``metrics.py`` (``metrics.parse_target``).
"""

import re
from dataclasses import dataclass

from milepost.runmath.errors import RunmathError
from milepost.runmath.units import (
    RACE_DISTANCES,
    format_distance,
    format_duration,
    format_duration_short,
    race_key,
    read_clock,
    read_distance,
    read_duration,
)


class TargetError(ValueError):
    def __init__(self, message: str, field: str = "target"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Target:
    value: float | None
    unit: str  # m | s | count | days | ""
    race_distance_m: float | None = None


def race_distance_choices():
    return [("", "Choose a race distance")] + [(k, d.label) for k, d in RACE_DISTANCES.items()]


# How each metric reads its target (``metrics.parse_target`` picks one): the text comes
# stripped and lower-cased, ``race`` is a key of ``RACE_DISTANCES`` for the race metrics.


def distance_target(text: str, race: str, units: str) -> Target:
    return Target(parse_distance(text, units), "m")


def duration_target(text: str, race: str, units: str) -> Target:
    return Target(parse_duration(text), "s")


def runs_target(text: str, race: str, units: str) -> Target:
    return Target(parse_count(text), "count")


def days_target(text: str, race: str, units: str) -> Target:
    return Target(parse_count(text), "days")


def continuous_target(text: str, race: str, units: str) -> Target:
    try:
        return duration_target(text, race, units)
    except TargetError:
        return distance_target(text, race, units)


def race_finish_target(text: str, race: str, units: str) -> Target:
    return Target(None, "", _race_m(race))


def race_time_target(text: str, race: str, units: str) -> Target:
    race_m = _race_m(race)
    return Target(parse_clock(text), "s", race_m)


def _race_m(race: str) -> float:
    if race not in RACE_DISTANCES:
        raise TargetError("Choose the race distance.", field="race")
    return RACE_DISTANCES[race].metres


def require(text: str, example: str) -> None:
    if not text:
        raise TargetError(f"Write the target, for example {example}.")


def parse_distance(text: str, units: str) -> float:
    require(text, "20 km or 12 mi")
    return _read(read_distance, text, units)


def parse_duration(text: str) -> float:
    require(text, "3 hours or 45 min")
    return _read(read_duration, text)


def parse_clock(text: str) -> float:
    require(text, "25:00 or 1:58:00")
    return _read(read_clock, text)


def _read(read, *args) -> float:
    try:
        return read(*args)
    except RunmathError as error:
        raise TargetError(str(error)) from None


def parse_count(text: str) -> float:
    require(text, "4")
    match = re.match(r"^\s*(\d+)\s*(runs?|days?|times?)?\s*$", text)
    if not match or int(match.group(1)) < 1:
        raise TargetError(f"We couldn't read \u201c{text}\u201d as a number; try 4.")
    return float(match.group(1))


def format_target(metric: str, period: str, value, unit: str, race_m, units: str) -> str:
    """The target in words, in the runner's units: "20 km per week", "Half marathon in 1:58:00"."""
    race = RACE_DISTANCES[race_key(race_m)].label if race_key(race_m) else ""
    per = f" per {period}" if period else ""
    if metric == "race_finish":
        return f"Finish a {race.lower()}" if race else "Finish a race"
    if value is None:
        return ""
    if metric == "race_time":
        return f"{race} in {format_duration(value)}"
    if unit == "m":
        return f"{format_distance(value, units, decimals=1)}{per}"
    if unit == "s":
        return f"{format_duration_short(value)}{per}"
    noun = "days" if unit == "days" else "runs"
    return f"{value:g} {noun}{per}"


def target_text(value: float | None, unit: str, metric: str, units: str) -> str:
    """The target as the runner would type it back into the form."""
    if value is None:
        return ""
    if unit == "m":
        return format_distance(value, units, decimals=1)
    if unit == "s":
        return format_duration(value) if metric == "race_time" else format_duration_short(value)
    return f"{value:g}"


def target_initial(goal, units: str) -> dict[str, str]:
    return {
        "target": target_text(goal.target_value, goal.target_unit, goal.metric, units),
        "race": race_key(goal.race_distance_m),
    }
