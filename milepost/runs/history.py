"""The runner's recent running, read from their runs, as plain data (``RunHistory``).

Five queries whatever the length of the history: the first run's date, the weekly totals of
the last 12 complete weeks, the runs of the last six months, the run days of the current
streak (read newest first, stopping where it breaks) and this year's monthly totals. Goals
turn it into what feasibility reads (``goals.services.history_for``).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Min, Sum

from milepost.runmath.progression import SEASON_DAYS
from milepost.runmath.units import BEST_EFFORT_DISTANCES

from .models import Activity, MonthlyTotal, WeeklyTotal

WEEKS = 12  # complete weeks in the weekly series, the week in progress left out
BREAK_WEEKS = 4  # this many empty weeks in a row: the running before them is not "lately"
LONG_RUN_DAYS = 60  # long runs and the longest run without walking: the last two months


@dataclass(frozen=True)
class RunEffort:
    """A race or a best effort inside a run: ``distance_m`` in ``seconds`` on the day ``on``."""

    on: date
    distance_m: float
    seconds: float


@dataclass(frozen=True)
class RunHistory:
    """The runner's recent running and their situation, from their runs and profile.

    Weekly series are oldest first, one value per complete week (the last ``WEEKS`` at most,
    from the week of the first run or of the comeback after a break: ``_weeks``). ``efforts``
    are the season's fastest best efforts and every race;
    ``long_runs`` are ``(day, metres)`` pairs of the last ``LONG_RUN_DAYS``.
    """

    efforts: tuple[RunEffort, ...] = ()
    weekly_m: tuple[float, ...] = ()
    weekly_s: tuple[float, ...] = ()
    weekly_runs: tuple[float, ...] = ()
    long_runs: tuple[tuple[date, float], ...] = ()
    longest_continuous_m: float | None = None
    streak_days: int = 0
    year_to_date_m: float = 0.0
    hours_per_week: float | None = None
    age: int | None = None
    category: str | None = None


def history_summary(owner, today: date, profile) -> RunHistory:
    runs = Activity.objects.filter(owner=owner, is_run=True, local_date__lte=today)
    situation = {
        "hours_per_week": profile.weekly_minutes / 60 if profile.weekly_minutes else None,
        "age": profile.age,
        "category": profile.category or None,
    }
    first = runs.aggregate(first=Min("local_date"))["first"]
    if first is None:
        return RunHistory(**situation)
    weekly_m, weekly_s, weekly_runs = _weeks(owner, today, first)
    columns = ("local_date", "distance_m", "elapsed_s", "best_efforts", "is_race")
    season = list(
        runs.filter(local_date__gte=today - timedelta(days=SEASON_DAYS)).values_list(
            *columns, "longest_continuous_run_m"
        )
    )
    recent = [row for row in season if row[0] >= today - timedelta(days=LONG_RUN_DAYS)]
    continuous = [row[5] for row in recent if row[5]]
    return RunHistory(
        efforts=_efforts(season),
        weekly_m=weekly_m,
        weekly_s=weekly_s,
        weekly_runs=weekly_runs,
        long_runs=tuple((row[0], row[1]) for row in recent if row[1]),
        longest_continuous_m=max(continuous) if continuous else None,
        streak_days=_streak(runs, today),
        year_to_date_m=_year_to_date(owner, today),
        **situation,
    )


def _weeks(owner, today: date, first: date):
    """Distance, moving time and runs of each complete week, oldest first, from the week of
    the first run on (weeks before it are not known, not empty).

    A few runs in a short history never average to none: after a break of ``BREAK_WEEKS``
    empty weeks, or when every run is in the week in progress, the series starts from the
    runner's comeback, and the week in progress stands for one while no complete week since
    holds a run (two runs in it are about two a week)."""
    this_week = WeeklyTotal.period_of(today)
    starts = [this_week - timedelta(weeks=n) for n in range(WEEKS, 0, -1)]
    starts = [s for s in starts if s >= WeeklyTotal.period_of(first)]
    rows = WeeklyTotal.objects.filter(owner=owner, period_start__in=[*starts, this_week])
    totals = {row.period_start: row for row in rows}
    empty = WeeklyTotal()
    weeks = [totals.get(s, empty) for s in starts]
    current = totals.get(this_week, empty)
    back = _since_break(weeks)
    if back is not None and (weeks[back:] or current.runs):
        weeks = weeks[back:] or [current]
    elif not weeks:
        weeks = [current]
    return (
        tuple(float(w.distance_m) for w in weeks),
        tuple(float(w.moving_s) for w in weeks),
        tuple(float(w.runs) for w in weeks),
    )


def _since_break(weeks: list) -> int | None:
    """The index just after the last ``BREAK_WEEKS`` empty weeks in a row, or None."""
    empty_run = 0
    found = None
    for n, week in enumerate(weeks):
        empty_run = empty_run + 1 if not week.runs else 0
        if empty_run >= BREAK_WEEKS:
            found = n + 1
    return found


def _efforts(season: list) -> tuple[RunEffort, ...]:
    """The fastest effort at each distance inside the season's runs, and every race."""
    best: dict[str, tuple[float, date]] = {}
    races = []
    for day, metres, elapsed, efforts, is_race, _ in season:
        for key, seconds in (efforts or {}).items():
            if key in BEST_EFFORT_DISTANCES and (key not in best or seconds < best[key][0]):
                best[key] = (seconds, day)
        if is_race and metres and elapsed:
            races.append(RunEffort(day, metres, elapsed))
    found = [RunEffort(day, BEST_EFFORT_DISTANCES[k], s) for k, (s, day) in best.items()]
    return tuple(sorted(found + races, key=lambda e: (e.on, e.distance_m)))


def _streak(runs, today: date) -> int:
    """Days in a row with a run, up to today (or up to yesterday, when today is still young)."""
    days = runs.values_list("local_date", flat=True).distinct().order_by("-local_date")
    count, expected = 0, today
    for day in days.iterator(chunk_size=400):
        if count == 0 and day == today - timedelta(days=1):
            expected = day
        if day != expected:
            break
        count += 1
        expected -= timedelta(days=1)
    return count


def _year_to_date(owner, today: date) -> float:
    months = MonthlyTotal.objects.filter(
        owner=owner, period_start__gte=date(today.year, 1, 1), period_start__lte=today
    )
    return float(months.aggregate(metres=Sum("distance_m"))["metres"] or 0.0)
