"""Boston Marathon qualifying standards, read from dated data (RUNNING_SCIENCE.md §3).

The table lives in ``data/boston_qualifying.json``, one entry per edition (race year), so a new
year is a data change. Age is age on race day; non-binary runners use the women's times.
"""

import functools
import json
from datetime import date
from importlib.resources import files

from milepost.runmath.errors import RunmathError
from milepost.runmath.units import check_positive, format_duration, parse_duration

DEFAULT_EDITION = 2026
CATEGORIES = {
    "women": "women",
    "woman": "women",
    "w": "women",
    "f": "women",
    "female": "women",
    "men": "men",
    "man": "men",
    "m": "men",
    "male": "men",
    "nonbinary": "nonbinary",
    "non-binary": "nonbinary",
    "non binary": "nonbinary",
    "nb": "nonbinary",
}


@functools.cache
def _editions() -> dict[str, dict]:
    path = files("milepost.runmath").joinpath("data/boston_qualifying.json")
    return json.loads(path.read_text())["editions"]


def editions() -> list[int]:
    """Editions (race years) with data, oldest first."""
    return sorted(int(year) for year in _editions())


def _edition(edition: int) -> dict:
    data = _editions().get(str(edition))
    if data is None:
        known = ", ".join(str(year) for year in editions())
        raise RunmathError(f"no Boston data for {edition!r}; known editions: {known}")
    return data


def check_category(category: str) -> str:
    """``"women"``, ``"men"`` or ``"nonbinary"`` from the ways people write them."""
    code = CATEGORIES.get(" ".join(str(category).lower().split()))
    if code is None:
        raise RunmathError(f"category must be women, men or nonbinary, not {category!r}")
    return code


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years on the day ``on``."""
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - before_birthday


def race_date(edition: int = DEFAULT_EDITION) -> date | None:
    """Race day of ``edition``, when known."""
    text = _edition(edition)["race_date"]
    return date.fromisoformat(text) if text else None


def bq_standard(age: int, category: str, edition: int = DEFAULT_EDITION) -> int:
    """Qualifying time in seconds for a runner who is ``age`` on race day."""
    data = _edition(edition)
    if data["standards"] is None:
        raise RunmathError(f"the {edition} Boston standards are not in Milepost's data yet")
    if isinstance(age, bool) or not isinstance(age, int):
        raise RunmathError(f"age must be a whole number of years, not {age!r}")
    column = check_category(category)
    if column == "nonbinary":
        column = data["nonbinary_uses"]
    for group in data["standards"]:
        if group["min_age"] <= age and (group["max_age"] is None or age <= group["max_age"]):
            return round(parse_duration(group[column]))
    youngest = data["standards"][0]["min_age"]
    raise RunmathError(f"Boston runners must be at least {youngest} on race day, not {age}")


def downhill_allowance(net_drop: float, unit: str = "m", edition: int = 2027) -> int:
    """Seconds added to a qualifying time run on a course with ``net_drop`` (start - finish).

    From 2027 (§3.3): 1,500-2,999 ft adds 5:00, 3,000-5,999 ft adds 10:00, and 6,000 ft or more
    is not accepted. ``unit`` is ``"m"`` or ``"ft"``; each uses the thresholds published in it.
    """
    index = _edition(edition)["net_downhill_index"]
    if index is None:
        return 0
    if unit not in ("m", "ft"):
        raise RunmathError(f"net drop unit must be 'm' or 'ft', not {unit!r}")
    net_drop = check_positive(net_drop, "net drop", allow_zero=True)
    rules = index["metres" if unit == "m" else "feet"]
    if net_drop >= rules["not_accepted_from"]:
        raise RunmathError(
            f"courses dropping {rules['not_accepted_from']:g} {unit} or more do not qualify "
            f"for Boston {edition}"
        )
    allowance = 0
    for threshold, seconds in rules["bands"]:
        if net_drop >= threshold:
            allowance = seconds
    return allowance


def bq_margin(
    seconds: float,
    age: int,
    category: str,
    edition: int = DEFAULT_EDITION,
    net_drop_m: float = 0.0,
) -> float:
    """Seconds under the standard (negative: over it), after any downhill allowance."""
    seconds = check_positive(seconds, "time")
    allowance = downhill_allowance(net_drop_m, "m", edition)
    return bq_standard(age, category, edition) - (seconds + allowance)


def acceptance_cutoff(edition: int = DEFAULT_EDITION) -> int | None:
    """How far under their standard accepted runners had to be, once known (seconds)."""
    return _edition(edition)["acceptance_cutoff_s"]


def boston_sentences(
    seconds: float | None,
    age: int | None,
    category: str | None,
    edition: int = DEFAULT_EDITION,
    what: str = "Your target",
) -> list[str]:
    """What a marathon time means for Boston, in plain words: the standard for ``age`` (on
    race day) and ``category``, and how ``seconds`` sits against it and the recent cut-off.
    Without an age or a category, what is needed to say."""
    if age is None or not category:
        return [
            "Add your birth year and a category to your profile to see your Boston "
            "qualifying standard."
        ]
    try:
        standard = bq_standard(age, category, edition)
    except RunmathError:
        return []
    group = check_category(category)
    who = {"women": "women", "men": "men", "nonbinary": "non-binary runners"}[group]
    text = [
        f"The Boston {edition} qualifying standard for {who} aged {age} on race day is "
        f"{format_duration(standard)}."
    ]
    if seconds is None:
        return text
    cutoff = acceptance_cutoff(edition)
    margin = standard - seconds
    if margin < 0:
        text.append(
            f"{what} is {format_duration(-margin)} slower than that: a fine goal of its "
            "own, and Boston would need a little more."
        )
    elif cutoff and margin < cutoff:
        text.append(
            f"{what} is inside the standard, but for {edition} runners needed "
            f"{format_duration(cutoff)} under it to be accepted; a few minutes of cushion "
            "makes the entry safer."
        )
    elif cutoff:
        text.append(
            f"{what} is {format_duration(margin)} under it, more than the "
            f"{format_duration(cutoff)} cut-off the {edition} race needed."
        )
    return text
