"""The runner's recent season: the last weeks' averages, the season's races and best efforts,
the usual pace and the time they have for running.
"""

from datetime import date, timedelta

from milepost.runmath import RunmathError, progression
from milepost.runmath.vdot import vdot, velocity_at

from .model import (
    DEFAULT_PACE_S_PER_KM,
    EASY_FRACTION,
    RECENT_WEEKS,
    SEASON_DAYS,
    Effort,
    HistorySummary,
    _Runner,
)


def _recent(series: tuple[float, ...]) -> float | None:
    values = series[-RECENT_WEEKS:]
    return sum(values) / len(values) if values else None


def _season_efforts(history: HistorySummary, today: date) -> list[Effort]:
    start = today - timedelta(days=SEASON_DAYS)
    return [e for e in history.efforts if start <= e.on <= today and e.distance_m >= 1500]


def _best_effort(efforts: list[Effort]) -> tuple[Effort, float] | None:
    scored = []
    for effort in efforts:
        try:
            scored.append((vdot(effort.distance_m, effort.seconds), effort))
        except RunmathError:
            continue
    if not scored:
        return None
    value, effort = max(scored, key=lambda pair: pair[0])
    return effort, value


def _runner(history: HistorySummary, today: date, units: str) -> _Runner:
    weekly_m, runs = _recent(history.weekly_m), _recent(history.weekly_runs)
    weekly_s = _recent(history.weekly_s)
    recent_m = sum(history.weekly_m[-RECENT_WEEKS:])
    recent_s = sum(history.weekly_s[-RECENT_WEEKS:])
    best = _best_effort(_season_efforts(history, today))
    if recent_m > 0 and recent_s > 0:
        pace = recent_s / recent_m * 1000
    else:
        pace = 60000 / velocity_at(best[1], EASY_FRACTION) if best else DEFAULT_PACE_S_PER_KM
    if weekly_s is None and weekly_m is not None:
        weekly_s = weekly_m / 1000 * pace
    runs_list = list(history.long_runs) + [(e.on, e.distance_m) for e in history.efforts]
    longest = progression.longest_before(runs_list, today + timedelta(days=1))
    if not longest and weekly_m:
        longest = weekly_m / max(runs or 3, 1)
    pace_known = bool(recent_m > 0 and recent_s > 0 or best)
    return _Runner(weekly_m, weekly_s, runs, longest, pace, pace_known, units)


def _budget_s(history: HistorySummary) -> float | None:
    return history.hours_per_week * 3600 if history.hours_per_week else None
