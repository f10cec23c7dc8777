"""Progress of a measurable goal, computed from the runner's runs.

Pure Python, no Django. Values are in canonical units: metres, seconds, a count of runs, days.
Only runs dated up to ``today`` count, so any past day can be replayed.

- Distance, time and number of runs per week, month or year: the current period so far
  (weeks run Monday to Sunday; months and years are calendar ones, counted from their first
  day even when the goal was set later), whether that is on track, and what is needed per
  week from now to the period's end.
- Race time: the best time at the race distance since the goal started, from the best efforts
  inside runs or from a run marked as a race at that distance (within 5 %); until it is
  reached, where the runner stands now: the equivalent time the season's races and best
  efforts point to (``estimated_time``).
- Race finish: done when a run at least the race distance, or a race at it, exists since the
  goal started.
- Longest run, continuous run (metres or seconds without walking), and streak (consecutive
  days with a run, the current one and the best since the goal started).

A reached goal never shows less than 100 %. A goal is a ``metrics.GoalTarget``; each
metric's ``measure_*`` function here is its ``progress`` in the registry (``metrics.py``).
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from milepost.runmath import RunmathError
from milepost.runmath.equivalence import vickers_marathon
from milepost.runmath.progression import SEASON_DAYS
from milepost.runmath.units import (
    BEST_EFFORT_DISTANCES,
    MARATHON_M,
    METRES_PER_MILE,
    check_units,
    format_day,
    format_distance,
    format_duration,
    format_hours,
    format_weekday,
    race_name,
    week_start,
)
from milepost.runmath.vdot import race_time as vdot_race_time
from milepost.runmath.vdot import vdot

if TYPE_CHECKING:
    from milepost.goals.metrics import GoalTarget

PERIODS = ("week", "month", "year")
# A run marked as a race counts as a race at a distance when its measured distance is within
# 5 % of it (GPS rarely measures a course exactly).
RACE_TOLERANCE = 0.05
# A period just begun has no verdict yet, only what it takes: a week is judged from its third
# day, a month from its fourth, a year from its eighth (days gone before today).
JUDGED_AFTER_DAYS = {"week": 2, "month": 3, "year": 7}
_EPSILON = 1e-9


class ProgressError(ValueError):
    """A goal whose progress cannot be measured as given."""


@dataclass(frozen=True)
class RunFact:
    """What progress needs of one run.

    ``longest_continuous_m`` is the longest stretch run without walking (``None``: unknown);
    ``continuous_s`` its duration when known. ``best_efforts`` maps keys of
    ``BEST_EFFORT_DISTANCES`` to seconds.
    """

    day: date
    distance_m: float
    moving_s: float = 0.0
    longest_continuous_m: float | None = None
    continuous_s: float | None = None
    best_efforts: Mapping[str, float] = field(default_factory=dict)
    is_race: bool = False


@dataclass(frozen=True)
class Progress:
    """Where a goal stands.

    ``current`` is the value that counts now (this period's total, the best time, the longest
    run, the current streak), ``None`` when no run gives one yet. ``fraction`` is ``current``
    over ``target`` (``target`` over the best time for race times). ``on_track`` is only known
    for periodic goals; ``needed_per_week`` (canonical units) too. ``best`` is the best streak
    since the goal started. ``period_start`` and ``period_end`` bound the current period.
    """

    fraction: float
    current: float | None
    target: float
    unit: str
    on_track: bool | None
    needed_per_week: float | None
    reached: bool
    reached_on: date | None
    summary: str
    best: float | None = None
    period_start: date | None = None
    period_end: date | None = None


@dataclass(frozen=True)
class WeekValue:
    """One week of a goal-progress chart: the week's Monday and its value (``None``: none)."""

    start: date
    value: float | None


def progress(
    goal: "GoalTarget", runs: Sequence[RunFact], today: date, started: date, *, units: str = "km"
) -> Progress:
    """The progress of ``goal`` as of ``today``, for a goal set on ``started``."""
    _check(goal)
    check_units(units)
    runs = sorted((run for run in runs if run.day <= today), key=lambda run: run.day)
    since = [run for run in runs if run.day >= started]
    return goal.entry.progress(goal, runs, since, today, started, units)


