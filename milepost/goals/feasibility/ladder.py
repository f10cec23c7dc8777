"""Steps from where the runner is now to a measurable goal (DESIGN §1, step six).

Each kind of goal grows one thing week by week at the rate its verdict assumes (§5 of
RUNNING_SCIENCE.md, through ``runmath.progression``): the long run by 10 % a week after the
Couch to 5K base, a run without walking by Couch to 5K's weeks then 10 %, the week by 10 %,
one more run a week every two weeks, the VDOT a point every six weeks. A few of those weeks
become dated steps, spread out to the goal's date when there is time to spare, never squeezed
faster than that rate when there is not (the verdict says so). The runner edits them before
keeping any. Each metric's ``steps_*`` function here is its ``ladder`` in ``metrics.py``.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from milepost.runmath import RunmathError, progression
from milepost.runmath.units import MARATHON_M, METRES_PER_MILE, format_duration, format_hours
from milepost.runmath.vdot import race_time, vdot

from .model import (
    VDOT_GAIN_PER_WEEK,
    WEEKS_PER_EXTRA_RUN,
    WEEKS_PER_MONTH,
    FeasibilityError,
    HistorySummary,
    _Runner,
)
from .runner import _best_effort, _runner, _season_efforts
from .words import _race

if TYPE_CHECKING:
    from milepost.goals.metrics import GoalTarget

MOST_STEPS = 5
TEN_K = 10000 * 1.001
# The last long run or time trial comes this long before the goal's date: a taper.
TAPER_DAYS_LONG, TAPER_DAYS_SHORT = 14, 7  # from the half marathon up / shorter
TEST_DISTANCE_M = 5000.0  # a parkrun: the time trial a race-time ladder checks itself with
# A time trial every four weeks; two of them when long runs are to be built as well.
TRIAL_WEEKS, LONG_RACE_TRIALS = 4, 2
STREAK_MARKS = (7, 14, 21, 30, 50, 75, 100, 150, 200, 365)
# Couch to 5K's first long run, roughly: a kilometre of walk-run.
BASE_FIRST_M = 1000.0
BEGINNER_WEEK_S = 3 * 30 * 60  # three half-hour runs, where Couch to 5K ends


@dataclass(frozen=True)
class ProposedStep:
    title: str
    due: date


@dataclass(frozen=True)
class _Context:
    goal: "GoalTarget"
    history: HistorySummary
    runner: _Runner
    today: date
    dated: bool

    def spread(
        self,
        rungs: list[float],
        title: Callable[[float], str],
        taper_days: int = 0,
        most: int = MOST_STEPS,
    ) -> list[ProposedStep]:
        """Up to ``most`` of the weekly ``rungs`` (``rungs[i]`` at the end of week i + 1),
        evenly picked with the last always in, as dated steps. With a chosen date, what
        would fall after it (less the taper) is left out rather than hurried."""
        room_days = (self.goal.by - self.today).days - taper_days if self.dated else None
        weeks = len(rungs)
        if room_days is not None:
            weeks = min(weeks, room_days // 7)
        if weeks <= 0:
            return []
        count = min(most, weeks)
        chosen = sorted({math.ceil(weeks * k / count) for k in range(1, count + 1)})
        stretch = 1.0
        if room_days is not None and weeks == len(rungs):  # time to spare: spread out
            stretch = max(room_days / (7 * weeks), 1.0)
        steps: list[ProposedStep] = []
        for week in chosen:
            step = ProposedStep(
                title(rungs[week - 1]), self.today + timedelta(days=round(7 * week * stretch))
            )
            if steps and steps[-1].title == step.title:  # rounds to the same words: the later
                steps.pop()
            steps.append(step)
        return steps

    def race_day(self, metres: float | None) -> list[ProposedStep]:
        if not metres or not self.dated:
            return []
        return [ProposedStep(f"Race day: the {_race(metres, self.runner)}", self.goal.by)]

    def distance(self, metres: float) -> str:
        return nice_distance(metres, self.runner.units)


def propose_steps(
    goal: "GoalTarget",
    history: HistorySummary,
    today: date,
    *,
    units: str = "km",
    dated: bool = False,
) -> list[ProposedStep]:
    """Up to five dated steps toward ``goal`` from the runner's recent running (and race day
    for a race), earliest first.

    ``dated`` says ``goal.by`` is a date the runner chose, a race day say, rather than the one
    a horizon stands for: only then do the steps spread out to it and end on race day.
    """
    ladder = goal.entry.ladder_for(goal.period) if goal.entry else None
    if ladder is None:
        raise FeasibilityError(f"no steps for {goal.metric} per {goal.period or '?'}")
    context = _Context(goal, history, _runner(history, today, units), today, dated)
    steps = ladder(context)
    if dated:  # a step after the day itself would be no step toward it
        steps = [step for step in steps if step.due <= goal.by]
    return sorted(steps, key=lambda step: step.due)


def nice_distance(metres: float, units: str) -> str:
    """A distance as a step says it: whole kilometres or miles from 8 up, halves below."""
    value = metres / (METRES_PER_MILE if units == "mi" else 1000.0)
    value = round(value) if value >= 8 else math.floor(value * 2 + 0.5) / 2
    return f"{max(value, 0.5):g} {'mi' if units == 'mi' else 'km'}"


# Long runs and runs without walking -----------------------------------------------------------


def long_runs(start_m: float, target_m: float) -> list[float]:
    """The longest run at the end of each week: Couch to 5K's base up to three miles, then
    10 % a week, as ``progression.weeks_to_longest_run`` counts the weeks."""
    base_end = progression.HALF_ENTRY_LONG_RUN_M
    base = progression.base_weeks(start_m) - progression.base_weeks(min(target_m, base_end))
    rungs: list[float] = []
    current = start_m
    if base > 0:
        first, end = max(start_m, BASE_FIRST_M), min(target_m, base_end)
        rungs = [first + (end - first) * (week + 1) / base for week in range(base)]
        current = rungs[-1]
    while current < target_m * 0.999:
        current = min(max(current, base_end) * (1 + progression.LONG_RUN_GROWTH), target_m)
        rungs.append(current)
    return rungs


def _long_run_steps(context: _Context, target_m: float, taper_days: int = 0, most=MOST_STEPS):
    rungs = long_runs(context.runner.longest_m, target_m)
    title = lambda m: f"A long run of {context.distance(m)}"  # noqa: E731
    return context.spread(rungs, title, taper_days, most)


def continuous_minutes(current_min: float, target_min: float) -> list[float]:
    """Minutes run without walking at the end of each week: Couch to 5K's weeks up to
    30 minutes, then 10 % a week, as ``progression.weeks_to_continuous`` counts them."""
    table = progression.C25K_CONTINUOUS_MIN
    done = sum(1 for minutes in table if minutes <= current_min + 1e-9)
    rungs = [min(minutes, target_min) for minutes in table[done:]]
    rungs = rungs[: next((i + 1 for i, m in enumerate(rungs) if m >= target_min), len(rungs))]
    current = max(current_min, table[-1])
    while current < target_min * 0.999:
        current = min(current * (1 + progression.LONG_RUN_GROWTH), target_min)
        rungs.append(current)
    return rungs


def _current_continuous_s(context: _Context) -> float:
    history, runner = context.history, context.runner
    if history.longest_continuous_s:
        return history.longest_continuous_s
    if history.longest_continuous_m:
        return history.longest_continuous_m / 1000 * runner.pace_s_per_km
    return runner.longest_m / 1000 * runner.pace_s_per_km


def _continuous_steps(context: _Context, target_s: float, last_words: str = "", taper=0):
    rungs = continuous_minutes(_current_continuous_s(context) / 60, target_s / 60)

    def title(minutes):
        if last_words and minutes == rungs[-1]:
            return f"Run {last_words} without walking"
        return f"Run {format_hours(minutes * 60)} without walking"

    return context.spread(rungs, title, taper)


def steps_continuous_run(context: _Context) -> list[ProposedStep]:
    goal = context.goal
    if goal.unit == "s":
        return _continuous_steps(context, goal.target)
    target_s = goal.target / 1000 * context.runner.pace_s_per_km
    return _continuous_steps(context, target_s, last_words=context.distance(goal.target))


def steps_longest_run(context: _Context) -> list[ProposedStep]:
    return _long_run_steps(context, context.goal.target)


def steps_race_finish(context: _Context) -> list[ProposedStep]:
    distance = min(context.goal.target, MARATHON_M)
    if distance <= 5000 * 1.001:  # a first 5K: its half hour without walking comes first
        steps = _continuous_steps(context, 30 * 60, taper=TAPER_DAYS_SHORT)
    else:
        taper = TAPER_DAYS_LONG if distance > TEN_K else TAPER_DAYS_SHORT
        steps = _long_run_steps(context, progression.ready_long_run(distance), taper)
    return steps + context.race_day(context.goal.target)


# The week: distance, time and runs ------------------------------------------------------------


def weekly_amounts(current: float | None, target: float, from_zero_to: float) -> list[float]:
    """The week's amount at the end of each week, 10 % more each week; from nothing, Couch to
    5K's nine weeks up to ``from_zero_to`` first."""
    rungs: list[float] = []
    if not current:
        end = min(from_zero_to, target)
        rungs = [
            end * (week + 1) / progression.C25K_WEEKS for week in range(progression.C25K_WEEKS)
        ]
        current = rungs[-1]
    while current < target * 0.999:
        current = min(current * (1 + progression.WEEKLY_GROWTH_DEFAULT), target)
        rungs.append(current)
    return rungs


