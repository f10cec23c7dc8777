"""Age grading with Alan Jones' road tables (RUNNING_SCIENCE.md §4).

``age_standard = open_standard / factor`` and ``age_grade % = 100 * age_standard / time``. The
tables give 5 km, 10 km, half marathon and marathon for every age from 5 to 100. Distances in
between use the 2025 method, linear in log distance between the two neighbouring standards:
``u = (ln d - ln d1) / (ln d2 - ln d1)``, ``S = S1 * (1 - u) + S2 * u``. We apply it to the open
and the age standard (in seconds) and to every table year.
"""

import csv
import functools
import math
from dataclasses import dataclass
from importlib.resources import files
from itertools import pairwise

from milepost.runmath.errors import RunmathError
from milepost.runmath.units import HALF_MARATHON_M, MARATHON_M, check_positive

TABLES = ("2025", "2020", "2015")
DEFAULT_TABLE = "2025"
AGES = (5, 100)
ANCHORS = ((5000.0, "5k"), (10000.0, "10k"), (HALF_MARATHON_M, "hm"), (MARATHON_M, "m"))
SEXES = {
    "f": "F",
    "female": "F",
    "w": "F",
    "woman": "F",
    "women": "F",
    "m": "M",
    "male": "M",
    "man": "M",
    "men": "M",
}
_TOLERANCE_M = 1.0


@dataclass(frozen=True)
class AgeGrade:
    """One performance graded against the standard for its age, sex and distance."""

    percent: float
    factor: float
    open_standard_s: float
    age_standard_s: float
    age_graded_s: float
    table: str


@functools.cache
def _rows() -> dict[tuple[str, str, int], dict[str, float]]:
    text = files("milepost.runmath").joinpath("data/agegrade_road_factors_5k_10k_hm_m.csv")
    lines = [line for line in text.read_text().splitlines() if not line.startswith("#")]
    rows = {}
    for row in csv.DictReader(lines):
        key = (row.pop("table"), row.pop("sex"), int(row.pop("age")))
        rows[key] = {name: float(value) for name, value in row.items()}
    return rows


def check_sex(sex: str) -> str:
    """``"F"`` or ``"M"`` from the ways people write them; raise for anything else."""
    code = SEXES.get(str(sex).strip().lower())
    if code is None:
        raise RunmathError(
            f"age grading has tables for women and men only, not {sex!r}; choose 'F' or 'M'"
        )
    return code


def check_table(table: str | int) -> str:
    """The table year as text (``"2025"``), or raise if there is no such table."""
    if str(table) not in TABLES:
        raise RunmathError(f"age-grading table must be one of {', '.join(TABLES)}, not {table!r}")
    return str(table)


def _row(age: int, sex: str, table: str) -> dict[str, float]:
    if isinstance(age, bool) or not isinstance(age, int):
        raise RunmathError(f"age must be a whole number of years, not {age!r}")
    if not AGES[0] <= age <= AGES[1]:
        raise RunmathError(f"age-grading tables cover ages {AGES[0]}-{AGES[1]}, not {age}")
    return _rows()[(check_table(table), check_sex(sex), age)]


def _segment(distance_m: float) -> tuple[tuple[float, str], tuple[float, str], float]:
    distance_m = check_positive(distance_m, "distance")
    low, high = ANCHORS[0][0], ANCHORS[-1][0]
    if not low - _TOLERANCE_M <= distance_m <= high + _TOLERANCE_M:
        raise RunmathError(
            f"road age grading covers 5 km to the marathon, not {distance_m / 1000:g} km"
        )
    distance_m = min(max(distance_m, low), high)
    for first, second in pairwise(ANCHORS):
        if distance_m <= second[0]:
            u = (math.log(distance_m) - math.log(first[0])) / (
                math.log(second[0]) - math.log(first[0])
            )
            return first, second, u
    raise AssertionError("unreachable")


def _standards(age: int, sex: str, distance_m: float, table: str) -> tuple[float, float]:
    row = _row(age, sex, table)
    (_, first), (_, second), u = _segment(distance_m)

    def at(event: str) -> tuple[float, float]:
        open_s = row[f"open_{event}_s"]
        return open_s, open_s / row[f"f_{event}"]

    (open1, age1), (open2, age2) = at(first), at(second)
    return open1 * (1 - u) + open2 * u, age1 * (1 - u) + age2 * u


def open_standard(sex: str, distance_m: float, table: str = DEFAULT_TABLE) -> float:
    """Open-class standard in seconds (the time scoring 100 % at the best age)."""
    return _standards(30, sex, distance_m, table)[0]


def age_standard(age: int, sex: str, distance_m: float, table: str = DEFAULT_TABLE) -> float:
    """Seconds scoring 100 % at ``age``."""
    return _standards(age, sex, distance_m, table)[1]


def age_factor(age: int, sex: str, distance_m: float, table: str = DEFAULT_TABLE) -> float:
    """The age factor (at most 1): open standard / age standard."""
    open_s, age_s = _standards(age, sex, distance_m, table)
    return open_s / age_s


def age_drift(
    age: int, years: float, distance_m: float, sexes: tuple[str, ...] = ("F", "M")
) -> float:
    """How much slower the tables expect the same runner ``years`` from now (1.01 = 1 %).

    ``factor(age) / factor(age + years)``, factors interpolated linearly between single years
    and averaged over ``sexes``; distances are clamped to 5 km-marathon.
    """
    metres = min(max(check_positive(distance_m, "distance"), ANCHORS[0][0]), ANCHORS[-1][0])
    years = check_positive(years, "years", allow_zero=True)
    if not AGES[0] <= age <= AGES[1] - 1 - years:
        raise RunmathError(f"age-grading tables cover ages {AGES[0]}-{AGES[1]}, not {age}")

    def factor(at: float) -> float:
        whole, part = int(at), at - int(at)
        values = []
        for sex in sexes:
            low, high = (age_factor(whole + i, sex, metres) for i in (0, 1))
            values.append(low * (1 - part) + high * part)
        return sum(values) / len(values)

    return factor(age) / factor(age + years)


def age_grade(
    seconds: float, distance_m: float, age: int, sex: str, table: str = DEFAULT_TABLE
) -> AgeGrade:
    """Grade ``seconds`` over ``distance_m`` for a runner of ``age`` and ``sex``."""
    seconds = check_positive(seconds, "time")
    open_s, age_s = _standards(age, sex, distance_m, table)
    factor = open_s / age_s
    return AgeGrade(
        percent=100 * age_s / seconds,
        factor=factor,
        open_standard_s=open_s,
        age_standard_s=age_s,
        age_graded_s=seconds * factor,
        table=check_table(table),
    )
