"""Training progression checks and build-up lengths (RUNNING_SCIENCE.md §5).

Plain arithmetic over a runner's own recent history. The thresholds are the §5.4 synthesis of
the evidence: warnings to talk about, never hard blocks.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from milepost.runmath.errors import RunmathError
from milepost.runmath.units import HALF_MARATHON_M, MARATHON_M, METRES_PER_MILE, check_positive

# A runner's season: their best efforts and races of the last six months say what they can do.
SEASON_DAYS = 182
# §5.4 rule 1 (RUNSAFE 2025): a run longer than 110 % of the longest of the previous 30 days.
SPIKE_WINDOW_DAYS = 30
SPIKE_WARNING = 1.10
SPIKE_STRONG = 2.00
# Hazard-rate ratios by spike band (ratio above, HRR), largest first.
RUNSAFE_BANDS = ((2.00, 2.28), (1.30, 1.52), (1.10, 1.64))
# §5.4 rule 2 (Nielsen 2014): weekly distance growing more than 30 % over two weeks.
TWO_WEEK_GROWTH_WARNING = 0.30
# §5.4 rule 4 (Gabbett 2016): acute:chronic ratio at or above 1.5, a soft flag only.
ACWR_DANGER = 1.5
# §5.4 rule 3: 10 % a week is a conservative default, not a limit (Buist 2008).
WEEKLY_GROWTH_DEFAULT = 0.10
# Growing the long run 10 % a week keeps every run within 110 % of the 30-day longest.
LONG_RUN_GROWTH = 0.10

# §5.3 build-ups. NHS Couch to 5K: 9 weeks from zero to 30 minutes of continuous running;
# minutes of continuous running reached by the end of each week.
C25K_WEEKS = 9
C25K_CONTINUOUS_MIN = (1, 1.5, 3, 5, 20, 25, 25, 28, 30)
# Hal Higdon Novice 1 half: 12 weeks for runners who handle 3-4 mile runs; long run to 10 mi.
HALF_PLAN_WEEKS = 12
HALF_ENTRY_LONG_RUN_M = 3 * METRES_PER_MILE
HALF_PEAK_LONG_RUN_M = 10 * METRES_PER_MILE
# Hal Higdon Novice marathon: 18 weeks from 15-25 mi a week and comfortable 3-6 mi runs;
# longest training run 20 mi.
MARATHON_PLAN_WEEKS = 18
MARATHON_ENTRY_WEEKLY_M = 15 * METRES_PER_MILE
MARATHON_ENTRY_LONG_RUN_M = 6 * METRES_PER_MILE
MARATHON_PEAK_LONG_RUN_M = 20 * METRES_PER_MILE
# Rasmussen 2013: under 30 km a week before a marathon doubled the injury risk.
MARATHON_MIN_WEEKLY_M = 30000.0
# Where Couch to 5K leaves a runner: three runs of about 30 minutes (about 3 miles) a week.
C25K_END_WEEKLY_M = 3 * HALF_ENTRY_LONG_RUN_M
_EPSILON = 1e-9


@dataclass(frozen=True)
class Spike:
    """One run compared with the longest run of the 30 days before it.

    ``ratio`` is ``None`` when there was no run to compare with. ``level`` is ``"none"``,
    ``"warning"`` (over 110 %) or ``"strong"`` (over 200 %); ``hazard_ratio`` is the RUNSAFE
    2025 hazard-rate ratio of the band the run falls in.
    """

    ratio: float | None
    level: str
    hazard_ratio: float | None


def spike(distance_m: float, previous_longest_m: float) -> Spike:
    """Compare one run with the longest run of the previous 30 days (§5.4 rule 1)."""
    distance_m = check_positive(distance_m, "distance")
    previous_longest_m = check_positive(previous_longest_m, "longest run", allow_zero=True)
    if previous_longest_m == 0:
        return Spike(ratio=None, level="none", hazard_ratio=None)
    ratio = distance_m / previous_longest_m
    over = ratio - _EPSILON
    hazard = next((hrr for above, hrr in RUNSAFE_BANDS if over > above), None)
    level = "strong" if over > SPIKE_STRONG else "warning" if over > SPIKE_WARNING else "none"
    return Spike(ratio=ratio, level=level, hazard_ratio=hazard)


def longest_before(
    runs: Iterable[tuple[date, float]], on: date, days: int = SPIKE_WINDOW_DAYS
) -> float:
    """Longest distance among ``(day, metres)`` runs in the ``days`` days before ``on``."""
    start = on - timedelta(days=days)
    return max((metres for day, metres in runs if start <= day < on), default=0.0)


def run_spikes(runs: Sequence[tuple[date, float]]) -> list[tuple[date, float, Spike]]:
    """Each ``(day, metres)`` run with its spike against the 30 days before its day."""
    return [(day, metres, spike(metres, longest_before(runs, day))) for day, metres in runs]


def two_week_growth(weekly: Sequence[float]) -> float | None:
    """Growth of the latest week over the week two weeks before it (0.3 = 30 %).

    ``weekly`` is oldest first. ``None`` without three weeks or when that earlier week was
    empty. RUNNING_SCIENCE does not pin down Nielsen's exact definition; this is ours.
    """
    if len(weekly) < 3 or weekly[-3] <= 0:
        return None
    return weekly[-1] / weekly[-3] - 1


def two_week_growth_warning(weekly: Sequence[float]) -> bool:
    """Whether weekly distance grew more than 30 % over two weeks (§5.4 rule 2)."""
    growth = two_week_growth(weekly)
    return growth is not None and growth > TWO_WEEK_GROWTH_WARNING + _EPSILON


def acwr(weekly: Sequence[float]) -> float | None:
    """Acute:chronic ratio: the latest week over the mean of the latest four (§5.2).

    A soft, secondary flag (§5.4 rule 4); ``None`` without four weeks or with no load.
    """
    if len(weekly) < 4:
        return None
    chronic = sum(weekly[-4:]) / 4
    return weekly[-1] / chronic if chronic > 0 else None


def weeks_to_grow(current: float, target: float, rate: float = WEEKLY_GROWTH_DEFAULT) -> int:
    """Whole weeks to grow ``current`` to ``target`` by ``rate`` a week (0.1 = 10 %)."""
    current = check_positive(current, "current amount")
    target = check_positive(target, "target", allow_zero=True)
    rate = check_positive(rate, "growth rate")
    if target <= current:
        return 0
    return math.ceil(math.log(target / current) / math.log(1 + rate) - _EPSILON)


def weeks_to_grow_two_weekly(
    current: float, target: float, rate: float = TWO_WEEK_GROWTH_WARNING
) -> int:
    """Whole weeks to grow ``current`` to ``target`` by at most ``rate`` per two weeks."""
    current = check_positive(current, "current amount")
    target = check_positive(target, "target", allow_zero=True)
    if target <= current:
        return 0
    return math.ceil(2 * math.log(target / current) / math.log(1 + rate) - _EPSILON)


def weeks_to_continuous(current_s: float, target_s: float) -> int:
    """Weeks to run ``target_s`` seconds without walking, from ``current_s`` now.

    Couch to 5K's weekly steps up to 30 minutes, then the run grows 10 % a week.
    """
    current_min = check_positive(current_s, "current continuous run", allow_zero=True) / 60
    target_min = check_positive(target_s, "target") / 60
    if current_min >= target_min:
        return 0
    done = sum(1 for minutes in C25K_CONTINUOUS_MIN if minutes <= current_min + _EPSILON)
    if target_min <= C25K_CONTINUOUS_MIN[-1]:
        week = next(i for i, m in enumerate(C25K_CONTINUOUS_MIN, 1) if m >= target_min - _EPSILON)
        return max(week - done, 0)
    longest = max(current_min, C25K_CONTINUOUS_MIN[-1])
    return C25K_WEEKS - done + weeks_to_grow(longest, target_min, LONG_RUN_GROWTH)


def weeks_to_longest_run(current_m: float, target_m: float) -> int:
    """Weeks to stretch the longest run from ``current_m`` to ``target_m``.

    Couch to 5K up to 3-mile runs (the half-plan entry), then 10 % a week, which keeps every
    run within 110 % of the longest of the previous 30 days (§5.4 rule 1).
    """
    current_m = check_positive(current_m, "longest run", allow_zero=True)
    target_m = check_positive(target_m, "target")
    weeks = base_weeks(current_m) - base_weeks(min(target_m, HALF_ENTRY_LONG_RUN_M))
    if target_m > HALF_ENTRY_LONG_RUN_M:
        start = max(current_m, HALF_ENTRY_LONG_RUN_M)
        weeks += weeks_to_grow(start, target_m, LONG_RUN_GROWTH)
    return max(weeks, 0)


def weeks_to_accumulate(
    total_m: float, weekly_m: float, cap_m: float, limit: int = 520
) -> int | None:
    """Weeks to run ``total_m`` in all, growing the week 10 % at a time up to ``cap_m``.

    From nothing, Couch to 5K's 9 weeks come first (their distance is not counted). ``None``
    when ``cap_m`` is nothing or it would take more than ``limit`` weeks.
    """
    total_m = check_positive(total_m, "total", allow_zero=True)
    weekly_m = check_positive(weekly_m, "weekly distance", allow_zero=True)
    if cap_m <= 0:
        return None
    weeks, done = 0, 0.0
    if weekly_m == 0:
        weeks, weekly_m = C25K_WEEKS, min(C25K_END_WEEKLY_M, cap_m)
    while done < total_m:
        if weeks >= limit:
            return None
        weekly_m = min(weekly_m * (1 + WEEKLY_GROWTH_DEFAULT), cap_m)
        done += weekly_m
        weeks += 1
    return weeks


def _ceil(weeks: float) -> int:
    return max(math.ceil(weeks - _EPSILON), 0)


def base_weeks(longest_run_m: float) -> int:
    """Couch to 5K weeks still to go before runs of about 3 miles (the half-plan entry)."""
    longest_run_m = check_positive(longest_run_m, "longest run", allow_zero=True)
    return _ceil(C25K_WEEKS * (1 - longest_run_m / HALF_ENTRY_LONG_RUN_M))


def ready_long_run(distance_m: float) -> float:
    """The longest training run that gets a race of ``distance_m`` within reach.

    Higdon's novice plans peak at 10 mi for the half and 20 mi for the marathon: both 76 % of
    the race. Never less than the 3-mile entry run.
    """
    return max(distance_m * MARATHON_PEAK_LONG_RUN_M / MARATHON_M, HALF_ENTRY_LONG_RUN_M)


def build_up_weeks(distance_m: float, *, weekly_m: float, longest_run_m: float) -> int:
    """Weeks of build-up before a first race of ``distance_m`` (5 km to the marathon) is in reach.

    From §5.3: Couch to 5K (9 weeks from zero) up to 3-mile runs; then for a half or shorter
    the 12-week novice half plan, scaled to the long run still to build; for a longer race,
    first the marathon entry level (15 mi a week, 6-mile runs; long run +10 % a week, weekly
    distance under +30 % per two weeks), then the 18-week novice marathon plan, scaled the same
    way. From zero: 9 weeks to a 5K, 21 to a half, 35 to a marathon.
    """
    distance_m = check_positive(distance_m, "race distance")
    weekly_m = check_positive(weekly_m, "weekly distance", allow_zero=True)
    longest_m = check_positive(longest_run_m, "longest run", allow_zero=True)
    if distance_m > MARATHON_M * 1.001:
        raise RunmathError("build-up lengths are known for races up to the marathon")
    weeks = base_weeks(longest_m)
    if weeks:
        longest_m = max(longest_m, HALF_ENTRY_LONG_RUN_M)
        weekly_m = max(weekly_m, C25K_END_WEEKLY_M)
    if distance_m <= 5000 * 1.001:
        return weeks
    ready = ready_long_run(distance_m)
    if distance_m <= HALF_MARATHON_M * 1.001:
        span = HALF_PEAK_LONG_RUN_M - HALF_ENTRY_LONG_RUN_M
        return weeks + _ceil(HALF_PLAN_WEEKS * (ready - longest_m) / span)
    weeks += max(
        weeks_to_grow(longest_m, MARATHON_ENTRY_LONG_RUN_M, LONG_RUN_GROWTH),
        weeks_to_grow_two_weekly(max(weekly_m, longest_m), MARATHON_ENTRY_WEEKLY_M),
    )
    longest_m = max(longest_m, MARATHON_ENTRY_LONG_RUN_M)
    span = MARATHON_PEAK_LONG_RUN_M - MARATHON_ENTRY_LONG_RUN_M
    return weeks + _ceil(MARATHON_PLAN_WEEKS * (ready - longest_m) / span)
