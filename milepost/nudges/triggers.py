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
"""

import math
import statistics
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from milepost.runmath.units import format_day

BREAK, NEW_CYCLE, GOAL_REACHED, PLATEAU, LOW_MOTIVATION = (
    "break",
    "new_cycle",
    "goal_reached",
    "plateau",
    "low_motivation",
)
KINDS = (BREAK, NEW_CYCLE, GOAL_REACHED, PLATEAU, LOW_MOTIVATION)

# Event nudges (break, new cycle, goal reached) stay open this many days after the event.
OPEN_DAYS = 28
# Back after a break: days without a run before the run that ends the break.
MIN_GAP_DAYS = 14

# Plateau on weekly volume.
PLATEAU_WINDOW_WEEKS = 8
PLATEAU_MIN_WEEKS = 4
PLATEAU_RECENT_WEEKS = 4
PLATEAU_MAX_SLOPE = 0.02  # least-squares slope, as a share of the window's mean, per week
PLATEAU_MAX_RISE = 0.05  # last 4 weeks' mean over the weeks before them
HOLIDAY_FRACTION = 0.25  # a week under a quarter of the window's median is a "low" week...
HOLIDAY_MAX_WEEKS = 2  # ...and a stretch of at most two low weeks is a holiday, left out
TAPER_DAYS = 21  # no plateau in the three weeks before a goal race
RECOVERY_DAYS = 14  # weeks before race day + 14 days belong to the last cycle
# Plateau on pace: the best 5 km-equivalent effort in each of three 4-week blocks.
PACE_BLOCK_DAYS = 28
PACE_BLOCKS = 3
PACE_MIN_M, PACE_MAX_M = 4000.0, 10000.0
PACE_MIN_GAIN = 0.01  # a block more than 1 % quicker than the block before is progress
RIEGEL_EXPONENT = 1.06
PLATEAU_LOOKBACK_WEEKS = 52

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

_EPSILON = 1e-9
_METRES = {"km": 1000.0, "mi": 1609.344}


@dataclass(frozen=True)
class RunDay:
    """One run: its day, distance and moving time, and the runner's 1-5 feeling if given."""

    day: date
    distance_m: float
    moving_s: float = 0.0
    feeling: int | None = None

    def __post_init__(self):
        if self.distance_m < 0 or self.moving_s < 0:
            raise ValueError("a run's distance and time cannot be negative")
        if self.feeling is not None:
            _check_feeling(self.feeling)


@dataclass(frozen=True)
class Effort:
    """A race or a best effort inside a run: ``distance_m`` in ``seconds`` on ``day``."""

    day: date
    distance_m: float
    seconds: float


@dataclass(frozen=True)
class OpenGoal:
    """A goal as the triggers see it.

    ``by`` is the goal's date (race day for a race). ``reached_on`` is the day the goal was
    reached or marked done, ``None`` while it is not. ``progress_fraction`` (0..1+), when known
    as of today, closes a goal at 1 or more. Goals with an empty ``metric`` are experiential.
    """

    id: int | str
    title: str
    metric: str = ""
    target: float | None = None
    by: date | None = None
    is_race: bool = False
    reached_on: date | None = None
    progress_fraction: float | None = None

    def is_open(self, today: date) -> bool:
        """Not reached as of ``today``, and its date (if any) not passed."""
        if self.reached_on is not None and self.reached_on <= today:
            return False
        if self.progress_fraction is not None and self.progress_fraction >= 1:
            return False
        return self.by is None or self.by >= today


@dataclass(frozen=True)
class CheckIn:
    """How the runner felt on ``day``, 1 (awful) to 5 (great)."""

    day: date
    feeling: int

    def __post_init__(self):
        _check_feeling(self.feeling)


@dataclass(frozen=True)
class Nudge:
    """A reason to start a new round: ``kind`` is one of ``KINDS``."""

    kind: str
    since: date
    reason: str
    goal_id: int | str | None = None


