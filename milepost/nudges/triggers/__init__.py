"""Revisit triggers: is it time for a new round of goals? (DESIGN §2)

Pure Python, standard library only. Each trigger is one function over the runner's runs,
efforts, goals and check-ins, with its statistic and thresholds in its docstring; ``detect``
runs them all. Every trigger looks only at data dated up to ``today``, so the CLI can replay
any day and get the answer that day would have given.

Event triggers (back after a break, new training cycle, goal reached) stay open for
``OPEN_DAYS`` after their event. State triggers (plateau, low motivation) are open while their
condition holds; their ``since`` is the first day of the current uninterrupted stretch in which
it held, so the same plateau keeps the same date from one day to the next.

The reasons follow the product's tone: kind and concrete, with the runner's own numbers,
comparing the runner only with their own recent season.

The package holds, one concern a file: ``model`` (the runs, efforts, goals and check-ins the
triggers read, the ``Nudge`` they give, the kinds and ``OPEN_DAYS``), ``events`` (back after
a break, new training cycle, goal reached), ``plateaus`` (plateau on volume or pace),
``motivation`` (low motivation) and ``detection`` (``detect``, which runs them all). The
modules are not named after the functions ``plateau`` and ``detect``, which the package
exports under those names.
"""

from .detection import (
    detect,
    weekly_distance,
)
from .events import (
    back_after_break,
    goal_reached,
    new_training_cycle,
)
from .model import (
    BREAK,
    GOAL_REACHED,
    KINDS,
    LOW_MOTIVATION,
    MIN_GAP_DAYS,
    NEW_CYCLE,
    OPEN_DAYS,
    PLATEAU,
    CheckIn,
    Effort,
    Nudge,
    OpenGoal,
    RunDay,
)
from .motivation import (
    BASELINE_DAYS,
    FEELING_LOW,
    FEELING_MIN_DAYS,
    FEELING_WINDOW_DAYS,
    FREQUENCY_RATIO,
    LOOKBACK_DAYS,
    MIN_BASELINE_RUNS,
    RACE_REST_DAYS,
    RECENT_DAYS,
    SUSTAINED_DAYS,
    low_motivation,
)
from .plateaus import (
    HOLIDAY_FRACTION,
    HOLIDAY_MAX_WEEKS,
    PACE_BLOCK_DAYS,
    PACE_BLOCKS,
    PACE_MAX_M,
    PACE_MIN_GAIN,
    PACE_MIN_M,
    PLATEAU_LOOKBACK_WEEKS,
    PLATEAU_MAX_RISE,
    PLATEAU_MAX_SLOPE,
    PLATEAU_MIN_WEEKS,
    PLATEAU_RECENT_WEEKS,
    PLATEAU_WINDOW_WEEKS,
    RECOVERY_DAYS,
    RIEGEL_EXPONENT,
    TAPER_DAYS,
    plateau,
)

__all__ = [
    "BREAK",
    "GOAL_REACHED",
    "KINDS",
    "LOW_MOTIVATION",
    "MIN_GAP_DAYS",
    "NEW_CYCLE",
    "OPEN_DAYS",
    "PLATEAU",
    "CheckIn",
    "Effort",
    "Nudge",
    "OpenGoal",
    "RunDay",
    "HOLIDAY_FRACTION",
    "HOLIDAY_MAX_WEEKS",
    "PACE_BLOCK_DAYS",
    "PACE_BLOCKS",
    "PACE_MAX_M",
    "PACE_MIN_GAIN",
    "PACE_MIN_M",
    "PLATEAU_LOOKBACK_WEEKS",
    "PLATEAU_MAX_RISE",
    "PLATEAU_MAX_SLOPE",
    "PLATEAU_MIN_WEEKS",
    "PLATEAU_RECENT_WEEKS",
    "PLATEAU_WINDOW_WEEKS",
    "RECOVERY_DAYS",
    "RIEGEL_EXPONENT",
    "TAPER_DAYS",
    "plateau",
    "BASELINE_DAYS",
    "FEELING_LOW",
    "FEELING_MIN_DAYS",
    "FEELING_WINDOW_DAYS",
    "FREQUENCY_RATIO",
    "LOOKBACK_DAYS",
    "MIN_BASELINE_RUNS",
    "RACE_REST_DAYS",
    "RECENT_DAYS",
    "SUSTAINED_DAYS",
    "low_motivation",
    "back_after_break",
    "goal_reached",
    "new_training_cycle",
    "detect",
    "weekly_distance",
]
