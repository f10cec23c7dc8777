"""Event triggers: back after a break, a new training cycle (or a goal race behind the runner)
and a goal reached. Each stays open for ``OPEN_DAYS`` after its event.
"""

from collections.abc import Iterable
from datetime import date

from milepost.runmath.units import add_days, format_day

from .model import (
    BREAK,
    GOAL_REACHED,
    MIN_GAP_DAYS,
    NEW_CYCLE,
    OPEN_DAYS,
    Nudge,
    OpenGoal,
    RunDay,
    _order,
)

# Back after a break ------------------------------------------------------------------------


def back_after_break(
    runs: Iterable[RunDay], today: date, min_gap_days: int = MIN_GAP_DAYS
) -> Nudge | None:
    """The first run after a break, while it is recent.

    Statistic: for consecutive run days ``a < b`` (runs up to ``today``), the days off are the
    days strictly between them, ``(b - a).days - 1``. The latest ``b`` with at least
    ``min_gap_days`` days off (default 14) fires, with ``since = b``, while
    ``today - b < OPEN_DAYS`` (28). A first run ever is a start, not a comeback.
    """
    days = sorted({run.day for run in runs if run.day <= today})
    for before, after in zip(reversed(days[:-1]), reversed(days[1:]), strict=True):
        if (today - after).days >= OPEN_DAYS:
            return None
        off = (after - before).days - 1
        if off >= min_gap_days:
            return Nudge(
                BREAK,
                after,
                f"Welcome back: your first run after {off} days off. A fresh round can set "
                "goals that fit where you are now.",
            )
    return None


# New training cycle ------------------------------------------------------------------------


def new_training_cycle(
    cycle_starts: Iterable[date], goals: Iterable[OpenGoal], today: date
) -> list[Nudge]:
    """A training cycle the runner set has begun, or a goal race is behind them.

    A cycle start ``s`` fires with ``since = s`` once ``s <= today``; a race goal (``is_race``
    with a date ``by``) fires the day after race day, ``since = by + 1 day``. Each stays open
    while ``today - since < OPEN_DAYS`` (28). Planned starts after ``today`` are ignored.
    """
    nudges = []
    for start in sorted(set(cycle_starts)):
        if _recent(start, today):
            verb = "starts today" if start == today else f"began on {_day(start)}"
            nudges.append(
                Nudge(
                    NEW_CYCLE,
                    start,
                    f"Your new training cycle {verb}. A fresh round can set goals for it that "
                    "fit the season you're in.",
                )
            )
    for goal in goals:
        after = add_days(goal.by, 1) if goal.by is not None else None
        if goal.is_race and after is not None and after > goal.by and _recent(after, today):
            nudges.append(
                Nudge(
                    NEW_CYCLE,
                    after,
                    f"Race day for “{goal.title}” was {_day(goal.by)}. However it went, it's a "
                    "good moment to look back on the build-up and choose what comes next.",
                    goal.id,
                )
            )
    return sorted(nudges, key=_order)


# Goal reached ------------------------------------------------------------------------------


def goal_reached(goals: Iterable[OpenGoal], today: date) -> list[Nudge]:
    """Goals reached (measured from runs, or marked done) in the last ``OPEN_DAYS`` (28).

    One nudge per goal with ``reached_on <= today`` and ``today - reached_on < 28`` days,
    ``since = reached_on``. A goal at 100 % with no date reached is not dated, so it waits for
    its ``reached_on`` (the progress module gives it).
    """
    nudges = [
        Nudge(
            GOAL_REACHED,
            goal.reached_on,
            f"You reached “{goal.title}” on {_day(goal.reached_on)}. Well done! When you're "
            "ready, a new round can choose what comes next.",
            goal.id,
        )
        for goal in goals
        if goal.reached_on is not None and _recent(goal.reached_on, today)
    ]
    return sorted(nudges, key=_order)


def _recent(day: date, today: date) -> bool:
    return 0 <= (today - day).days < OPEN_DAYS


def _day(day: date) -> str:
    return format_day(day)
