"""Distances, durations and paces: read what runners type, write what runners read.

Values are kept in metres and seconds. Kilometres and miles are both first-class for display:
every formatter takes ``units="km"`` or ``units="mi"``.
"""

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from milepost.runmath.errors import RunmathError

METRES_PER_KM = 1000.0
METRES_PER_MILE = 1609.344
HALF_MARATHON_M = 21097.5
MARATHON_M = 42195.0
UNITS = {"km": METRES_PER_KM, "mi": METRES_PER_MILE}


@dataclass(frozen=True)
class NamedDistance:
    """A distance runners call by name. ``key`` is what the CLI, the API, the goal form and the
    best efforts inside a run use; ``label`` heads a list ("Half marathon"); ``name`` goes
    inside a sentence ("your half marathon")."""

    key: str
    metres: float
    label: str
    name: str
    race: bool = True  # offered as a race distance for a goal
    standard: bool = False  # one of the four standard road distances (CLI, equivalents)
    effort: bool = False  # a best effort kept from inside each run


# The one table of named distances.
DISTANCES = (
    NamedDistance("1k", 1000.0, "1 km", "1 km", race=False, effort=True),
    NamedDistance("1mi", METRES_PER_MILE, "1 mile", "mile", race=False, effort=True),
    NamedDistance("5k", 5000.0, "5 km", "5K", standard=True, effort=True),
    NamedDistance("10k", 10000.0, "10 km", "10K", standard=True, effort=True),
    NamedDistance("15k", 15000.0, "15 km", "15K"),
    NamedDistance("10mi", 10 * METRES_PER_MILE, "10 miles", "10 miles"),
    NamedDistance("half", HALF_MARATHON_M, "Half marathon", "half marathon", True, True, True),
    NamedDistance("marathon", MARATHON_M, "Marathon", "marathon", True, True, True),
    NamedDistance("50k", 50000.0, "50 km", "50K"),
)
NAMED = {d.key: d for d in DISTANCES}
# The race distances a goal can name, in the order the goal form offers them.
RACE_DISTANCES = {d.key: d for d in DISTANCES if d.race}
# The four standard road distances, by the keys the CLI and the API use.
STANDARD_DISTANCES = {d.key: d.metres for d in DISTANCES if d.standard}
# Keys of the best efforts inside a run and their distances.
BEST_EFFORT_DISTANCES = {d.key: d.metres for d in DISTANCES if d.effort}

NAMED_DISTANCES = {
    "half": HALF_MARATHON_M,
    "half marathon": HALF_MARATHON_M,
    "half-marathon": HALF_MARATHON_M,
    "halfmarathon": HALF_MARATHON_M,
    "hm": HALF_MARATHON_M,
    "marathon": MARATHON_M,
    "full": MARATHON_M,
    "full marathon": MARATHON_M,
    "mile": METRES_PER_MILE,
    "parkrun": 5000.0,  # every (adult) parkrun is 5 km
    "park run": 5000.0,
    "junior parkrun": 2000.0,
}
DISTANCE_UNITS = {
    "k": METRES_PER_KM,
    "km": METRES_PER_KM,
    "kms": METRES_PER_KM,
    "kilometre": METRES_PER_KM,
    "kilometres": METRES_PER_KM,
    "kilometer": METRES_PER_KM,
    "kilometers": METRES_PER_KM,
    "m": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "mi": METRES_PER_MILE,
    "mile": METRES_PER_MILE,
    "miles": METRES_PER_MILE,
}
PACE_UNITS = {"km": "km", "k": "km", "kilometre": "km", "kilometer": "km"} | {
    "mi": "mi",
    "mile": "mi",
    "miles": "mi",
}

_NUMBER = r"(?:\d+(?:\.\d+)?|\.\d+)"
_QUANTITY = re.compile(rf"^({_NUMBER})\s*([a-z]+)$")
_CLOCK = re.compile(r"^(\d+):(\d\d)(?::(\d\d(?:\.\d+)?))?$|^(\d+):(\d\d\.\d+)$")
_SPELLED = re.compile(
    rf"^(?:({_NUMBER})\s*h(?:ours?|rs?)?)?\s*"
    rf"(?:({_NUMBER})\s*m(?:in(?:ute)?s?)?)?\s*"
    rf"(?:({_NUMBER})\s*s(?:ec(?:ond)?s?)?)?$"
)
_PACE = re.compile(r"^(.+?)\s*(?:/|per\s+)\s*([a-z]+)$")