def _check_feeling(feeling: int) -> None:
    if isinstance(feeling, bool) or not isinstance(feeling, int) or not 1 <= feeling <= 5:
        raise ValueError(f"a feeling is a whole number from 1 to 5, not {feeling!r}")


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
        if goal.is_race and goal.by is not None and _recent(goal.by + timedelta(days=1), today):
            nudges.append(
                Nudge(
                    NEW_CYCLE,
                    goal.by + timedelta(days=1),
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


# Plateau -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Volume:
    weeks: int
    mean: float
    recent: float
    earlier: float | None


def plateau(
    weekly_m: Mapping[date, float],
    efforts: Iterable[Effort],
    goals: Iterable[OpenGoal],
    today: date,
    *,
    units: str = "km",
) -> Nudge | None:
    """Weekly volume, or the pace of the best efforts, flat or falling while a goal is open.

    ``weekly_m`` maps a day of each week (its Monday, usually) to that week's metres; weeks run
    Monday to Sunday and only complete weeks (ended before ``today``) count. Only efforts up to
    ``today`` count, and only goal races before ``today`` end a cycle.

    Volume, with ``M`` the Monday of ``today``'s week: take the ``PLATEAU_WINDOW_WEEKS`` (8)
    complete weeks before ``M``, none before the runner's first week with running nor before
    the end of the last goal race's recovery (the first Monday on or after race day + 14 days).
    Low weeks are those under ``HOLIDAY_FRACTION`` (25 %) of the window's median; a stretch of
    at most ``HOLIDAY_MAX_WEEKS`` (2) low weeks is a holiday and is left out. If the last
    complete week is itself low, the runner is away, not on a plateau. With at least
    ``PLATEAU_MIN_WEEKS`` (4) weeks left and ``x`` the week number, volume is flat when
      (a) the least-squares slope of volume on ``x`` is at most ``PLATEAU_MAX_SLOPE`` (2 %) of
          the weeks' mean per week (fitted with its own level on each side of a holiday, so
          coming back a little lower after one is not a fall), and
      (b) the mean of the last 4 weeks left is at most ``PLATEAU_MAX_RISE`` (5 %) above the
          mean of the (up to 4) weeks before them; (b) is skipped with exactly 4 weeks.

    Pace: efforts of 4-10 km become 5 km-equivalent times by Riegel (exponent 1.06); take the
    best of each of the ``PACE_BLOCKS`` (3) 4-week blocks before ``M``. Pace is flat when all
    three blocks have an effort and start after the last race's recovery, and neither later
    block is more than ``PACE_MIN_GAIN`` (1 %) quicker than the block before it.

    Fires when either is flat, at least one measurable goal is open today, and no goal race
    falls in the next ``TAPER_DAYS`` (21: a taper is not a plateau). ``since`` is the Monday of
    the earliest week of the unbroken run of weeks, judged a week apart going back from
    ``today`` (at most ``PLATEAU_LOOKBACK_WEEKS``), in which the same statistic was flat.
    """
    goals = list(goals)
    open_goals = sorted(
        (g for g in goals if g.metric and g.is_open(today)),
        key=lambda g: (g.by is None, g.by or today, str(g.id)),
    )
    if not open_goals or _tapering(goals, today):
        return None
    weekly = _by_monday(weekly_m)
    first_week = min((start for start, metres in weekly.items() if metres > 0), default=None)
    if first_week is None:
        return None
    races = sorted(g.by for g in goals if g.is_race and g.by is not None and g.by < today)
    paces = sorted(
        (e.day, _five_k_equivalent(e))
        for e in efforts
        if PACE_MIN_M <= e.distance_m <= PACE_MAX_M and e.seconds > 0 and e.day <= today
    )

    def volume_at(day: date) -> _Volume | None:
        earliest = max(first_week, _after_recovery(races, day))
        return _volume_plateau(weekly, _monday(day), earliest)

    def pace_at(day: date) -> tuple[float, ...] | None:
        return _pace_plateau(paces, _monday(day), _after_recovery(races, day))

    volume, pace = volume_at(today), pace_at(today)
    if volume is None and pace is None:
        return None
    since = min(
        _since(check, today) for check, now in ((volume_at, volume), (pace_at, pace)) if now
    )
    title = open_goals[0].title
    return Nudge(PLATEAU, since, _plateau_reason(volume, pace, title, units))


def _volume_plateau(weekly: dict[date, float], monday: date, earliest: date) -> _Volume | None:
    starts = [monday - timedelta(weeks=k) for k in range(PLATEAU_WINDOW_WEEKS, 0, -1)]
    weeks = [(i, weekly.get(s, 0.0)) for i, s in enumerate(starts) if s >= earliest]
    if len(weeks) < PLATEAU_MIN_WEEKS:
        return None
    floor = HOLIDAY_FRACTION * statistics.median(v for _, v in weeks)
    low = [v <= 0 or v < floor for _, v in weeks]
    if low[-1]:
        return None
    kept, segment = [], 0
    for (x, y), out in zip(weeks, _holidays(low), strict=True):
        if out:
            segment += 1
        else:
            kept.append((segment, x, y))
    if len(kept) < PLATEAU_MIN_WEEKS:
        return None
    ys = [y for _, _, y in kept]
    mean = statistics.fmean(ys)
    slope = _slope(kept)
    if slope is None or slope > PLATEAU_MAX_SLOPE * mean + _EPSILON:
        return None
    recent = statistics.fmean(ys[-PLATEAU_RECENT_WEEKS:])
    before = ys[:-PLATEAU_RECENT_WEEKS][-PLATEAU_RECENT_WEEKS:]
    earlier = statistics.fmean(before) if before else None
    if earlier is not None and recent > (1 + PLATEAU_MAX_RISE) * earlier + _EPSILON:
        return None
    return _Volume(PLATEAU_WINDOW_WEEKS - kept[0][1], mean, recent, earlier)


def _holidays(low: list[bool]) -> list[bool]:
    """Which weeks to leave out: stretches of at most HOLIDAY_MAX_WEEKS low weeks."""
    out = [False] * len(low)
    i = 0
    while i < len(low):
        j = i
        while j < len(low) and low[j]:
            j += 1
        if j - i <= HOLIDAY_MAX_WEEKS:
            out[i:j] = [True] * (j - i)
        i = j + 1
    return out


def _slope(points: list[tuple[int, int, float]]) -> float | None:
    """Least-squares slope of y on x over (segment, x, y) points, with a level per segment.

    With one segment this is the ordinary slope; with a holiday in between, each side keeps its
    own level, so coming back a little lower after a holiday is not read as a fall.
    """
    segments: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for segment, x, y in points:
        segments[segment].append((x, y))
    sxy = sxx = 0.0
    for values in segments.values():
        x_bar = statistics.fmean(x for x, _ in values)
        y_bar = statistics.fmean(y for _, y in values)
        sxy += sum((x - x_bar) * (y - y_bar) for x, y in values)
        sxx += sum((x - x_bar) ** 2 for x, _ in values)
    return sxy / sxx if sxx else None


def _pace_plateau(
    paces: list[tuple[date, float]], monday: date, earliest: date
) -> tuple[float, ...] | None:
    block = timedelta(days=PACE_BLOCK_DAYS)
    first = monday - PACE_BLOCKS * block
    if first < earliest:
        return None
    bests = []
    for k in range(PACE_BLOCKS):
        lo, hi = first + k * block, first + (k + 1) * block
        times = [t for day, t in paces if lo <= day < hi]
        if not times:
            return None
        bests.append(min(times))
    for earlier, later in zip(bests, bests[1:], strict=False):
        if later < (1 - PACE_MIN_GAIN) * earlier - _EPSILON:
            return None
    return tuple(bests)


def _five_k_equivalent(effort: Effort) -> float:
    return effort.seconds * (5000.0 / effort.distance_m) ** RIEGEL_EXPONENT


def _tapering(goals: list[OpenGoal], today: date) -> bool:
    return any(
        g.is_race and g.by is not None and 0 <= (g.by - today).days <= TAPER_DAYS for g in goals
    )


def _after_recovery(races: list[date], day: date) -> date:
    """The first Monday on or after the recovery of the last race before ``day``."""
    past = [race for race in races if race < day]
    if not past:
        return date.min
    end = past[-1] + timedelta(days=RECOVERY_DAYS)
    return _monday(end) + timedelta(weeks=1) if end.weekday() else end


def _since(check, today: date) -> date:
    """The Monday of the earliest week, going back a week at a time, where ``check`` held."""
    day = today
    for _ in range(PLATEAU_LOOKBACK_WEEKS):
        if check(day - timedelta(weeks=1)) is None:
            break
        day -= timedelta(weeks=1)
    return _monday(day)


def _plateau_reason(volume: _Volume | None, pace, title: str, units: str) -> str:
    facts = []
    if volume is not None:
        if volume.earlier is not None and volume.recent < (1 - PLATEAU_MAX_RISE) * volume.earlier:
            facts.append(
                f"your weeks have eased from about {_dist(volume.earlier, units)} to "
                f"{_dist(volume.recent, units)} over the last {volume.weeks} weeks"
            )
        else:
            facts.append(
                f"your weekly distance has held around {_dist(volume.mean, units)} for the "
                f"last {volume.weeks} weeks"
            )
    if pace is not None:
        facts.append(
            "your best efforts have stayed around a "
            f"{_clock(min(pace[-1], pace[-2]))} 5 km for {PACE_BLOCKS * PACE_BLOCK_DAYS // 7} "
            "weeks"
        )
    text = " and ".join(facts)
    return (
        f"While you work towards “{title}”, {text}. Plateaus are a normal part of running; "
        "a new round can pick a next step that fits this season."
    )


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
        weeks[_monday(run.day)] += run.distance_m
    return dict(weeks)


# Helpers -----------------------------------------------------------------------------------


def _order(nudge: Nudge):
    return (nudge.since, KINDS.index(nudge.kind), str(nudge.goal_id))


def _recent(day: date, today: date) -> bool:
    return 0 <= (today - day).days < OPEN_DAYS


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _by_monday(weekly_m: Mapping[date, float]) -> dict[date, float]:
    weeks: dict[date, float] = defaultdict(float)
    for day, metres in weekly_m.items():
        weeks[_monday(day)] += metres
    return dict(weeks)


def _day(day: date) -> str:
    return format_day(day)


def _dist(metres: float, units: str) -> str:
    amount = metres / _METRES[units]
    shown = f"{amount:.0f}" if amount >= 10 else f"{amount:.1f}".rstrip("0").rstrip(".")
    return f"{shown} {units}"


def _clock(seconds: float) -> str:
    minutes, secs = divmod(math.floor(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
