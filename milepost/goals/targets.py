"""Reading and writing a goal's target as a runner types it ("20 km", "1:58:00", "4 runs").

Pure Python. Values are stored in canonical units: metres, seconds, a count or days.
"""

import re
from dataclasses import dataclass

from milepost.runmath import units as units_math
from milepost.runmath.errors import RunmathError

RACES = {
    "5k": ("5 km", 5000.0),
    "10k": ("10 km", 10000.0),
    "15k": ("15 km", 15000.0),
    "10mi": ("10 miles", 16093.44),
    "half": ("Half marathon", 21097.5),
    "marathon": ("Marathon", 42195.0),
    "50k": ("50 km", 50000.0),
}
BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


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
    return [("", "Choose a race distance")] + [(k, label) for k, (label, _) in RACES.items()]


def parse_target(metric: str, text: str, race: str, units: str) -> Target:
    text = (text or "").strip().lower()
    if metric in {"race_finish", "race_time"}:
        if race not in RACES:
            raise TargetError("Choose the race distance.", field="race")
        race_m = RACES[race][1]
        if metric == "race_finish":
            return Target(None, "", race_m)
        return Target(parse_clock(text), "s", race_m)
    if metric in {"distance", "longest_run"}:
        return Target(parse_distance(text, units), "m")
    if metric == "time":
        return Target(parse_duration(text), "s")
    if metric in {"runs", "streak"}:
        return Target(parse_count(text), "count" if metric == "runs" else "days")
    if metric == "continuous_run":
        try:
            return Target(parse_duration(text), "s")
        except TargetError:
            return Target(parse_distance(text, units), "m")
    raise TargetError("Choose what Milepost should measure.", field="metric")


def require(text: str, example: str) -> None:
    if not text:
        raise TargetError(f"Write the target, for example {example}.")


def parse_distance(text: str, units: str) -> float:
    """Metres from "20 km", "12 mi", "half" or a bare number in the runner's units."""
    require(text, "20 km or 12 mi")
    text = text.replace(",", ".")
    try:
        metres = units_math.parse_distance(f"{text} {units}" if BARE_NUMBER.match(text) else text)
    except RunmathError:
        raise TargetError(
            f"We couldn't read \u201c{text}\u201d as a distance; try 20 km or 12 mi."
        ) from None
    if not 100 <= metres <= 50_000_000:
        raise TargetError("That distance looks out of range; please check it.")
    return metres


def parse_duration(text: str) -> float:
    """Seconds from "3 hours", "45 min", "1h30m" or "1:30:00"."""
    require(text, "3 hours or 45 min")
    try:
        return units_math.parse_duration(text)
    except RunmathError as error:
        if "59" in str(error):
            raise TargetError("Minutes and seconds go up to 59; please check the time.") from None
        raise TargetError(
            f"We couldn't read \u201c{text}\u201d as a time; try 3 hours, 45 min or 1:58:00."
        ) from None


def parse_clock(text: str) -> float:
    require(text, "25:00 or 1:58:00")
    if ":" not in text:
        raise TargetError(f"Write the time like 25:00 or 1:58:00, not \u201c{text}\u201d.")
    return parse_duration(text)


def parse_count(text: str) -> float:
    require(text, "4")
    match = re.match(r"^\s*(\d+)\s*(runs?|days?|times?)?\s*$", text)
    if not match or int(match.group(1)) < 1:
        raise TargetError(f"We couldn't read \u201c{text}\u201d as a number; try 4.")
    return float(match.group(1))


def format_clock(seconds: float) -> str:
    return units_math.format_duration(seconds)


def format_target(metric: str, period: str, value, unit: str, race_m, units: str) -> str:
    """The target in words, in the runner's units: "20 km per week", "Half marathon in 1:58:00"."""
    race = RACES[race_key(race_m)][0] if race_key(race_m) else ""
    per = f" per {period}" if period else ""
    if metric == "race_finish":
        return f"Finish a {race.lower()}" if race else "Finish a race"
    if value is None:
        return ""
    if metric == "race_time":
        return f"{race} in {format_clock(value)}"
    if unit == "m":
        return f"{format_distance(value, units)}{per}"
    if unit == "s":
        return f"{format_duration(value)}{per}"
    noun = "days" if unit == "days" else "runs"
    return f"{value:g} {noun}{per}"


def format_distance(metres: float, units: str) -> str:
    return units_math.format_distance(metres, units, decimals=1)


def format_duration(seconds: float) -> str:
    if seconds % 3600 == 0:
        return f"{seconds / 3600:g} h"
    if seconds < 3600:
        return f"{seconds / 60:g} min"
    return format_clock(seconds)


def target_text(value: float | None, unit: str, metric: str, units: str) -> str:
    """The target as the runner would type it back into the form."""
    if value is None:
        return ""
    if unit == "m":
        return format_distance(value, units)
    if unit == "s":
        return format_clock(value) if metric == "race_time" else format_duration(value)
    return f"{value:g}"


def race_key(race_m: float | None) -> str:
    return next((k for k, (_, m) in RACES.items() if race_m and abs(m - race_m) < 1), "")


def target_initial(goal, units: str) -> dict[str, str]:
    return {
        "target": target_text(goal.target_value, goal.target_unit, goal.metric, units),
        "race": race_key(goal.race_distance_m),
    }
