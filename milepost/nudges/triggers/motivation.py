"""The low-motivation trigger: feeling low, or running much less often than usual, for a
sustained spell; its thresholds and how its reason reads.
"""

import statistics
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from .model import _EPSILON, LOW_MOTIVATION, CheckIn, Nudge, OpenGoal, RunDay

# Low motivation.
FEELING_WINDOW_DAYS = 21
FEELING_MIN_DAYS = 3
FEELING_LOW = 2.0  # on the 1-5 scale
RECENT_DAYS = 28
BASELINE_DAYS = 84
FREQUENCY_RATIO = 0.5
MIN_BASELINE_RUNS = 6
SUSTAINED_DAYS = 14
RACE_REST_DAYS = 28  # fewer runs in the 4 weeks after a goal race are rest, not low motivation
LOOKBACK_DAYS = 365


# Low motivation ----------------------------------------------------------------------------


def low_motivation(
    runs: Iterable[RunDay],
    checkins: Iterable[CheckIn],
    today: date,
    *,
    goals: Iterable[OpenGoal] = (),
) -> Nudge | None:
    """Feeling low, or running much less often than usual, for a sustained spell.

    Feelings: the 1-5 ratings of check-ins and of runs, averaged per day. On day ``d`` the
    feelings are low when the ``FEELING_WINDOW_DAYS`` (21) days ending on ``d`` hold at least
    ``FEELING_MIN_DAYS`` (3) rated days and the mean of their daily means is at most
    ``FEELING_LOW`` (2.0).

    Frequency: on day ``d``, recent = runs in the 28 days ending on ``d``; baseline = runs in
    the ``BASELINE_DAYS`` (84) days before those, scaled to 28 days (divided by 3). Low when
    the baseline window has at least ``MIN_BASELINE_RUNS`` (6) runs, no goal race fell in the
    ``RACE_REST_DAYS`` (28) days ending on ``d`` (rest after a race), and recent is under
    ``FREQUENCY_RATIO`` (50 %) of the baseline. It fires only when low on each of the
    ``SUSTAINED_DAYS`` (14) days ending today.

    ``since`` is the first day of the current unbroken stretch of low days (back to
    ``LOOKBACK_DAYS``), the earlier of the two when both hold.
    """
    runs = [run for run in runs if run.day <= today]
    ratings: dict[date, list[int]] = defaultdict(list)
    for item in [*runs, *checkins]:
        if item.feeling is not None and item.day <= today:
            ratings[item.day].append(item.feeling)
    rated_days = sorted(ratings)
    daily = [statistics.fmean(ratings[day]) for day in rated_days]
    run_days = sorted(run.day for run in runs)
    races = sorted(g.by for g in goals if g.is_race and g.by is not None and g.by <= today)

    def feeling_at(d: date) -> tuple[int, float] | None:
        first = bisect_left(rated_days, d - timedelta(days=FEELING_WINDOW_DAYS - 1))
        window = daily[first : bisect_right(rated_days, d)]
        if len(window) < FEELING_MIN_DAYS:
            return None
        mean = statistics.fmean(window)
        return (len(window), mean) if mean <= FEELING_LOW + _EPSILON else None

    def frequency_at(d: date) -> tuple[int, float] | None:
        return _frequency_low(run_days, races, d)

    feeling = feeling_at(today)
    frequency = None
    if all(frequency_at(today - timedelta(days=k)) for k in range(SUSTAINED_DAYS)):
        frequency = frequency_at(today)
    if feeling is None and frequency is None:
        return None
    since = min(
        _first_day(check, today)
        for check, now in ((feeling_at, feeling), (frequency_at, frequency))
        if now
    )
    return Nudge(LOW_MOTIVATION, since, _motivation_reason(feeling, frequency))


def _frequency_low(run_days: list[date], races: list[date], d: date) -> tuple[int, float] | None:
    if any(0 <= (d - race).days < RACE_REST_DAYS for race in races):
        return None
    recent_from = d - timedelta(days=RECENT_DAYS - 1)
    recent = _count(run_days, recent_from, d)
    base_runs = _count(
        run_days, recent_from - timedelta(days=BASELINE_DAYS), recent_from - timedelta(days=1)
    )
    baseline = base_runs * RECENT_DAYS / BASELINE_DAYS
    if base_runs >= MIN_BASELINE_RUNS and recent < FREQUENCY_RATIO * baseline - _EPSILON:
        return recent, baseline
    return None


def _count(days: list[date], first: date, last: date) -> int:
    return bisect_right(days, last) - bisect_left(days, first)


def _first_day(check, today: date) -> date:
    since = today
    for _ in range(LOOKBACK_DAYS):
        earlier = since - timedelta(days=1)
        if check(earlier) is None:
            break
        since = earlier
    return since


def _motivation_reason(feeling, frequency) -> str:
    facts = []
    if feeling is not None:
        days, mean = feeling
        facts.append(f"your last {days} check-ins over three weeks averaged {mean:.1f} out of 5")
    if frequency is not None:
        recent, baseline = frequency
        usual = f"about {round(baseline)} in a usual 4 weeks this season"
        if recent == 0:
            facts.append(f"you haven't run in the last 4 weeks, against {usual}")
        else:
            times = "once" if recent == 1 else f"{recent} times"
            facts.append(f"you've run {times} in the last 4 weeks, against {usual}")
    text = " and ".join(facts)
    return (
        f"{text[0].upper()}{text[1:]}. Every runner has spells like this; a new round can find "
        "goals that fit the time and energy you have now."
    )