def _week_of_distance(context: _Context, per_week: float, also: str = "") -> list:
    rungs = weekly_amounts(context.runner.weekly_m, per_week, progression.C25K_END_WEEKLY_M)
    return context.spread(rungs, lambda m: f"A week of {context.distance(m)}{also}")


def steps_weekly_distance(context: _Context) -> list[ProposedStep]:
    return _week_of_distance(context, context.goal.target)


def steps_monthly_distance(context: _Context) -> list[ProposedStep]:
    month = context.distance(context.goal.target)
    return _week_of_distance(context, context.goal.target / WEEKS_PER_MONTH, f" ({month} a month)")


def steps_yearly_distance(context: _Context) -> list[ProposedStep]:
    """Year-to-date marks at the ends of the quarters left, on the way to the year's total."""
    today, done, target = context.today, context.history.year_to_date_m, context.goal.target
    days_left = (date(today.year, 12, 31) - today).days + 1
    steps = []
    for month, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
        end = date(today.year, month, day)
        if end < today + timedelta(days=14):
            continue  # too close to ask anything of
        metres = done + (target - done) * ((end - today).days + 1) / days_left
        if metres > done:
            title = f"{context.distance(metres)} this year by {end.day} {end:%B}"
            steps.append(ProposedStep(title, end))
    return steps


