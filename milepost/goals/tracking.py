"""Following goals from the runner's real runs: progress and charts, read in a fixed number
of queries whatever the length of the history.

- ``progress_for``: one query of runs for any number of goals, only the columns their metrics
  need, from the earliest day one of them needs (the current week, month or year for a
  distance, time or runs goal; the day the goal was written for the others; a streak looks
  back as far as its target). The arithmetic is ``progress.py``'s (pure).
- ``weekly_volume``: the dashboard's 16 weeks against the runner's own average, from the
  weekly totals (two queries).

A goal's progress counts from the day it was written (``Goal.started_on``). Paused goals show
their progress so far and are never judged; a runner with no runs in Milepost yet is invited
to add some rather than told they are behind; a goal resumed during the current week, month or
year is told when it is on track there, never that it is behind (the pause would be the
reason).
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from milepost.runmath.progression import SEASON_DAYS
from milepost.runmath.units import (
    MONTHS,
    format_day,
    format_distance,
    format_duration,
    to_units,
    week_start,
)
from milepost.runs.models import Activity, WeeklyTotal

from . import charts, progress
from .metrics import GoalTarget
from .models import Goal, Status

CHART_WEEKS = 16  # the dashboard's weekly volume, and at most a goal's chart
GOAL_CHART_MIN_WEEKS = 6  # a new goal's chart still shows the weeks that led to it
WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True)
class GoalProgress:
    """A measurable goal's progress as a page shows it.

    ``percent`` fills the bar (0 to 100). ``on_track`` is None when not judged: a goal that is
    not per week, month or year, a paused goal, a resumed goal behind in its current period.
    ``needed`` is what the rest of the period asks for, in the runner's units ("" when there
    is nothing to say); ``chart`` the goal week by week, when asked for."""

    result: progress.Progress
    summary: str
    percent: int
    on_track: bool | None
    needed: str
    paused: bool = False
    chart: charts.Chart | None = None
    waiting: bool = False  # no runs in Milepost yet: nothing to measure, nothing judged


def progress_for(goals, profile, today: date, *, chart: bool = False) -> dict[int, GoalProgress]:
    """Progress of each measurable goal of ``goals`` by id, as of the runner's ``today``.

    Uses ``goal.pauses`` (prefetch it for many goals)."""
    zone, units = profile.zone, profile.units
    measured = []
    for goal in goals:
        spec = goal.progress_spec()
        if spec is not None:
            started = goal.started_on(zone)
            measured.append((goal, spec, started, chart_weeks(started, today) if chart else 0))
    if not measured:
        return {}
    first = min(runs_from(spec, started, today, weeks) for _, spec, started, weeks in measured)
    facts = run_facts(profile.user_id, first, today, {spec.metric for _, spec, _, _ in measured})
    runs = Activity.objects.filter(owner_id=profile.user_id, is_run=True)
    waiting = not facts and not runs.exists()
    shown = {}
    for goal, spec, started, weeks in measured:
        try:
            result = progress.progress(spec, facts, today, started, units=units)
        except progress.ProgressError:
            continue  # a goal saved without a usable target: nothing to measure
        if waiting:
            paused = goal.status == Status.PAUSED
            shown[goal.pk] = GoalProgress(result, "", 0, None, "", paused, waiting=True)
            continue
        item = _shown(goal, spec, result, today, profile)
        if weeks:
            history = progress.weekly_history(spec, facts, weeks, today)
            item = _with_chart(item, goal, spec, history, units)
        shown[goal.pk] = item
    return shown


def chart_weeks(started: date, today: date) -> int:
    """Weeks in a goal's chart: from the week it started, at least a few, at most 16."""
    weeks = (week_start(today) - week_start(started)).days // 7 + 1
    return max(GOAL_CHART_MIN_WEEKS, min(CHART_WEEKS, weeks))


