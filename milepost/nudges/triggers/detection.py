"""``detect``: every trigger together on one day, and the weekly distance it defaults to."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from milepost.runmath.units import week_start

from .events import back_after_break, goal_reached, new_training_cycle
from .model import MIN_GAP_DAYS, CheckIn, Effort, Nudge, OpenGoal, RunDay, _order
from .motivation import low_motivation
from .plateaus import plateau

# All together ------------------------------------------------------------------------------


def detect(
    runs: Iterable[RunDay],
    today: date,
    *,
    efforts: Iterable[Effort] = (),
    goals: Iterable[OpenGoal] = (),
    checkins: Iterable[CheckIn] = (),
    cycle_starts: Iterable[date] = (),
    weekly_m: Mapping[date, float] | None = None,
    min_gap_days: int = MIN_GAP_DAYS,
    units: str = "km",
) -> list[Nudge]:
    """Every nudge open on ``today``, oldest ``since`` first (then by kind and goal).

    While a runner is freshly back from a break, the welcome back is the one thing to say:
    plateau and low motivation, which the weeks away would feed, wait until it closes.
    ``weekly_m`` defaults to the weekly distance of ``runs``; pass the maintained weekly
    aggregates instead when you have them.
    """
    runs, goals, checkins = list(runs), list(goals), list(checkins)
    weekly = weekly_distance(runs) if weekly_m is None else weekly_m
    comeback = back_after_break(runs, today, min_gap_days)
    nudges = [
        comeback,
        *new_training_cycle(cycle_starts, goals, today),
        *goal_reached(goals, today),
    ]
    if comeback is None:
        nudges.append(plateau(weekly, efforts, goals, today, units=units))
        nudges.append(low_motivation(runs, checkins, today, goals=goals))
    return sorted((n for n in nudges if n is not None), key=_order)


def weekly_distance(runs: Iterable[RunDay]) -> dict[date, float]:
    """Metres per week, keyed by each week's Monday."""
    weeks: dict[date, float] = defaultdict(float)
    for run in runs:
        weeks[week_start(run.day)] += run.distance_m
    return dict(weeks)