def _a_week_of(seconds: float) -> str:
    return f"A week of {format_hours(round(seconds / 300) * 300)} running"


def steps_weekly_time(context: _Context) -> list[ProposedStep]:
    rungs = weekly_amounts(context.runner.weekly_s, context.goal.target, BEGINNER_WEEK_S)
    return context.spread(rungs, _a_week_of)


def _runs_steps(context: _Context, per_week: int, also: str = "") -> list[ProposedStep]:
    current = round(context.runner.runs_per_week or 0)
    rungs = [runs for runs in range(current + 1, per_week + 1) for _ in range(WEEKS_PER_EXTRA_RUN)]

    def title(runs):
        return f"{runs:g} {'run' if runs == 1 else 'runs'} a week, two weeks in a row{also}"

    return context.spread(rungs, title)


def steps_weekly_runs(context: _Context) -> list[ProposedStep]:
    return _runs_steps(context, math.ceil(context.goal.target))


def steps_monthly_runs(context: _Context) -> list[ProposedStep]:
    target = context.goal.target
    return _runs_steps(context, math.ceil(target / WEEKS_PER_MONTH), f" ({target:g} a month)")


def steps_streak(context: _Context) -> list[ProposedStep]:
    now, target = context.history.streak_days, int(context.goal.target)
    marks = [m for m in STREAK_MARKS if now < m < target] + ([target] if target > now else [])
    return [
        ProposedStep(f"A {m}-day streak", context.today + timedelta(days=m - now - 1))
        for m in marks[-MOST_STEPS:]
    ]


# Race times -------------------------------------------------------------------------------------


def steps_race_time(context: _Context) -> list[ProposedStep]:
    """Time trials (a 5K, or the race itself when shorter) every four weeks at the VDOT a
    steady season brings by then; for a race beyond 10K, long runs too while they fall short
    of what the race asks."""
    goal, runner = context.goal, context.runner
    distance = goal.race_distance_m or 0
    test = min(TEST_DISTANCE_M, distance) if distance else TEST_DISTANCE_M
    best = _best_effort(_season_efforts(context.history, context.today))
    if best is None:
        first = f"Run a timed {_race(test, runner)} (a parkrun is ideal) to see where you are"
        return [ProposedStep(first, context.today + timedelta(days=14))]
    try:
        wanted = vdot(distance, goal.target)
    except RunmathError:
        return []
    now = best[1]
    weeks = max(math.ceil((wanted - now) / VDOT_GAIN_PER_WEEK - 1e-9), 0)
    # One value a week, as the other ladders; the trials fall every TRIAL_WEEKS of them.
    rungs = [min(now + VDOT_GAIN_PER_WEEK * (week + 1), wanted) for week in range(weeks)]
    taper = TAPER_DAYS_LONG if distance > TEN_K else TAPER_DAYS_SHORT

    def title(points):
        return f"A timed {_race(test, runner)} in {format_duration(race_time(points, test))}"

    trials = _every(rungs, TRIAL_WEEKS)
    steps = [
        ProposedStep(title(points), context.today + timedelta(weeks=week))
        for week, points in trials
        if not context.dated or week * 7 <= (goal.by - context.today).days - taper
    ]
    long_run = progression.ready_long_run(distance)
    if distance > TEN_K and runner.longest_m < long_run:  # both, in one handful of steps
        steps = steps[:LONG_RACE_TRIALS] + _long_run_steps(
            context, long_run, taper, MOST_STEPS - LONG_RACE_TRIALS
        )
    return steps[:MOST_STEPS] + context.race_day(distance)


def _every(rungs: list[float], weeks: int) -> list[tuple[int, float]]:
    """``(week, value)`` every ``weeks`` weeks, and the last week's."""
    marks = [(week, rungs[week - 1]) for week in range(weeks, len(rungs) + 1, weeks)]
    if rungs and (not marks or marks[-1][0] != len(rungs)):
        marks.append((len(rungs), rungs[-1]))
    return marks
