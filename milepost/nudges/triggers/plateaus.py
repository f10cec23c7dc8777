"""The plateau trigger: weekly volume, or the pace of the best efforts, flat or falling while a
goal is open; its thresholds, and how its reason reads (distances, 5 km times).
"""

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from milepost.runmath.units import week_start

from .model import _EPSILON, PLATEAU, Effort, Nudge, OpenGoal

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

_METRES = {"km": 1000.0, "mi": 1609.344}


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
    weekly = _byweek_start(weekly_m)
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
        return _volume_plateau(weekly, week_start(day), earliest)

    def pace_at(day: date) -> tuple[float, ...] | None:
        return _pace_plateau(paces, week_start(day), _after_recovery(races, day))

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
    max_weeks = HOLIDAY_MAX_WEEKS
    out = [False] * len(low)
    i = 0
    while i < len(low):
        j = i
        while j < len(low) and low[j]:
            j += 1
        if j - i <= max_weeks:
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
    return week_start(end) + timedelta(weeks=1) if end.weekday() else end


def _since(check, today: date) -> date:
    """The Monday of the earliest week, going back a week at a time, where ``check`` held."""
    day = today
    for _ in range(PLATEAU_LOOKBACK_WEEKS):
        if check(day - timedelta(weeks=1)) is None:
            break
        day -= timedelta(weeks=1)
    return week_start(day)


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


def _byweek_start(weekly_m: Mapping[date, float]) -> dict[date, float]:
    weeks: dict[date, float] = defaultdict(float)
    for day, metres in weekly_m.items():
        weeks[week_start(day)] += metres
    return dict(weeks)


def _dist(metres: float, units: str) -> str:
    amount = metres / _METRES[units]
    shown = f"{amount:.0f}" if amount >= 10 else f"{amount:.1f}".rstrip("0").rstrip(".")
    return f"{shown} {units}"


def _clock(seconds: float) -> str:
    minutes, secs = divmod(math.floor(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
