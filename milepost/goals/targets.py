"""Reading and writing a goal's target as a runner types it ("20 km", "1:58:00", "4 runs").

Pure Python. Values are stored in canonical units: metres, seconds, a count or days.
"""

import re
from dataclasses import dataclass

METRES_PER = {"km": 1000.0, "k": 1000.0, "mi": 1609.344, "mile": 1609.344, "m": 1.0}
SECONDS_PER = {"h": 3600, "hr": 3600, "hour": 3600, "min": 60, "minute": 60, "s": 1}
RACES = {
    "5k": ("5 km", 5000.0),
    "10k": ("10 km", 10000.0),
    "15k": ("15 km", 15000.0),
    "10mi": ("10 miles", 16093.44),
    "half": ("Half marathon", 21097.5),
    "marathon": ("Marathon", 42195.0),
    "50k": ("50 km", 50000.0),
}
QUANTITY = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*$")
CLOCK = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{2})\s*$")
UNIT_ALIASES = {
    "kms": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "miles": "mi",
    "mis": "mi",
    "metres": "m",
    "meters": "m",
    "hours": "h",
    "hrs": "h",
    "mins": "min",
    "minutes": "min",
    "sec": "s",
    "secs": "s",
}


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
    require(text, "20 km or 12 mi")
    match = QUANTITY.match(text)
    unit = UNIT_ALIASES.get(match.group(2), match.group(2)) if match else ""
    if not match or (unit and unit not in METRES_PER):
        raise TargetError(f"We couldn't read \u201c{text}\u201d as a distance; try 20 km or 12 mi.")
    metres = float(match.group(1).replace(",", ".")) * METRES_PER[unit or units]
    if not 100 <= metres <= 50_000_000:
        raise TargetError("That distance looks out of range; please check it.")
    return metres


def parse_duration(text: str) -> float:
    require(text, "3 hours or 45 min")
    if CLOCK.match(text):
        return parse_clock(text)
    match = QUANTITY.match(text)
    unit = UNIT_ALIASES.get(match.group(2), match.group(2)) if match else None
    if not match or unit not in SECONDS_PER:
        raise TargetError(f"We couldn't read \u201c{text}\u201d as a time; try 3 hours or 45 min.")
    return float(match.group(1).replace(",", ".")) * SECONDS_PER[unit]


def parse_clock(text: str) -> float:
    require(text, "25:00 or 1:58:00")
    match = CLOCK.match(text)
    if not match:
        raise TargetError(f"We couldn't read \u201c{text}\u201d as a time; write it like 1:58:00.")
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    if seconds >= 60 or (hours and minutes >= 60):
        raise TargetError("Minutes and seconds go up to 59; please check the time.")
    return float(hours * 3600 + minutes * 60 + seconds)


def parse_count(text: str) -> float:
    require(text, "4")
    match = re.match(r"^\s*(\d+)\s*(runs?|days?|times?)?\s*$", text)
    if not match or int(match.group(1)) < 1:
        raise TargetError(f"We couldn't read \u201c{text}\u201d as a number; try 4.")
    return float(match.group(1))


def format_clock(seconds: float) -> str:
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


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
    amount = metres / METRES_PER[units]
    return f"{amount:.1f}".rstrip("0").rstrip(".") + f" {units}"


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