def weekly_history(
    goal: "GoalTarget", runs: Sequence[RunFact], weeks: int, today: date
) -> list[WeekValue]:
    """The goal's value for each of the last ``weeks`` weeks, oldest first.

    The last week is the current one, up to ``today``. Distance, time and runs: the week's
    total (0 without runs). Longest run and race finish: the longest run of the week; continuous
    run: the longest stretch without walking; race time: the time the season's efforts point
    to at the week's end (``estimated_time``, so ``runs`` need the six months before); streak:
    the streak at the end of the week's Sunday (this week: the current streak, as
    ``progress`` counts it). ``None`` when the week has none.
    """
    _check(goal)
    runs = sorted((run for run in runs if run.day <= today), key=lambda run: run.day)
    monday, days = week_start(today), _run_days(runs)
    best_by_run = _best_effort_by_run(runs) if goal.metric == "race_time" else ()
    history = []
    for k in range(weeks - 1, -1, -1):
        start = monday - timedelta(weeks=k)
        last = min(start + timedelta(days=6), today)
        week = [run for run in runs if start <= run.day <= last]
        value = _week_value(goal, week, days, last, today, runs, best_by_run)
        history.append(WeekValue(start, value))
    return history


def _week_value(goal, week, days, last, today, runs=(), best_by_run=()) -> float | None:
    if goal.entry.periodic:
        return float(sum(_amount(goal.metric, run) for run in week))
    if goal.metric == "streak":
        return float(_current_streak(days, last) if last == today else _streak_ending(days, last))
    if goal.metric == "race_time":
        return _estimate(goal.race_distance_m, runs, last, best_by_run)
    values = [v for v in (_single_value(goal, run) for run in week) if v is not None]
    if not values:
        return None
    return min(values) if goal.metric == "race_time" else max(values)


def _check(goal: "GoalTarget") -> None:
    if goal.entry is None:
        raise ProgressError(f"unknown metric {goal.metric!r}")
    if goal.entry.periodic and goal.period not in PERIODS:
        raise ProgressError(f"a {goal.metric} goal needs a period: week, month or year")
    if goal.entry.race and not (goal.race_distance_m or 0) > 0:
        raise ProgressError(f"a {goal.metric} goal needs its race distance")
    if goal.metric != "race_finish" and not (goal.target or 0) > 0:
        raise ProgressError("the goal needs a target above zero")
    if goal.metric == "continuous_run" and goal.unit not in ("", "m", "s"):
        raise ProgressError("a continuous run is measured in metres (m) or seconds (s)")


# Distance, time and runs per week, month or year --------------------------------------------


def measure_periodic(goal: "GoalTarget", runs, since, today, started, units) -> Progress:
    """Distance, time or runs this week, month or year (``since`` and ``started`` are unused:
    the current period counts from its first day). Not judged in its first days."""
    start, end = _period(goal.period, today)
    target = goal.target
    total, reached_on = 0.0, None
    for run in runs:
        if run.day >= start:
            total += _amount(goal.metric, run)
            if reached_on is None and total >= target - _EPSILON:
                reached_on = run.day
    period_days = (end - start).days + 1
    expected = target * (today - start).days / period_days
    if goal.metric == "runs":
        expected = math.floor(expected + _EPSILON)
    reached = reached_on is not None
    days_left = (end - today).days + 1
    remaining = max(target - total, 0.0)
    needed = remaining / max(days_left / 7, 1.0)
    result = Progress(
        fraction=total / target,
        current=total,
        target=target,
        unit=goal.canonical_unit,
        on_track=_on_track(goal.period, start, today, reached, total >= expected - _EPSILON),
        needed_per_week=needed,
        reached=reached,
        reached_on=reached_on,
        summary="",
        period_start=start,
        period_end=end,
    )
    return replace(result, summary=_periodic_summary(goal, result, today, units))


def _on_track(period: str, start: date, today: date, reached: bool, ahead: bool) -> bool | None:
    """On track (or not), or None while the period has only just begun."""
    if reached:
        return True
    if (today - start).days < JUDGED_AFTER_DAYS[period]:
        return None
    return ahead


def period_bounds(period: str, today: date) -> tuple[date, date]:
    """The first and last day of the week (Monday to Sunday), month or year holding ``today``."""
    if period not in PERIODS:
        raise ProgressError(f"a period is week, month or year, not {period!r}")
    return _period(period, today)


