"""One performance in, everything a runner asks about it out: the ``milepost predict`` answer."""

from milepost.runmath import agegrade, standards
from milepost.runmath import vdot as vdot_math
from milepost.runmath.equivalence import METHODS, RIEGEL_RANGE_MIN, equivalent_time
from milepost.runmath.errors import RunmathError
from milepost.runmath.units import (
    STANDARD_DISTANCES,
    distance_key,
    format_duration,
    parse_distance,
    parse_duration,
    round_seconds,
)

BQ_EDITION = standards.DEFAULT_EDITION


def _clock(seconds: float) -> dict:
    return {"seconds": round_seconds(seconds), "hms": format_duration(seconds, always_hours=True)}


def _check_age(age: int) -> int:
    if isinstance(age, bool) or not isinstance(age, int) or not 1 <= age <= 120:
        raise RunmathError(f"age must be a whole number of years between 1 and 120, not {age!r}")
    return age


def _equivalents(metres: float, seconds: float, to: str | None, method: str) -> dict:
    targets = dict(STANDARD_DISTANCES)
    if to is not None:
        to_m = parse_distance(to)
        targets[distance_key(to_m) or " ".join(to.lower().split())] = to_m
    return {
        key: _clock(equivalent_time(seconds, metres, target_m, method))
        for key, target_m in targets.items()
    }


def _age_fields(metres, seconds, age, category, table, notes) -> dict:
    fields = {}
    sex = {"women": "F", "men": "M", "nonbinary": "F"}[category]
    if category == "nonbinary":
        notes.append("Age grade uses the women's table: there is no non-binary table.")
    try:
        grade = agegrade.age_grade(seconds, metres, age, sex, table)
    except RunmathError as error:
        notes.append(f"No age grade: {error}.")
    else:
        fields["age_grade_pct"] = round(grade.percent, 2)
        fields["age_standard_s"] = round_seconds(grade.age_standard_s)
    try:
        standard = standards.bq_standard(age, category, BQ_EDITION)
    except RunmathError as error:
        notes.append(f"No Boston standard: {error}.")
        return fields
    fields["bq_standard_s"] = standard
    if distance_key(metres) == "marathon":
        fields["bq_margin_s"] = standard - round_seconds(seconds)
    return fields


def predict(
    distance: str,
    time: str,
    to: str | None = None,
    age: int | None = None,
    category: str | None = None,
    method: str = "vdot",
    table: str = "2025",
) -> dict:
    """VDOT, race equivalents and (with age and category) age grade and Boston standard.

    Returns a JSON-ready dict. ``bq_margin_s`` is the Boston standard minus the time (positive
    means under the standard) and is given for marathon times only. Raises RunmathError.
    """
    metres, seconds = parse_distance(distance), parse_duration(time)
    if method not in METHODS:
        raise RunmathError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    table = agegrade.check_table(table)
    if (age is None) != (category is None):
        raise RunmathError("age and category go together: give both or neither")
    if category is not None:
        age, category = _check_age(age), standards.check_category(category)
    value = vdot_math.vdot(metres, seconds)
    notes = []
    if not vdot_math.in_table_range(value):
        low, high = vdot_math.TABLE_RANGE
        notes.append(f"VDOT outside Daniels' tables ({low:g}-{high:g}); treat it as a rough guide.")
    if method == "riegel" and not RIEGEL_RANGE_MIN[0] <= seconds / 60 <= RIEGEL_RANGE_MIN[1]:
        notes.append("Riegel's formula was described for efforts of 3.5 to 230 minutes.")
    result = {
        "distance_m": metres,
        "seconds": round_seconds(seconds),
        "hms": format_duration(seconds, always_hours=True),
        "method": method,
        "vdot": round(value, 2),
        "equivalents": _equivalents(metres, seconds, to, method),
        "age": age,
        "category": category,
        "age_grade_table": table,
        "age_grade_pct": None,
        "age_standard_s": None,
        "bq_edition": BQ_EDITION,
        "bq_standard_s": None,
        "bq_margin_s": None,
    }
    if category is not None:
        result |= _age_fields(metres, seconds, age, category, table, notes)
    result["notes"] = notes
    return result
