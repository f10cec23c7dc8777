"""What Milepost can measure of a goal: the one vocabulary of metrics.

Pure Python, no Django. ``Goal.metric`` stores a key of ``METRICS``; the goal form offers
their labels; progress, feasibility, alignment and the nudges read which are periodic (per
week, month or year) and which are races from here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    """One thing Milepost can measure. ``unit`` is the canonical unit of the target: metres
    (``m``), seconds (``s``), a count of runs or days; a continuous run takes metres or
    seconds, whichever the runner wrote."""

    key: str
    label: str
    unit: str
    periodic: bool = False
    race: bool = False


METRICS = {
    m.key: m
    for m in (
        Metric("distance", "Distance per week, month or year", "m", periodic=True),
        Metric("time", "Time running per week, month or year", "s", periodic=True),
        Metric("runs", "Number of runs per week, month or year", "count", periodic=True),
        Metric("race_finish", "Finish a race", "m", race=True),
        Metric("race_time", "A race time", "s", race=True),
        Metric("longest_run", "A longest run", "m"),
        Metric("continuous_run", "Run without walking", "m"),
        Metric("streak", "A streak of days", "days"),
    )
}
PERIODIC_METRICS = tuple(key for key, m in METRICS.items() if m.periodic)
RACE_METRICS = frozenset(key for key, m in METRICS.items() if m.race)