def _period(period: str, today: date) -> tuple[date, date]:
    if period == "week":
        start = week_start(today)
        return start, start + timedelta(days=6)
    if period == "month":
        start = today.replace(day=1)
        following = (start + timedelta(days=32)).replace(day=1)
        return start, following - timedelta(days=1)
    return date(today.year, 1, 1), date(today.year, 12, 31)


def _amount(metric: str, run) -> float:
    if metric == "distance":
        return run.distance_m
    if metric == "time":
        return run.moving_s
    return 1.0


def _periodic_summary(goal: "GoalTarget", p: Progress, today: date, units: str) -> str:
    def show(value: float) -> str:
        return _show(goal.canonical_unit, value, units)

    this = f"this {goal.period}"
    if p.reached:
        return (
            f"{_capital(show(p.current))} {this}, reaching your goal of {show(p.target)} on "
            f"{_weekday(p.reached_on)}: well done!"
        )
    done = f"{p.current:.0f}" if goal.metric == "runs" else _capital(show(p.current))
    so_far = f"{done} of {show(p.target)} so far {this}"
    remaining = show(p.target - p.current)
    days_left = (p.period_end - today).days + 1
    if p.on_track:
        return f"{so_far}, right on track with {remaining} to go."
    if days_left == 1:
        return f"{so_far}; {remaining} today gets you there."
    if days_left <= 7:
        return f"{so_far}; {remaining} in the {days_left} days left gets you there."
    return (
        f"{so_far}; about {show(p.needed_per_week)} a week over the {days_left} days left "
        "gets you there."
    )


# Single-run goals -------------------------------------------------------------------------


def measure_race_time(goal, runs, since, today, started, units) -> Progress:
    race = _race_name(goal.race_distance_m, units)
    best, best_day, reached_on = None, None, None
    for run in since:
        seconds = _race_seconds(goal.race_distance_m, run)
        if seconds is None:
            continue
        if best is None or seconds < best:
            best, best_day = seconds, run.day
        if reached_on is None and seconds <= goal.target + _EPSILON:
            reached_on = run.day
    target = format_duration(goal.target)
    estimate = None if best is not None else estimated_time(goal.race_distance_m, runs, today)
    if estimate is not None:
        summary = (
            f"Your recent runs point to about {format_duration(estimate)} for the {race}; "
            f"the goal is {target}."
        )
        fraction = min(goal.target / estimate, 0.99) if estimate > goal.target else 0.99
        return _single(goal, goal.target, float(estimate), fraction, None, summary)
    if best is None:
        summary = (
            f"No timed {race} since {_day(started, today)} yet; a race or a timed run will "
            f"show where you are against your {target} goal."
        )
    elif reached_on is not None:
        summary = (
            f"You ran {_a(race)} in {format_duration(best)} on {_day(best_day, today)}, "
            f"inside your {target} goal, congratulations!"
        )
    else:
        summary = (
            f"Your best {race} since {_day(started, today)} is {format_duration(best)}, "
            f"{_gap(best - goal.target)} from your {target} goal."
        )
    fraction = goal.target / best if best else 0.0
    current = None if best is None else float(best)
    return _single(goal, goal.target, current, fraction, reached_on, summary)


def estimated_time(distance_m: float, runs, today: date) -> float | None:
    """The time over ``distance_m`` the season's races and best efforts point to as of
    ``today``: the best VDOT of the last six months (efforts of 1500 m or more), its
    equivalent time and, for a marathon from shorter efforts, the recreational runners'
    model with the last four weeks' mileage when that is slower (RUNNING_SCIENCE.md §1-2).
    ``None`` without a timed effort in the season."""
    return _estimate(distance_m, runs, today, _best_effort_by_run(runs))


def _best_effort_by_run(runs) -> list[tuple[date, tuple[float, float, float]]]:
    """(day, (VDOT, metres, seconds)) of each run's best timed effort, runs without one left
    out: worked out once when the estimate is wanted for many days (``weekly_history``)."""
    found = []
    for run in runs:
        best = None
        for metres, seconds in _efforts(run):
            try:
                value = vdot(metres, seconds)
            except RunmathError:
                continue
            if best is None or value > best[0]:
                best = (value, metres, seconds)
        if best is not None:
            found.append((run.day, best))
    return found


