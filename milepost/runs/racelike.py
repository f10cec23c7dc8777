"""Whether an imported run looks like a race, so Milepost asks ("Was this a race?") instead of
quietly counting it as training. Pure: no Django.

A run looks like a race when it is at a race distance (as a GPS measures one: a little short
or, more often, a little long) and either its name says so ("Riverside Half Marathon",
"parkrun") or it was run hard for this runner: clearly faster than their own usual pace.
"""

import re

from milepost.runmath.units import RACE_DISTANCES

# A GPS reads a certified course up to a couple of percent short and a few percent long.
SHORT_BY, LONG_BY = 0.02, 0.04
# Run hard: at least this much faster than the runner's own usual pace.
HARD = 0.95
RACE_WORDS = re.compile(
    r"\b(race|racing|parkrun|marathon|half|[0-9]+ ?k|[0-9]+ ?miler?|championships?|"
    r"cross[- ]country|xc|relay|fun run|road run|pb|pr)\b",
    re.IGNORECASE,
)


def race_distance_near(metres: float | None) -> str:
    """The key in ``RACE_DISTANCES`` of the race whose distance ``metres`` reads as, or ""."""
    if not metres:
        return ""
    for key, race in RACE_DISTANCES.items():
        if race.metres * (1 - SHORT_BY) <= metres <= race.metres * (1 + LONG_BY):
            return key
    return ""


def named_like_race(name: str) -> bool:
    return bool(RACE_WORDS.search(name or ""))


def looks_like_race(
    *, name: str, metres: float | None, pace_s_per_km: float | None, usual_pace: float | None
) -> bool:
    """Whether to ask the runner if this run was a race."""
    if not race_distance_near(metres):
        return False
    named = named_like_race(name)
    hard = bool(pace_s_per_km and usual_pace and pace_s_per_km <= usual_pace * HARD)
    return named or hard