def check_units(units: str) -> str:
    """Return ``units`` if it is ``"km"`` or ``"mi"``; raise otherwise."""
    if units not in UNITS:
        raise RunmathError(f"units must be 'km' or 'mi', not {units!r}")
    return units


def check_positive(value: float, what: str, *, allow_zero: bool = False) -> float:
    """Return ``value`` as a float if it is a finite number above zero; raise otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RunmathError(f"{what} must be a number, not {value!r}")
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = "zero or more" if allow_zero else "more than zero"
        raise RunmathError(f"{what} must be {bound}, not {value!r}")
    return float(value)


def to_units(metres: float, units: str = "km") -> float:
    """Metres as kilometres or miles."""
    return metres / UNITS[check_units(units)]


def from_units(amount: float, units: str = "km") -> float:
    """Kilometres or miles as metres."""
    return amount * UNITS[check_units(units)]


def _text(value: str, what: str, example: str) -> str:
    if not isinstance(value, str):
        raise RunmathError(f"{what} must be text like {example}, not {value!r}")
    text = " ".join(value.split())
    if not text:
        raise RunmathError(f"{what} is empty; write it like {example}")
    return text


def parse_distance(text: str) -> float:
    """Metres from ``5k``, ``10K``, ``half``, ``marathon``, ``parkrun``, ``8km``, ``10mi``,
    ``3000m``, ``mile``.

    A bare number and an upper-case ``M`` (metres or miles?) are refused rather than guessed.
    """
    example = "5k, 10mi, 3000m, half or marathon"
    raw = _text(text, "distance", example)
    if re.fullmatch(rf"{_NUMBER}\s*M", raw):
        raise RunmathError(f"distance {raw!r} is ambiguous: write 'mi' for miles or 'm' for metres")
    lowered = re.sub(r"^(?:an?|the)\s+", "", raw.lower())  # "a parkrun", "the marathon"
    if lowered in NAMED_DISTANCES:
        return NAMED_DISTANCES[lowered]
    match = _QUANTITY.match(lowered)
    if not match:
        if re.fullmatch(_NUMBER, lowered):
            raise RunmathError(f"distance {raw!r} needs a unit; write it like {example}")
        raise RunmathError(f"could not read distance {raw!r}; write it like {example}")
    amount, unit = match.groups()
    if unit not in DISTANCE_UNITS:
        raise RunmathError(f"unknown distance unit {unit!r} in {raw!r}; use k, km, m or mi")
    metres = float(amount) * DISTANCE_UNITS[unit]
    if metres <= 0:
        raise RunmathError(f"distance {raw!r} must be more than zero")
    return metres


def parse_duration(text: str) -> float:
    """Seconds from ``25:00`` (m:ss), ``1:58:34`` (h:mm:ss), ``1h58m``, ``45min`` or ``90s``."""
    example = "25:00, 1:58:34 or 1h58m"
    raw = _text(text, "time", example)
    lowered = raw.lower()
    if ":" in lowered:
        return _parse_clock(lowered, raw, example)
    match = _SPELLED.match(lowered)
    if match and any(match.groups()):
        hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds
    if re.fullmatch(_NUMBER, lowered):
        raise RunmathError(f"time {raw!r} needs a unit or colons; write it like {example}")
    raise RunmathError(f"could not read time {raw!r}; write it like {example}")


def _parse_clock(text: str, raw: str, example: str) -> float:
    match = _CLOCK.match(text)
    if not match:
        raise RunmathError(f"could not read time {raw!r}; write it like {example}")
    if match.group(4) is not None:
        parts = [match.group(4), match.group(5)]
    else:
        parts = [p for p in match.groups()[:3] if p is not None]
    *larger, seconds = [float(p) for p in parts]
    if seconds >= 60 or (len(larger) == 2 and larger[1] >= 60):
        raise RunmathError(f"minutes and seconds go up to 59 in time {raw!r}")
    total = 0.0
    for part in larger:
        total = total * 60 + part
    return total * 60 + seconds


# --- What a runner types in a form: the errors speak to the runner --------------------------

_BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
MIN_TYPED_DISTANCE_M, MAX_TYPED_DISTANCE_M = 100, 50_000_000


def read_distance(text: str, units: str) -> float:
    """Metres from "20 km", "12 mi", "half", "parkrun", "7,5 km" or a bare number in the runner's
    ``units``; out-of-range distances (under 100 m, over 50,000 km) are refused."""
    text = text.replace(",", ".")
    try:
        metres = parse_distance(f"{text} {units}" if _BARE_NUMBER.match(text) else text)
    except RunmathError:
        raise RunmathError(
            f"We couldn't read \u201c{text}\u201d as a distance; try 20 km or 12 mi."
        ) from None
    if not MIN_TYPED_DISTANCE_M <= metres <= MAX_TYPED_DISTANCE_M:
        raise RunmathError("That distance looks out of range; please check it.")
    return metres


def read_duration(text: str) -> float:
    """Seconds from "3 hours", "45 min", "1h30m" or "1:30:00"."""
    try:
        return parse_duration(text)
    except RunmathError as error:
        if "59" in str(error):
            raise RunmathError("Minutes and seconds go up to 59; please check the time.") from None
        raise RunmathError(
            f"We couldn't read \u201c{text}\u201d as a time; try 3 hours, 45 min or 1:58:00."
        ) from None


def read_clock(text: str) -> float:
    """Seconds from a time on a clock, "25:00" or "1:58:00" (colons required)."""
    if ":" not in text:
        raise RunmathError(f"Write the time like 25:00 or 1:58:00, not \u201c{text}\u201d.")
    return read_duration(text)


def read_pace(text: str, units: str) -> float:
    """Seconds per kilometre from "5:15", "5:15/km" or "8:27/mi"; a bare pace is in ``units``."""
    try:
        return parse_pace(text, units)
    except RunmathError:
        raise RunmathError(
            f"We couldn't read \u201c{text}\u201d as a pace; try 5:15/km or 8:27/mi."
        ) from None


def round_seconds(seconds: float) -> int:
    """Whole seconds, halves rounded up (not to even)."""
    return math.floor(seconds + 0.5)


def format_duration(seconds: float, *, always_hours: bool = False) -> str:
    """``25:00`` or ``1:58:34``; with ``always_hours``, ``0:25:00``."""
    seconds = check_positive(seconds, "time", allow_zero=True)
    hours, rest = divmod(round_seconds(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours or always_hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_duration_short(seconds: float) -> str:
    """``3 h`` or ``45 min`` when whole, else ``1:58:34``: a time as a runner types it."""
    if seconds % 3600 == 0:
        return f"{seconds / 3600:g} h"
    if seconds < 3600:
        return f"{seconds / 60:g} min"
    return format_duration(seconds)


def format_hours(seconds: float) -> str:
    """``45 min``, ``3 h`` or ``3 h 05 min``, to the nearest minute."""
    hours, minutes = divmod(round(seconds / 60), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


def format_minutes(seconds: float) -> str:
    """``1 minute``, ``40 minutes`` or ``2 h 23 min``, to the nearest minute."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def format_distance(metres: float, units: str = "km", decimals: int = 2) -> str:
    """``5 km``, ``21.1 km``, ``26.22 mi``: at most ``decimals`` places, no trailing zeros."""
    amount = to_units(check_positive(metres, "distance", allow_zero=True), units)
    shown = f"{amount:.{decimals}f}"
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return f"{shown} {units}"