def _estimate(distance_m, runs, today, best_by_run) -> float | None:
    first = today - timedelta(days=SEASON_DAYS)
    season = [best for day, best in best_by_run if first <= day <= today]
    if not season:
        return None
    value, metres, seconds = max(season, key=lambda best: best[0])  # the first of equals
    try:
        estimate = vdot_race_time(value, distance_m)
    except RunmathError:
        return None
    if abs(distance_m - MARATHON_M) <= MARATHON_M * 0.01 and metres < distance_m * 0.9:
        month = today - timedelta(days=28)
        weekly = sum(r.distance_m for r in runs if month < r.day <= today) / 4
        estimate = max(estimate, vickers_marathon(seconds, metres, weekly / METRES_PER_MILE))
    return estimate


def _efforts(run):
    """(metres, seconds) of the run's best efforts of 1500 m or more, and of the run when it
    is a race."""
    for key, seconds in (getattr(run, "best_efforts", None) or {}).items():
        metres = BEST_EFFORT_DISTANCES.get(key)
        if metres and metres >= 1500 and seconds:
            yield metres, seconds
    if getattr(run, "is_race", False) and run.distance_m >= 1500 and run.moving_s:
        yield run.distance_m, run.moving_s


def _race_seconds(distance_m: float, run) -> float | None:
    times = []
    for key, metres in BEST_EFFORT_DISTANCES.items():
        seconds = (getattr(run, "best_efforts", None) or {}).get(key)
        if seconds and abs(metres - distance_m) <= distance_m * 0.001:
            times.append(seconds)
    is_race = getattr(run, "is_race", False)
    if is_race and run.moving_s and abs(run.distance_m - distance_m) <= distance_m * RACE_TOLERANCE:
        times.append(run.moving_s)
    return min(times, default=None)


def measure_race_finish(goal, runs, since, today, started, units) -> Progress:
    distance = goal.race_distance_m
    race = _race_name(distance, units)
    longest = max((run.distance_m for run in since), default=None)
    reached_on = next((run.day for run in since if _finishes(run, distance)), None)
    if reached_on is not None:
        summary = f"You covered the {race} distance on {_day(reached_on, today)}, well done!"
    elif longest is None:
        summary = (
            f"No runs since {_day(started, today)} yet; every run from here builds toward "
            f"the {race}."
        )
    else:
        summary = (
            f"Your longest run since {_day(started, today)} is {_distance(longest, units)}, "
            f"on the way to the {_distance(distance, units)} of the {race}."
        )
    return _single(goal, distance, longest, (longest or 0.0) / distance, reached_on, summary)


def _finishes(run, distance: float) -> bool:
    if run.distance_m >= distance - _EPSILON:
        return True
    tolerance = distance * RACE_TOLERANCE
    return getattr(run, "is_race", False) and abs(run.distance_m - distance) <= tolerance


def measure_longest_run(goal, runs, since, today, started, units) -> Progress:
    return _longest(goal, since, today, started, units, "run")


def measure_continuous_run(goal, runs, since, today, started, units) -> Progress:
    return _longest(goal, since, today, started, units, "stretch without walking")


def _longest(goal, since, today, started, units, what) -> Progress:
    best, reached_on = None, None
    for run in since:
        value = _single_value(goal, run)
        if value is None:
            continue
        best = value if best is None else max(best, value)
        if reached_on is None and value >= goal.target - _EPSILON:
            reached_on = run.day
    unit = goal.canonical_unit
    target = _show(unit, goal.target, units)
    start = _day(started, today)
    if best is None and goal.metric == "continuous_run":
        summary = (
            f"No run since {start} shows a stretch without walking yet; runs recorded with a "
            f"watch or a phone show it, on the way to your {target} goal."
        )
    elif best is None:
        summary = f"No runs since {start} yet; your {target} goal starts with the first one."
    elif reached_on is not None:
        summary = (
            f"Your longest {what} since {start} is {_show(unit, best, units)}: you reached "
            f"your {target} goal on {_day(reached_on, today)}, well done!"
        )
    else:
        summary = (
            f"Your longest {what} since {start} is {_show(unit, best, units)}, "
            f"{_show(unit, goal.target - best, units)} to go to your {target} goal."
        )
    return _single(goal, goal.target, best, (best or 0.0) / goal.target, reached_on, summary)


