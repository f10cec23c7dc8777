"""``assess``: check the goal, take its plan from the metric registry, and turn the plan into
a verdict.

A plan is the weeks the goal needs; ``_judge`` compares them with the weeks left before the
goal's date (realistic, a stretch at ``STRETCH_FRACTION`` of them, else unlikely).
"""

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING

from milepost.runmath import RunmathError
from milepost.runmath.units import format_distance, format_duration, race_name
from milepost.runmath.vdot import vdot

from .model import (
    _ORDER,
    NEED_HISTORY,
    NOT_POSSIBLE,
    REALISTIC,
    STRETCH,
    STRETCH_FRACTION,
    UNLIKELY,
    FeasibilityError,
    FeasibilityVerdict,
    HistorySummary,
    NeedHistory,
    _Plan,
)
from .runner import _runner
from .words import _day

if TYPE_CHECKING:
    from milepost.goals.metrics import GoalTarget


def assess(
    goal: "GoalTarget", history: HistorySummary, today: date, *, units: str = "km"
) -> FeasibilityVerdict:
    """Judge ``goal`` against ``history`` as of ``today``; reasons in ``units`` (km or mi)."""
    plan_for = _check(goal)
    impossible = _beyond_any_run(goal)
    if impossible is not None:
        return FeasibilityVerdict(NOT_POSSIBLE, None, (impossible,))
    if history.is_empty:
        return _need_history(
            "Add a recent race or timed run, or tell Milepost about a typical week "
            "(how many runs and how far), and it can say how this goal looks."
        )
    runner = _runner(history, today, units)
    try:
        plan = plan_for(goal, history, runner, today)
    except NeedHistory as missing:
        return _need_history(str(missing))
    return _judge(goal, today, plan)


def _check(goal: "GoalTarget"):
    """The goal's plan from the registry, once the goal is one feasibility can judge."""
    if goal.entry is None:
        raise FeasibilityError(f"unknown metric {goal.metric!r}")
    plan_for = goal.entry.judge_for(goal.period)
    if plan_for is None:
        raise FeasibilityError(f"no feasibility check for {goal.metric} per {goal.period or '?'}")
    if goal.by is None:
        raise FeasibilityError("the goal needs a date to be judged by")
    if not isinstance(goal.target, int | float) or not goal.target > 0:
        raise FeasibilityError(f"the target must be more than zero, not {goal.target!r}")
    if goal.metric == "race_time" and not (goal.race_distance_m and goal.race_distance_m > 0):
        raise FeasibilityError("a race-time goal needs the race distance in metres")
    if goal.metric == "continuous_run" and goal.unit not in ("", "m", "s"):
        raise FeasibilityError(f"a continuous run is in 'm' or 's', not {goal.unit!r}")
    return plan_for


def _beyond_any_run(goal: "GoalTarget") -> str | None:
    """Why a race time is not possible at all, when it is faster than world-record pace."""
    if goal.metric != "race_time":
        return None
    try:
        vdot(goal.race_distance_m, goal.target)
    except RunmathError:
        if goal.race_distance_m / goal.target < 1:  # too slow for VDOT, but possible
            return None
        distance = race_name(goal.race_distance_m) or format_distance(goal.race_distance_m)
        return (
            f"{format_duration(goal.target)} for {_a(distance)} is faster than the world record, "
            "so it isn't possible. Check the time: 3:15:00 is hours, minutes and seconds."
        )
    return None


def _a(name: str) -> str:
    return f"an {name}" if name[:1] in "8aeiou" else f"a {name}"


def _need_history(reason: str) -> FeasibilityVerdict:
    return FeasibilityVerdict(verdict=NEED_HISTORY, realistic_date=None, reasons=(reason,))


def _judge(goal: "GoalTarget", today: date, plan: _Plan) -> FeasibilityVerdict:
    available = max((goal.by - today).days, 0) / 7
    reasons = list(plan.reasons)
    if plan.impossible:
        return FeasibilityVerdict(NOT_POSSIBLE, None, tuple(reasons), None, plan.prediction_s)
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
