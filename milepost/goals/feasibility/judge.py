"""``assess``: check the goal, pick its planner, and turn the plan into a verdict.

A plan is the weeks the goal needs; ``_judge`` compares them with the weeks left before the
goal's date (realistic, a stretch at ``STRETCH_FRACTION`` of them, else unlikely).
"""

import math
from datetime import date, timedelta

from .model import (
    _ORDER,
    METRICS,
    NEED_HISTORY,
    REALISTIC,
    STRETCH,
    STRETCH_FRACTION,
    UNLIKELY,
    FeasibilityError,
    FeasibilityVerdict,
    HistorySummary,
    MeasurableGoal,
    _Plan,
)
from .races import _race_finish, _race_time
from .runner import _runner, _season_efforts
from .single_run import _continuous_run, _longest_run, _streak
from .volume import (
    _monthly_distance,
    _monthly_runs,
    _weekly_distance,
    _weekly_runs,
    _weekly_time,
    _yearly_distance,
)
from .words import _day


def metric_key(metric: str, period: str = "") -> str:
    """The stable key for a goal stored as metric and period ("distance", "week")."""
    if metric in ("distance", "time", "runs"):
        key = {"week": "weekly", "month": "monthly", "year": "yearly"}.get(period, "") + "_"
        key += metric
        if key in METRICS:
            return key
        raise FeasibilityError(f"no feasibility check for {metric} per {period or '?'}")
    return metric


def assess(
    goal: MeasurableGoal, history: HistorySummary, today: date, *, units: str = "km"
) -> FeasibilityVerdict:
    """Judge ``goal`` against ``history`` as of ``today``; reasons in ``units`` (km or mi)."""
    _check(goal)
    if history.is_empty:
        return _need_history(
            "Add a recent race or timed run, or tell Milepost about a typical week "
            "(how many runs and how far), and it can say how this goal looks."
        )
    runner = _runner(history, today, units)
    if goal.metric == "race_time":
        efforts = _season_efforts(history, today)
        if not efforts:
            return _need_history(
                "To judge a race time, Milepost needs a race or timed run from the last six "
                "months, such as a parkrun. Add one and ask again."
            )
        plan = _race_time(goal, history, runner, today, efforts)
    else:
        plan = _PLANNERS[goal.metric](goal, history, runner, today)
    return _judge(goal, today, plan)


def _check(goal: MeasurableGoal) -> None:
    if goal.metric not in METRICS:
        raise FeasibilityError(f"unknown metric {goal.metric!r}; use one of {', '.join(METRICS)}")
    if not isinstance(goal.target, int | float) or not goal.target > 0:
        raise FeasibilityError(f"the target must be more than zero, not {goal.target!r}")
    if goal.metric == "race_time" and not (goal.distance_m and goal.distance_m > 0):
        raise FeasibilityError("a race-time goal needs the race distance in metres")
    if goal.metric == "continuous_run" and goal.unit not in (None, "m", "s"):
        raise FeasibilityError(f"a continuous run is in 'm' or 's', not {goal.unit!r}")


def _need_history(reason: str) -> FeasibilityVerdict:
    return FeasibilityVerdict(verdict=NEED_HISTORY, realistic_date=None, reasons=(reason,))


def _judge(goal: MeasurableGoal, today: date, plan: _Plan) -> FeasibilityVerdict:
    available = max((goal.by - today).days, 0) / 7
    reasons = list(plan.reasons)
    if goal.by < today:
        reasons.append("The date has passed; pick a new one and the plan moves with it.")
    if plan.weeks is None:
        return FeasibilityVerdict(UNLIKELY, None, tuple(reasons), None, plan.prediction_s)
    if plan.weeks <= available:
        verdict = REALISTIC
    elif plan.weeks * STRETCH_FRACTION <= available:
        verdict = STRETCH
    else:
        verdict = UNLIKELY
    verdict = max(verdict, plan.cap, key=_ORDER.index)
    ready = today + timedelta(days=math.ceil(plan.weeks * 7))
    if verdict == STRETCH and ready > goal.by:
        reasons.append(
            f"It is within reach if training goes smoothly; {_day(ready)} would leave "
            "room for a cold or a busy week."
        )
    elif verdict == UNLIKELY:
        reasons.append(f"A date around {_day(ready)} would give your body the time it needs.")
    return FeasibilityVerdict(verdict, ready, tuple(reasons), plan.weeks, plan.prediction_s)


_PLANNERS = {
    "weekly_distance": _weekly_distance,
    "monthly_distance": _monthly_distance,
    "yearly_distance": _yearly_distance,
    "weekly_time": _weekly_time,
    "weekly_runs": _weekly_runs,
    "monthly_runs": _monthly_runs,
    "race_finish": _race_finish,
    "longest_run": _longest_run,
    "continuous_run": _continuous_run,
    "streak": _streak,
}