def _single_value(goal: "GoalTarget", run) -> float | None:
    if goal.metric in ("longest_run", "race_finish"):
        return run.distance_m
    if goal.metric == "race_time":
        return _race_seconds(goal.race_distance_m, run)
    metres = getattr(run, "longest_continuous_m", None)
    if goal.canonical_unit == "m":
        return metres
    seconds = getattr(run, "continuous_s", None)
    if seconds is None and metres is not None and run.distance_m > 0 and run.moving_s > 0:
        # Not recorded: estimated at the run's average pace.
        seconds = metres * run.moving_s / run.distance_m
    return seconds


def measure_streak(goal, runs, since, today, started, units) -> Progress:
    days = _run_days(runs)
    target = math.ceil(goal.target - _EPSILON)
    current = _current_streak(days, today)
    best, reached_on = 0, None
    for first, last in _stretches(days):
        if last < started:
            continue
        best = max(best, (last - first).days + 1)
        hit = max(first + timedelta(days=target - 1), started)
        if reached_on is None and hit <= last:
            reached_on = hit
    start = _day(started, today)
    if reached_on is not None:
        now = f"; current streak: {_days(current)}" if current else ""
        summary = (
            f"You reached {target} days in a row on {_day(reached_on, today)}, well done! "
            f"Best since {start}: {_days(best)}{now}."
        )
    elif current == 0:
        summary = (
            f"Any run today starts a new streak toward your {target} days in a row "
            f"(best since {start}: {_days(best)})."
        )
    else:
        summary = (
            f"{_capital(_days(current))} in a row so far, {target - current} more for your "
            f"{target} days in a row (best since {start}: {_days(best)})."
        )
    fraction = max(current, best) / target if reached_on else current / target
    return _single(goal, target, float(current), fraction, reached_on, summary, best=float(best))


def _run_days(runs: Iterable) -> list[date]:
    return sorted({run.day for run in runs})


def _current_streak(days: list[date], today: date) -> int:
    """Days in a row with a run up to ``today``; with no run yet today, up to yesterday."""
    return _streak_ending(days, today) or _streak_ending(days, today - timedelta(days=1))


def _streak_ending(days: list[date], day: date) -> int:
    present = set(days)
    count = 0
    while day - timedelta(days=count) in present:
        count += 1
    return count


def _stretches(days: list[date]):
    """Runs of consecutive days, as (first, last) pairs."""
    first = None
    for i, day in enumerate(days):
        if first is None:
            first = day
        if i + 1 == len(days) or days[i + 1] != day + timedelta(days=1):
            yield first, day
            first = None


def _single(goal, target, current, fraction, reached_on, summary, best=None) -> Progress:
    reached = reached_on is not None
    return Progress(
        fraction=max(fraction, 1.0) if reached else fraction,
        current=current,
        target=float(target),
        unit=goal.canonical_unit,
        on_track=None,
        needed_per_week=None,
        reached=reached,
        reached_on=reached_on,
        summary=summary,
        best=best,
    )


# Words -------------------------------------------------------------------------------------


def format_amount(unit: str, value: float, units: str = "km") -> str:
    """A value in canonical ``unit`` (m, s, count, days) in the runner's words: "7.5 km",
    "3 h 30 min", "4 runs", "12 days"."""
    check_units(units)
    return _show(unit, value, units)


def _show(kind: str, value: float, units: str) -> str:
    """A value in the runner's words; ``kind`` is a canonical unit."""
    if kind == "m":
        return _distance(value, units)
    if kind == "s":
        return format_hours(value)
    count = round(value, 1)
    count = int(count) if count == int(count) else count
    if kind == "days":
        return _days(count)
    return "1 run" if count == 1 else f"{count} runs"


def _distance(metres: float, units: str) -> str:
    return format_distance(max(metres, 0.0), units, decimals=1)


def _days(count: float) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _gap(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds} seconds" if seconds < 60 else format_duration(seconds)


def _race_name(metres: float, units: str) -> str:
    return race_name(metres) or _distance(metres, units)


def _a(name: str) -> str:
    return f"an {name}" if name[:1] in "8aeiou" else f"a {name}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _day(day: date, today: date) -> str:
    return format_day(day, today)


def _weekday(day: date) -> str:
    return format_weekday(day)