def pace(distance_m: float, seconds: float, units: str = "km") -> float:
    """Seconds per kilometre (or per mile) for ``distance_m`` run in ``seconds``."""
    distance_m = check_positive(distance_m, "distance")
    seconds = check_positive(seconds, "time")
    return seconds / to_units(distance_m, units)


def parse_pace(text: str, units: str = "km") -> float:
    """Seconds per kilometre from ``5:30/km``, ``5:30 min/km``, ``8:51/mi`` or ``8:51 per mile``.

    A pace without its own unit (``5:30``) is read in ``units``.
    """
    raw = _text(text, "pace", "5:30/km or 8:51/mi")
    lowered = raw.lower()
    match = _PACE.match(lowered)
    if match:
        clock, unit = match.groups()
        clock = re.sub(r"\s*(?:min|mins)$", "", clock)
        if unit not in PACE_UNITS:
            raise RunmathError(f"unknown pace unit {unit!r} in {raw!r}; use /km or /mi")
        unit = PACE_UNITS[unit]
    else:
        clock, unit = lowered, check_units(units)
    seconds = parse_duration(clock)
    if seconds <= 0:
        raise RunmathError(f"pace {raw!r} must be more than zero")
    return seconds * METRES_PER_KM / UNITS[unit]


def format_pace(seconds_per_km: float, units: str = "km") -> str:
    """``5:30/km`` or ``8:51/mi`` from seconds per kilometre."""
    seconds_per_km = check_positive(seconds_per_km, "pace")
    per_unit = seconds_per_km * UNITS[check_units(units)] / METRES_PER_KM
    return f"{format_duration(per_unit)}/{units}"


