"""What feasibility reads and answers, and the constants it works with.

The runner's history (``Effort``, ``HistorySummary``), the answer (``FeasibilityVerdict``),
the internal plan and runner the planners share, and the thresholds and working assumptions,
each with its source. The goal is a ``metrics.GoalTarget``.
"""

import math
from dataclasses import dataclass, field
from datetime import date

from milepost.runmath import progression
from milepost.runmath.units import HALF_MARATHON_M, format_pace

REALISTIC, STRETCH, UNLIKELY, NEED_HISTORY = "realistic", "stretch", "unlikely", "need_history"
# A target no date makes realistic: faster than world-record pace (vdot.MAX_VDOT).
NOT_POSSIBLE = "not_possible"
_ORDER = (REALISTIC, STRETCH, UNLIKELY)
HALF_M = HALF_MARATHON_M * 1.001

WEEKS_PER_MONTH = 30.44 / 7
RECENT_WEEKS = 4
SEASON_DAYS = progression.SEASON_DAYS
# A stretch squeezes the realistic build-up as much as growing at the 30 %-per-two-weeks line
# of §5.4 squeezes growing 10 % a week: 2 ln 1.1 / ln 1.3, about 0.73.
STRETCH_FRACTION = (
    2
    * math.log(1 + progression.WEEKLY_GROWTH_DEFAULT)
    / math.log(1 + progression.TWO_WEEK_GROWTH_WARNING)
)
# Milepost's working assumptions, not findings of RUNNING_SCIENCE.md: steady training gains
# about one VDOT point every six weeks, and one more run a week fits every two weeks.
VDOT_GAIN_PER_WEEK = 1 / 6
WEEKS_PER_EXTRA_RUN = 2
# Easy running is about 63-73.5 % of VO2max (§1.4); without any history, 7:00/km.
EASY_FRACTION = 0.68
DEFAULT_PACE_S_PER_KM = 420.0
# Each run in a beginner's week, with its warm-up walk (NHS Couch to 5K).
MINUTES_PER_RUN = 30
# Milepost's working assumption: a weekly level the runner held for four weeks within the
# season comes back in about two weeks of easing in, quicker than building it new.
RETURN_WEEKS = 2


class FeasibilityError(ValueError):
    """A goal that cannot be assessed as given (unknown metric, missing race distance...)."""


class NeedHistory(Exception):  # noqa: N818 (not an error: the answer is "tell us more")
    """A plan cannot be made from this history; the message says what would help."""


@dataclass(frozen=True)
class Effort:
    """A race or a best effort inside a run: ``distance_m`` in ``seconds`` on the day ``on``."""

    on: date
    distance_m: float
    seconds: float


@dataclass(frozen=True)
class HistorySummary:
    """What Milepost knows of the runner's recent running and of their situation.

    Weekly series are oldest first, one value per complete week, the last being the latest
    complete week. ``long_runs`` are ``(day, metres)`` pairs; the longest runs of the last
    month or two are enough. ``hours_per_week`` is the time the runner has for running,
    ``age`` their age today and ``category`` (women, men, nonbinary) picks the age tables.
    """

    efforts: tuple[Effort, ...] = ()
    weekly_m: tuple[float, ...] = ()
    weekly_s: tuple[float, ...] = ()
    weekly_runs: tuple[float, ...] = ()
    long_runs: tuple[tuple[date, float], ...] = ()
    longest_continuous_s: float | None = None
    longest_continuous_m: float | None = None
    streak_days: int = 0
    year_to_date_m: float = 0.0
    hours_per_week: float | None = None
    age: int | None = None
    category: str | None = None

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to judge a goal by."""
        return not (
            self.efforts
            or self.weekly_m
            or self.weekly_s
            or self.weekly_runs
            or self.long_runs
            or self.longest_continuous_s
            or self.longest_continuous_m
            or self.streak_days
        )


@dataclass(frozen=True)
class FeasibilityVerdict:
    """The answer: ``verdict`` is realistic, stretch, unlikely, need_history or not_possible
    (a race time beyond world-record pace: no date would do).

    ``realistic_date`` is the earliest date the goal looks realistic (on or before the goal's
    own date when the verdict is realistic); ``None`` when no date would do it within the
    runner's time budget, or without history. ``prediction_s`` is, for race times, the time
    the runner's recent races suggest today.
    """

    verdict: str
    realistic_date: date | None
    reasons: tuple[str, ...]
    weeks_needed: float | None = None
    prediction_s: float | None = None


@dataclass
class _Plan:
    weeks: float | None
    reasons: list[str] = field(default_factory=list)
    cap: str = REALISTIC
    prediction_s: float | None = None
    impossible: bool = False


@dataclass(frozen=True)
class _Runner:
    weekly_m: float | None
    weekly_s: float | None
    runs_per_week: float | None
    longest_m: float
    pace_s_per_km: float
    pace_known: bool
    units: str
    # The best four weeks in a row within the season (the weekly series), a week's average.
    season_weekly_m: float | None = None
    season_weekly_s: float | None = None
    experienced: bool = False

    @property
    def usual_pace(self) -> str:
        pace = format_pace(self.pace_s_per_km, self.units)
        return f"your usual {pace}" if self.pace_known else f"an easy {pace}"
