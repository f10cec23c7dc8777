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


def _best_block(series: tuple[float, ...]) -> float | None:
    """The best average of ``RECENT_WEEKS`` weeks in a row within the series (the season the
    weekly series covers): a level the runner has held lately, even before a break."""
    if not series:
        return None
    size = min(RECENT_WEEKS, len(series))
    return max(sum(series[i : i + size]) / size for i in range(len(series) - size + 1))


def _experienced(history: HistorySummary, longest: float, season_m: float | None) -> bool:
    """A runner past beginner plans: long runs of 10 miles, 30 km weeks held for four weeks,
    or a half marathon or longer raced this season."""
    return bool(
        longest >= progression.HALF_PEAK_LONG_RUN_M * 0.999
        or (season_m or 0) >= progression.MARATHON_MIN_WEEKLY_M
        or any(e.distance_m >= 21000 for e in history.efforts)
    )


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
    season_m, season_s = _best_block(history.weekly_m), _best_block(history.weekly_s)
    if season_s is None and season_m is not None:
        season_s = season_m / 1000 * pace
    experienced = _experienced(history, longest, season_m)
    return _Runner(
        weekly_m, weekly_s, runs, longest, pace, pace_known, units, season_m, season_s, experienced
    )


def _budget_s(history: HistorySummary) -> float | None:
    return history.hours_per_week * 3600 if history.hours_per_week else None