def distance_key(metres: float) -> str | None:
    """``"5k"``, ``"10k"``, ``"half"`` or ``"marathon"`` when ``metres`` is (within 0.1 %) one."""
    for key, standard in STANDARD_DISTANCES.items():
        if abs(metres - standard) <= standard * 0.001:
            return key
    return None


def race_name(metres: float) -> str | None:
    """``"5K"``, ``"10K"``, ``"half marathon"`` or ``"marathon"``, to use in a sentence, when
    ``metres`` is (within 0.1 %) a standard distance."""
    key = distance_key(metres)
    return NAMED[key].name if key else None


def race_key(metres: float | None) -> str:
    """The key in ``RACE_DISTANCES`` of the race within a metre of ``metres``, or ``""``."""
    if not metres:
        return ""
    return next((k for k, d in RACE_DISTANCES.items() if abs(d.metres - metres) < 1), "")


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_day(day: date, today: date | None = None) -> str:
    """``3 March``; with ``today`` in another year, ``3 March 2027``. English, whatever the
    locale."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if today is None or day.year == today.year else f"{text} {day.year}"


def format_weekday(day: date) -> str:
    """``Tuesday 3 March``."""
    return f"{WEEKDAYS[day.weekday()]} {format_day(day)}"


def add_days(day: date, days: int) -> date:
    """``day`` moved by ``days``, held at the calendar's ends (``date.min``, ``date.max``)
    rather than overflowing: a far-off date a runner kept must not break what reads it."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


# The dates a runner can enter. Runs: from 1980 to tomorrow (a day's slack for the time
# zones). Goals and steps: from today to PLAN_YEARS ahead. Anything else is a typo, and a date
# near the calendar's end would overflow what adds days to it.
EARLIEST_RUN_DAY = date(1980, 1, 1)
PLAN_YEARS = 30


def latest_plan_day(today: date) -> date:
    """The furthest day a goal or a step may be set for: ``PLAN_YEARS`` after ``today``."""
    leap_day = today.month == 2 and today.day == 29
    return today.replace(year=today.year + PLAN_YEARS, day=28 if leap_day else today.day)


def run_day_problem(day: date, today: date) -> str | None:
    """What is wrong with ``day`` as a run's day, in plain words, or ``None``."""
    if day < EARLIEST_RUN_DAY:
        return "Runs from before 1980 can't be added: please check the year."
    if day > today + timedelta(days=1):
        return "That date is still to come; add the run once it's done."
    return None


def plan_day_problem(day: date, today: date) -> str | None:
    """What is wrong with ``day`` as a goal's or a step's date (past days aside, which the
    forms word for themselves), in plain words, or ``None``."""
    latest = latest_plan_day(today)
    if day > latest:
        return (
            f"That is more than {PLAN_YEARS} years ahead. Pick a date before "
            f"{format_day(latest, today)}."
        )
    return None


def week_start(day: date) -> date:
    """The Monday of ``day``'s week: weeks run Monday to Sunday."""
    return day - timedelta(days=day.weekday())
