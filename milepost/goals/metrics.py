"""What Milepost can measure of a goal, and how: the one metric registry.

Pure Python, no Django. ``METRICS`` holds one ``Metric`` for each key ``Goal.metric`` stores:
its label (the goal form offers it), the canonical unit of its target, the words of its
week-by-week chart, whether it is per week, month or year (``periodic``), a race, or only a
number to the runner, and the functions that do the work for it:

- ``parse``: the target as the runner typed it, to a ``targets.Target`` (``targets.py``);
- ``progress``: where the goal stands, from the runs (``progress.py``);
- ``judge``: the plan feasibility turns into a verdict (``feasibility/races.py``,
  ``volume.py``, ``single_run.py``); for a periodic metric one per period, and a period
  without one has no verdict (time per month, say);
- ``ladder``: the dated steps toward the goal (``feasibility/ladder.py``), keyed the same way.

``GoalTarget`` is what a measurable goal aims at, in this vocabulary; progress, feasibility,
the ladder and alignment all read it. The modules holding the functions never import this one
(it imports them): they reach a metric's functions through the ``GoalTarget`` they are given.
A target is written back in words by its unit (``targets.format_target``).

A new metric: write its functions in ``targets.py``, ``progress.py`` and ``feasibility/``,
then add its ``Metric`` below (and the weekly time it asks to alignment's
``weekly_minutes_needed``, which otherwise counts an hour and a half).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from . import progress, targets
from .feasibility import ladder, races, single_run, volume


@dataclass(frozen=True)
class Metric:
    """One thing Milepost can measure. ``unit`` is the canonical unit of the target: metres
    (``m``), seconds (``s``), a count of runs or days; a continuous run takes metres or
    seconds, whichever the runner wrote. ``chart`` is how a goal's week-by-week chart names
    its values: the column heading and what the bars show. ``just_a_number``: a goal on it is
    only a number, which alignment points out to a runner who runs for the feeling."""

    key: str
    label: str
    unit: str
    chart: tuple[str, str]
    parse: Callable[[str, str, str], "targets.Target"]
    progress: Callable
    judge: Callable | Mapping[str, Callable]
    ladder: Callable | Mapping[str, Callable]
    periodic: bool = False
    race: bool = False
    just_a_number: bool = True

    def judge_for(self, period: str) -> Callable | None:
        """The feasibility plan for a goal on this metric (per ``period``), None if none."""
        return _for_period(self.judge, period)

    def ladder_for(self, period: str) -> Callable | None:
        """The steps toward a goal on this metric (per ``period``), None if none."""
        return _for_period(self.ladder, period)


def _for_period(function, period: str) -> Callable | None:
    return function.get(period) if isinstance(function, Mapping) else function


@dataclass(frozen=True)
class GoalTarget:
    """What a measurable goal aims at: ``metric`` is a key of ``METRICS``.

    ``target`` is in canonical units (metres, seconds, runs, days); a ``race_finish`` goal's
    target is its race distance. Periodic metrics need ``period`` (week, month, year); race
    goals need ``race_distance_m``; ``continuous_run`` takes ``unit`` ``"m"`` (default) or
    ``"s"``. ``by`` is the date feasibility and the ladder work toward (progress counts from
    the day the goal started and needs none).
    """

    metric: str
    target: float | None = None
    period: str = ""
    unit: str = ""
    race_distance_m: float | None = None
    by: date | None = None

    @property
    def entry(self) -> Metric | None:
        """The metric's entry in the registry, None for an unknown metric."""
        return METRICS.get(self.metric)

    @property
    def canonical_unit(self) -> str:
        """m, s, count or days: the goal's own unit (a continuous run's), else the metric's."""
        return self.unit or METRICS[self.metric].unit

    @property
    def judged(self) -> bool:
        """Whether feasibility can judge it: a known metric with a plan, and a target."""
        entry = self.entry
        return entry is not None and entry.judge_for(self.period) is not None and bool(self.target)


def parse_target(metric: str, text: str, race: str, units: str) -> targets.Target:
    """The target of a goal on ``metric`` as the runner typed it ("20 km", "1:58:00")."""
    entry = METRICS.get(metric)
    if entry is None:
        raise targets.TargetError("Choose what Milepost should measure.", field="metric")
    return entry.parse((text or "").strip().lower(), race, units)


METRICS = {
    m.key: m
    for m in (
        Metric(
            "distance",
            "Distance per week, month or year",
            "m",
            chart=("Distance", "the distance you ran each week"),
            parse=targets.distance_target,
            progress=progress.measure_periodic,
            judge={
                "week": volume.plan_weekly_distance,
                "month": volume.plan_monthly_distance,
                "year": volume.plan_yearly_distance,
            },
            ladder={
                "week": ladder.steps_weekly_distance,
                "month": ladder.steps_monthly_distance,
                "year": ladder.steps_yearly_distance,
            },
            periodic=True,
        ),
        Metric(
            "time",
            "Time running per week, month or year",
            "s",
            chart=("Time running", "the time you spent running each week"),
            parse=targets.duration_target,
            progress=progress.measure_periodic,
            judge={"week": volume.plan_weekly_time},
            ladder={"week": ladder.steps_weekly_time},
            periodic=True,
        ),
        Metric(
            "runs",
            "Number of runs per week, month or year",
            "count",
            chart=("Runs", "how many runs you did each week"),
            parse=targets.runs_target,
            progress=progress.measure_periodic,
            judge={"week": volume.plan_weekly_runs, "month": volume.plan_monthly_runs},
            ladder={"week": ladder.steps_weekly_runs, "month": ladder.steps_monthly_runs},
            periodic=True,
        ),
        Metric(
            "race_finish",
            "Finish a race",
            "m",
            chart=("Longest run", "your longest run of each week"),
            parse=targets.race_finish_target,
            progress=progress.measure_race_finish,
            judge=races.plan_race_finish,
            ladder=ladder.steps_race_finish,
            race=True,
            just_a_number=False,
        ),
        Metric(
            "race_time",
            "A race time",
            "s",
            chart=(
                "Best time",
                "your best time at the race distance each week (shorter is faster)",
            ),
            parse=targets.race_time_target,
            progress=progress.measure_race_time,
            judge=races.plan_race_time,
            ladder=ladder.steps_race_time,
            race=True,
        ),
        Metric(
            "longest_run",
            "A longest run",
            "m",
            chart=("Longest run", "your longest run of each week"),
            parse=targets.distance_target,
            progress=progress.measure_longest_run,
            judge=single_run.plan_longest_run,
            ladder=ladder.steps_longest_run,
        ),
        Metric(
            "continuous_run",
            "Run without walking",
            "m",
            chart=(
                "Longest stretch without walking",
                "your longest stretch without walking each week",
            ),
            parse=targets.continuous_target,
            progress=progress.measure_continuous_run,
            judge=single_run.plan_continuous_run,
            ladder=ladder.steps_continuous_run,
            just_a_number=False,
        ),
        Metric(
            "streak",
            "A streak of days",
            "days",
            chart=("Days in a row", "your streak of days in a row at the end of each week"),
            parse=targets.days_target,
            progress=progress.measure_streak,
            judge=single_run.plan_streak,
            ladder=ladder.steps_streak,
        ),
    )
}
PERIODIC_METRICS = tuple(key for key, m in METRICS.items() if m.periodic)
# Reaching this week's or this month's target is a good week, not a goal completed.
RECURRING_PERIODS = frozenset({"week", "month"})
RACE_METRICS = frozenset(key for key, m in METRICS.items() if m.race)
NUMBER_METRICS = frozenset(key for key, m in METRICS.items() if m.just_a_number)