def runs_from(spec: GoalTarget, started: date, today: date, weeks: int = 0) -> date:
    """The first day of runs the goal's progress (and its chart of ``weeks``) needs."""
    if spec.entry.periodic:
        first = progress.period_bounds(spec.period, today)[0]
    elif spec.metric == "streak":
        # A streak under way when the goal was written counts; past its target in days,
        # older days change nothing about reaching it.
        first = started - timedelta(days=int(spec.target or 0))
    else:
        first = started
    if spec.metric == "race_time":  # where the runner stands: the season's efforts
        first = min(first, today - timedelta(days=SEASON_DAYS))
    if weeks:
        first = min(first, week_start(today) - timedelta(weeks=weeks - 1))
        if spec.metric == "race_time":
            first -= timedelta(days=SEASON_DAYS)
        if spec.metric == "streak":
            first -= timedelta(days=int(spec.target or 0))
    return min(first, today)


def run_facts(owner_id: int, first: date, today: date, metrics: set[str]):
    """The runner's runs from ``first`` to ``today`` as progress reads them: one query, only
    the columns the ``metrics`` need."""
    columns = ["local_date", "distance_m", "moving_s"]
    if "continuous_run" in metrics:
        columns.append("longest_continuous_run_m")
    if "race_time" in metrics:
        columns.append("best_efforts")
    if metrics & {"race_time", "race_finish"}:
        columns.append("is_race")
    rows = Activity.objects.filter(
        owner_id=owner_id, is_run=True, local_date__gte=first, local_date__lte=today
    ).values_list(*columns)
    facts = []
    for row in rows.order_by():
        values = dict(zip(columns, row, strict=True))
        facts.append(
            progress.RunFact(
                day=values["local_date"],
                distance_m=values["distance_m"] or 0.0,
                moving_s=values["moving_s"] or 0.0,
                longest_continuous_m=values.get("longest_continuous_run_m"),
                best_efforts=values.get("best_efforts") or {},
                is_race=values.get("is_race", False),
            )
        )
    return facts


def _shown(goal: Goal, spec, result: progress.Progress, today: date, profile) -> GoalProgress:
    units = profile.units
    paused = goal.status == Status.PAUSED
    periodic = spec.entry.periodic
    on_track, summary, needed = result.on_track, result.summary, ""
    if paused:
        on_track = None
        if periodic and not result.reached:
            summary = _paused_summary(spec, result, units)
    elif periodic and not result.reached:
        resumed = goal.resumed_on(profile.zone)
        if on_track is False and resumed is not None and resumed >= result.period_start:
            on_track = None  # back from a pause this period: no "behind" for it
        needed = _needed(spec, result, today, units)
    percent = 100 if result.reached else min(99, max(0, int(result.fraction * 100)))
    return GoalProgress(result, summary, percent, on_track, needed, paused)


def _needed(spec, result: progress.Progress, today: date, units: str) -> str:
    if not result.needed_per_week:
        return ""
    amount = progress.format_amount(result.unit, result.needed_per_week, units)
    days_left = (result.period_end - today).days + 1
    if spec.period == "week":
        return f"{amount} to go this week"
    if days_left <= 7:
        return f"{amount} to go by {format_day(result.period_end, today)}"
    return f"about {amount} a week from now to {format_day(result.period_end, today)}"


def _paused_summary(spec, result: progress.Progress, units: str) -> str:
    def show(value: float) -> str:
        return progress.format_amount(result.unit, value, units)

    return (
        f"{show(result.current or 0)} so far this {spec.period}, toward {show(result.target)} "
        f"a {spec.period}. Paused: nothing is judged until you resume."
    )


# Charts -------------------------------------------------------------------------------------


def _with_chart(item: GoalProgress, goal: Goal, spec, history, units: str) -> GoalProgress:
    scale, axis, show = _chart_units(spec, units)
    bars = []
    for i, week in enumerate(history):
        current = i == len(history) - 1
        text = "none" if week.value is None else show(week.value)
        value = None if week.value is None else scale(week.value)
        label = "This week" if current else _short_day(week.start)
        bars.append(charts.Bar(label, value, text, current))
    line = charts.Line(scale(_weekly_goal(spec)), _goal_line_label(spec, show))
    chart = charts.bar_chart(
        bars,
        chart_id=f"goal-{goal.pk}-chart",
        title=f"{goal.title}: week by week",
        desc=_goal_chart_desc(spec, len(history), line.label),
        unit=axis,
        line=line,
        heading="Estimated time" if spec.metric == "race_time" else spec.entry.chart[0],
    )
    return replace(item, chart=chart)


