"""Your running at a glance: totals per week, month and year from the stored totals, and a
calendar of the days run over the last twelve months. A handful of queries however long the
history: the totals are read, never summed from the runs, except the calendar's one year."""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from milepost.runmath.units import week_start

from .models import Activity, MonthlyTotal, WeeklyTotal

WEEKS_SHOWN = 12
MONTHS_SHOWN = 12


@dataclass
class Day:
    day: date | None  # None: a blank before the 1st or after the last day of the month
    metres: float = 0.0
    runs: int = 0


@dataclass
class Month:
    first: date
    weeks: list[list[Day]] = field(default_factory=list)
    run_days: int = 0


def _months_back(today: date, count: int) -> list[date]:
    firsts, first = [], today.replace(day=1)
    for _ in range(count):
        firsts.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return firsts[::-1]


def glance(owner, today: date) -> dict:
    """Weekly, monthly and yearly totals (newest first) and the twelve months' calendar."""
    this_week = week_start(today)
    weeks = WeeklyTotal.objects.filter(
        owner=owner,
        period_start__gt=this_week - timedelta(weeks=WEEKS_SHOWN),
        period_start__lte=this_week,
    )
    firsts = _months_back(today, MONTHS_SHOWN)
    months = MonthlyTotal.objects.filter(owner=owner, period_start__gte=firsts[0])
    years = (
        MonthlyTotal.objects.filter(owner=owner, runs__gt=0)
        .annotate(year=ExtractYear("period_start"))
        .values("year")
        .annotate(runs=Sum("runs"), distance_m=Sum("distance_m"), moving_s=Sum("moving_s"))
        .order_by("-year")
    )
    return {
        "weeks": [w for w in reversed(weeks) if w.runs],
        "months": [m for m in reversed(months) if m.runs],
        "years": list(years),
        "calendar": _calendar(owner, firsts, today),
    }


def _calendar(owner, firsts: list[date], today: date) -> list[Month]:
    per_day: dict[date, Day] = {}
    runs = Activity.objects.filter(
        owner=owner, is_run=True, local_date__gte=firsts[0], local_date__lte=today
    ).values_list("local_date", "distance_m")
    for day, metres in runs:
        entry = per_day.setdefault(day, Day(day))
        entry.metres += metres or 0
        entry.runs += 1
    # Months before the runner's first run in the window are not shown: a page of empty
    # months says nothing (this month always is).
    earliest = min(per_day, default=today).replace(day=1)
    shown = []
    for first in (f for f in firsts if f >= earliest):
        month = Month(first)
        for week in calendar.Calendar().monthdatescalendar(first.year, first.month):
            row = []
            for day in week:
                if day.month != first.month:
                    row.append(Day(None))
                else:
                    row.append(per_day.get(day, Day(day)))
            month.weeks.append(row)
        month.run_days = sum(1 for d in per_day if d.year == first.year and d.month == first.month)
        shown.append(month)
    return shown[::-1]