def _chart_units(spec, units: str):
    """How the chart draws the goal's values: a scale to plot units, the axis label, and the
    value in words."""
    unit = spec.canonical_unit

    def words(value: float) -> str:
        return progress.format_amount(unit, value, units)

    if unit == "m":
        return (lambda v: to_units(v, units)), units, words
    if spec.metric == "race_time":
        return (lambda v: v / 60), "min", format_duration
    if unit == "s" and spec.metric == "time":
        return (lambda v: v / 3600), "hours", words
    if unit == "s":
        return (lambda v: v / 60), "min", words
    return (lambda v: v), "runs" if unit == "count" else "days", words


def _weekly_goal(spec) -> float:
    target = spec.race_distance_m if spec.metric == "race_finish" else spec.target
    if spec.entry.periodic and spec.period == "month":
        return target / WEEKS_PER_MONTH
    if spec.entry.periodic and spec.period == "year":
        return target / 52
    return target


def _goal_line_label(spec, show) -> str:
    weekly = show(_weekly_goal(spec))
    if spec.entry.periodic and spec.period != "week":
        return f"A week's share of your goal: {weekly}"
    if spec.entry.periodic:
        return f"Your goal: {weekly} a week"
    return f"Your goal: {weekly}"


def _goal_chart_desc(spec, weeks: int, line: str) -> str:
    what = spec.entry.chart[1]
    if spec.metric == "race_time":
        what = (
            "the time your races and best efforts of the six months before each week's end "
            "point to at the race distance (shorter is faster)"
        )
    return (
        f"Bars: {what}, for the last {weeks} weeks, oldest first; the last bar is this week "
        f"so far, and a week with nothing to show has no bar. Dashed line: {line[0].lower()}"
        f"{line[1:]}."
    )


def weekly_volume(profile, today: date, weeks: int = CHART_WEEKS) -> charts.Chart | None:
    """The distance of each of the last ``weeks`` weeks (this one so far) against the
    runner's own average week; None before their first run. Two queries."""
    units, monday = profile.units, week_start(today)
    starts = [monday - timedelta(weeks=k) for k in range(weeks - 1, -1, -1)]
    totals = WeeklyTotal.objects.filter(owner_id=profile.user_id)
    first = totals.order_by("period_start").values_list("period_start", flat=True).first()
    if first is None or first > today:
        return None
    by_week = dict(
        totals.filter(period_start__gte=starts[0], period_start__lte=monday).values_list(
            "period_start", "distance_m"
        )
    )
    known = [start for start in starts[:-1] if start >= first]  # complete weeks, once running
    average = sum(by_week.get(s, 0.0) for s in known) / len(known) if known else None
    bars = []
    for start in starts:
        metres = by_week.get(start, 0.0) if start >= first else None
        current = start == monday
        text = "before your first run" if metres is None else _km(metres, units)
        label = "This week" if current else _short_day(start)
        bars.append(
            charts.Bar(label, None if metres is None else to_units(metres, units), text, current)
        )
    line = None
    if average is not None:
        line = charts.Line(to_units(average, units), f"Your average: {_km(average, units)}")
    return charts.bar_chart(
        bars,
        chart_id="weekly-volume",
        title=f"Your weekly distance, last {weeks} weeks",
        desc=_volume_desc(weeks, by_week, starts, line, units, today),
        unit=units,
        line=line,
        heading="Distance",
    )


def _volume_desc(weeks, by_week, starts, line, units, today) -> str:
    text = (
        f"Bars: the distance you ran each week for the last {weeks} weeks, oldest first; the "
        "last bar is this week so far."
    )
    if line is not None:
        text += f" Dashed line: {line.label[0].lower()}{line.label[1:]} a week, over the "
        text += "complete weeks shown."
    biggest = max(starts, key=lambda s: by_week.get(s, 0.0))
    if by_week.get(biggest):
        text += (
            f" Your biggest week was {_km(by_week[biggest], units)}, the week of "
            f"{format_day(biggest, today)}."
        )
    return text


def _km(metres: float, units: str) -> str:
    return format_distance(metres, units, decimals=1)


def _short_day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}"
