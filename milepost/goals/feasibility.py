"""Feasibility: is a measurable goal realistic, a stretch or unlikely by its date?

Pure Python, no Django. The evidence is RUNNING_SCIENCE.md §5 (build-up lengths, single-run
spikes over the longest run of the last 30 days, two-week growth over 30 %) and §2.3
(recreational marathoners run slower than equivalence tables say). Every verdict comes with the
date that would be realistic and reasons in plain words that compare the runner only with their
own recent season.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from milepost.runmath import RunmathError, agegrade, progression
from milepost.runmath.equivalence import vickers_marathon
from milepost.runmath.units import (
    HALF_MARATHON_M,
    MARATHON_M,
    METRES_PER_MILE,
    distance_key,
    format_distance,
    format_duration,
    format_pace,
)
from milepost.runmath.vdot import race_time, vdot, velocity_at

METRICS = (
    "weekly_distance",
    "monthly_distance",
    "yearly_distance",
    "weekly_time",
    "weekly_runs",
    "monthly_runs",
    "race_finish",
    "race_time",
    "longest_run",
    "continuous_run",
    "streak",
)
REALISTIC, STRETCH, UNLIKELY, NEED_HISTORY = "realistic", "stretch", "unlikely", "need_history"
_ORDER = (REALISTIC, STRETCH, UNLIKELY)
HALF_M = HALF_MARATHON_M * 1.001

WEEKS_PER_MONTH = 30.44 / 7
RECENT_WEEKS = 4
SEASON_DAYS = 182
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


class FeasibilityError(ValueError):
    """A goal that cannot be assessed as given (unknown metric, missing race distance...)."""


@dataclass(frozen=True)
class MeasurableGoal:
    """A goal Milepost can measure from runs.

    ``metric`` is one of METRICS. ``target`` is in canonical units: metres for distances (and
    the race distance of ``race_finish``), seconds for ``weekly_time`` and ``race_time``, a
    count for runs, days for ``streak``. ``race_time`` also needs ``distance_m``;
    ``continuous_run`` takes ``unit`` ``"m"`` (default) or ``"s"``. ``by`` is the target date.
    """

    metric: str
    target: float
    by: date
    distance_m: float | None = None
    unit: str | None = None


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
    """The answer: ``verdict`` is realistic, stretch, unlikely or need_history.

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


@dataclass(frozen=True)
class _Runner:
    weekly_m: float | None
    weekly_s: float | None
    runs_per_week: float | None
    longest_m: float
    pace_s_per_km: float
    pace_known: bool
    units: str

    @property
    def usual_pace(self) -> str:
        pace = format_pace(self.pace_s_per_km, self.units)
        return f"your usual {pace}" if self.pace_known else f"an easy {pace}"


def metric_key(metric: str, period: str = "") -> str:
    """The stable key for a goal stored as metric and period ("distance", "week")."""
    if metric in ("distance", "time", "runs"):
        key = {"week": "weekly", "month": "monthly", "year": "yearly"}.get(period, "") + "_"
        key += metric
        if key in METRICS:
            return key
        raise FeasibilityError(f"no feasibility check for {metric} per {period or '?'}")
    return metric


def assess(
    goal: MeasurableGoal, history: HistorySummary, today: date, *, units: str = "km"
) -> FeasibilityVerdict:
    """Judge ``goal`` against ``history`` as of ``today``; reasons in ``units`` (km or mi)."""
    _check(goal)
    if history.is_empty:
        return _need_history(
            "Add a recent race or timed run, or tell Milepost about a typical week "
            "(how many runs and how far), and it can say how this goal looks."
        )
    runner = _runner(history, today, units)
    if goal.metric == "race_time":
        efforts = _season_efforts(history, today)
        if not efforts:
            return _need_history(
                "To judge a race time, Milepost needs a race or timed run from the last six "
                "months, such as a parkrun. Add one and ask again."
            )
        plan = _race_time(goal, history, runner, today, efforts)
    else:
        plan = _PLANNERS[goal.metric](goal, history, runner, today)
    return _judge(goal, today, plan)


def _check(goal: MeasurableGoal) -> None:
    if goal.metric not in METRICS:
        raise FeasibilityError(f"unknown metric {goal.metric!r}; use one of {', '.join(METRICS)}")
    if not isinstance(goal.target, int | float) or not goal.target > 0:
        raise FeasibilityError(f"the target must be more than zero, not {goal.target!r}")
    if goal.metric == "race_time" and not (goal.distance_m and goal.distance_m > 0):
        raise FeasibilityError("a race-time goal needs the race distance in metres")
    if goal.metric == "continuous_run" and goal.unit not in (None, "m", "s"):
        raise FeasibilityError(f"a continuous run is in 'm' or 's', not {goal.unit!r}")


def _need_history(reason: str) -> FeasibilityVerdict:
    return FeasibilityVerdict(verdict=NEED_HISTORY, realistic_date=None, reasons=(reason,))


def _judge(goal: MeasurableGoal, today: date, plan: _Plan) -> FeasibilityVerdict:
    available = max((goal.by - today).days, 0) / 7
    reasons = list(plan.reasons)
    if goal.by < today:
        reasons.append("The date has passed; pick a new one and the plan moves with it.")
    if plan.weeks is None:
        return FeasibilityVerdict(UNLIKELY, None, tuple(reasons), None, plan.prediction_s)
    if plan.weeks <= available:
        verdict = REALISTIC
    elif plan.weeks * STRETCH_FRACTION <= available:
        verdict = STRETCH
    else:
        verdict = UNLIKELY
    verdict = max(verdict, plan.cap, key=_ORDER.index)
    ready = today + timedelta(days=math.ceil(plan.weeks * 7))
    if verdict == STRETCH and ready > goal.by:
        reasons.append(
            f"It is within reach if training goes smoothly; {_day(ready)} would leave "
            "room for a cold or a busy week."
        )
    elif verdict == UNLIKELY:
        reasons.append(f"A date around {_day(ready)} would give your body the time it needs.")
    return FeasibilityVerdict(verdict, ready, tuple(reasons), plan.weeks, plan.prediction_s)


# The runner's recent season ---------------------------------------------------------------


def _recent(series: tuple[float, ...]) -> float | None:
    values = series[-RECENT_WEEKS:]
    return sum(values) / len(values) if values else None


def _season_efforts(history: HistorySummary, today: date) -> list[Effort]:
    start = today - timedelta(days=SEASON_DAYS)
    return [e for e in history.efforts if start <= e.on <= today and e.distance_m >= 1500]


def _best_effort(efforts: list[Effort]) -> tuple[Effort, float] | None:
    scored = []
    for effort in efforts:
        try:
            scored.append((vdot(effort.distance_m, effort.seconds), effort))
        except RunmathError:
            continue
    if not scored:
        return None
    value, effort = max(scored, key=lambda pair: pair[0])
    return effort, value


def _runner(history: HistorySummary, today: date, units: str) -> _Runner:
    weekly_m, runs = _recent(history.weekly_m), _recent(history.weekly_runs)
    weekly_s = _recent(history.weekly_s)
    recent_m = sum(history.weekly_m[-RECENT_WEEKS:])
    recent_s = sum(history.weekly_s[-RECENT_WEEKS:])
    best = _best_effort(_season_efforts(history, today))
    if recent_m > 0 and recent_s > 0:
        pace = recent_s / recent_m * 1000
    else:
        pace = 60000 / velocity_at(best[1], EASY_FRACTION) if best else DEFAULT_PACE_S_PER_KM
    if weekly_s is None and weekly_m is not None:
        weekly_s = weekly_m / 1000 * pace
    runs_list = list(history.long_runs) + [(e.on, e.distance_m) for e in history.efforts]
    longest = progression.longest_before(runs_list, today + timedelta(days=1))
    if not longest and weekly_m:
        longest = weekly_m / max(runs or 3, 1)
    pace_known = bool(recent_m > 0 and recent_s > 0 or best)
    return _Runner(weekly_m, weekly_s, runs, longest, pace, pace_known, units)


def _dist(metres: float, runner: _Runner) -> str:
    return format_distance(metres, runner.units, decimals=1)


def _race(metres: float, runner: _Runner) -> str:
    names = {"5k": "5K", "10k": "10K", "half": "half marathon", "marathon": "marathon"}
    return names.get(distance_key(metres) or "", _dist(metres, runner))


def _hours(seconds: float) -> str:
    hours, minutes = divmod(round(seconds / 60), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _weeks(weeks: float) -> str:
    weeks = math.ceil(weeks)
    return "1 week" if weeks == 1 else f"{weeks} weeks"


def _budget_s(history: HistorySummary) -> float | None:
    return history.hours_per_week * 3600 if history.hours_per_week else None


# Race goals -------------------------------------------------------------------------------


def _race_finish(goal, history, runner, today) -> _Plan:
    return _build_up(goal.target, history, runner)


def _build_up(distance_m: float, history: HistorySummary, runner: _Runner) -> _Plan:
    plan = _Plan(weeks=0.0)
    if distance_m > MARATHON_M * 1.001:
        plan.cap = STRETCH
        plan.reasons.append(
            "Milepost's build-up evidence stops at the marathon, so this looks at being "
            "marathon-ready first; going further is a conversation for a coach."
        )
        distance_m = MARATHON_M
    weekly = runner.weekly_m if runner.weekly_m is not None else runner.longest_m
    plan.weeks = float(
        progression.build_up_weeks(distance_m, weekly_m=weekly, longest_run_m=runner.longest_m)
    )
    ready = progression.ready_long_run(distance_m)
    race = _race(distance_m, runner)
    if runner.longest_m >= ready:
        plan.reasons.append(
            f"Your longest run of the last 30 days, {_dist(runner.longest_m, runner)}, already "
            f"covers what a {race} asks for."
        )
    else:
        plan.reasons.append(_build_up_reason(distance_m, runner, weekly, plan.weeks, ready))
    if distance_m > HALF_M and weekly < progression.MARATHON_MIN_WEEKLY_M:
        plan.reasons.append(
            f"Marathoners who ran under {_dist(progression.MARATHON_MIN_WEEKLY_M, runner)} a "
            "week in their build-up were injured about twice as often, so the plan grows your "
            "week past that, gradually."
        )
    if runner.weekly_m is None:
        plan.reasons.append(
            "Milepost only knows your races, not a typical week; adding your usual week "
            "would sharpen this."
        )
    _check_race_budget(plan, distance_m, history, runner, ready)
    return plan


def _build_up_reason(distance_m, runner: _Runner, weekly: float, weeks: float, ready) -> str:
    longest = _dist(runner.longest_m, runner) if runner.longest_m else "nothing yet"
    if distance_m <= 5000 * 1.001:
        return (
            "Couch to 5K takes 9 weeks from the first walk-run to 30 minutes of running, three "
            f"times a week. From your longest run lately ({longest}) that is about "
            f"{_weeks(weeks)}."
        )
    if distance_m <= HALF_M:
        return (
            f"Long runs of about {_dist(ready, runner)} make this distance comfortable; a novice "
            "half-marathon plan builds them in 12 weeks from 3-mile runs. From your longest "
            f"run lately ({longest}) that is about {_weeks(weeks)}."
        )
    entry = _dist(progression.MARATHON_ENTRY_WEEKLY_M, runner)
    return (
        f"Novice marathon plans start from about {entry} a week with "
        f"{_dist(progression.MARATHON_ENTRY_LONG_RUN_M, runner)} runs and take 18 weeks, the "
        f"long run growing to about {_dist(ready, runner)}. From your "
        f"{_dist(weekly, runner)} a week and longest run lately ({longest}), "
        f"that is about {_weeks(weeks)} in all."
    )


def _check_race_budget(plan, distance_m, history, runner, ready) -> None:
    budget = _budget_s(history)
    if budget is None:
        return
    pace = runner.pace_s_per_km
    long_run_s = ready / 1000 * pace
    # Novice plans peak at about twice the long run a week (20 mi for 10 mi, 40 for 20).
    peak_m = 2 * ready
    if distance_m > HALF_M:
        peak_m = max(peak_m, progression.MARATHON_MIN_WEEKLY_M)
    peak_s = peak_m / 1000 * pace
    if distance_m <= 5000 * 1.001:
        peak_s = 3 * MINUTES_PER_RUN * 60
    if long_run_s > budget:
        plan.weeks = None
        plan.reasons.append(
            f"At {runner.usual_pace}, the longest training runs take "
            f"about {_hours(long_run_s)}, more than the {_hours(budget)} a week you have."
        )
    elif peak_s > budget:
        plan.cap = max(plan.cap, STRETCH, key=_ORDER.index)
        plan.reasons.append(
            f"The biggest weeks ask for about {_hours(peak_s)} of running and you have "
            f"{_hours(budget)}; it can work with shorter midweek runs, but it is tight."
        )


def _race_time(goal, history, runner, today, efforts) -> _Plan:
    effort, value = _best_effort(efforts) or (None, None)
    if effort is None:
        return _Plan(None, ["Milepost couldn't read a time from your recent races; check them."])
    distance, race = goal.distance_m, _race(goal.distance_m, runner)
    predicted = race_time(value, distance)
    reasons = [
        f"Your {_race(effort.distance_m, runner)} in {format_duration(effort.seconds)} on "
        f"{_day(effort.on)} points to about {format_duration(predicted)} for a {race} today."
    ]
    if abs(distance - MARATHON_M) <= MARATHON_M * 0.01 and effort.distance_m < distance * 0.9:
        miles = (runner.weekly_m or 0) / METRES_PER_MILE
        recreational = vickers_marathon(effort.seconds, effort.distance_m, miles)
        if recreational > predicted:
            predicted = recreational
            reasons.append(
                "Marathons usually come out slower than shorter races suggest for runners "
                f"who aren't racing full time; with about {_dist(runner.weekly_m or 0, runner)} "
                f"a week, about {format_duration(predicted)} is a realistic marathon today."
            )
    predicted = _with_age(predicted, distance, history, (goal.by - today).days, reasons)
    plan = _build_up(distance, history, runner)
    plan.prediction_s = predicted
    try:
        gap = vdot(distance, goal.target) - vdot(distance, predicted)
    except RunmathError:
        plan.weeks = None
        reasons.append("That time is faster than any recorded run; check the target.")
        gap = 0.0
    target = format_duration(goal.target)
    if plan.weeks is not None and gap <= 0:
        reasons.append(f"So {target} fits the fitness you have now.")
    elif plan.weeks is not None:
        fitness_weeks = gap / VDOT_GAIN_PER_WEEK
        percent = 100 * (1 - goal.target / predicted)
        reasons.append(
            f"{target} is about {percent:.0f} % quicker than that. With steady training, the "
            f"fitness for it typically takes about {_weeks(fitness_weeks)} to build."
        )
        plan.weeks = max(plan.weeks, fitness_weeks)
    plan.reasons[:0] = reasons
    return plan


def _with_age(seconds, distance, history, days, reasons) -> float:
    """Allow for the age tables' slow drift between today and race day."""
    if history.age is None or days <= 0:
        return seconds
    sexes = {"women": ("F",), "men": ("M",)}.get(history.category or "", ("F", "M"))
    try:
        drift = agegrade.age_drift(history.age, days / 365.25, distance, sexes)
    except RunmathError:
        return seconds
    if drift >= 1.005:
        reasons.append(
            f"Between now and race day this allows about {100 * (drift - 1):.0f} % for age, "
            "as age-grading tables do."
        )
    return seconds * drift


# Volume and frequency goals ---------------------------------------------------------------


def _weekly_level(target_per_week, current, start, show) -> _Plan:
    """Weeks to lift a weekly amount from ``current`` (or from scratch) to ``target_per_week``.

    From scratch, Couch to 5K comes first and ends at ``start`` a week.
    """
    if not current:
        weeks = progression.C25K_WEEKS + progression.weeks_to_grow(start, target_per_week)
        return _Plan(
            float(weeks),
            [
                "Starting from scratch, Couch to 5K's 9 weeks build the habit first; then the "
                f"week grows about 10 % at a time to {show(target_per_week)}: about "
                f"{_weeks(weeks)}."
            ],
        )
    weeks = progression.weeks_to_grow(current, target_per_week)
    if weeks == 0:
        return _Plan(0.0, [f"You're already at about {show(current)} a week lately."])
    return _Plan(
        float(weeks),
        [
            f"You've averaged {show(current)} a week over the last {RECENT_WEEKS} weeks. "
            f"Growing about 10 % a week reaches {show(target_per_week)} in about "
            f"{_weeks(weeks)}; in new runners, weekly distance growing more than 30 % over two "
            "weeks was linked to more overuse injuries."
        ],
    )


def _distance_per_week(target_per_week, history, runner) -> _Plan:
    start = progression.C25K_END_WEEKLY_M
    plan = _weekly_level(target_per_week, runner.weekly_m, start, partial(_dist, runner=runner))
    if progression.two_week_growth_warning(history.weekly_m):
        plan.reasons.append(
            "Your week has already grown more than 30 % over the last two weeks; an easier "
            "week before the next step up gives your legs time to catch up."
        )
    runs = max(round(runner.runs_per_week or 3), 1)
    per_run = target_per_week / runs
    if runner.longest_m and per_run > progression.SPIKE_WARNING * runner.longest_m:
        plan.reasons.append(
            f"At {runs} runs a week that is about {_dist(per_run, runner)} a run, longer than "
            f"your longest lately ({_dist(runner.longest_m, runner)}); an extra short run "
            "spreads the distance more kindly than one big jump."
        )
    _check_time_budget(plan, target_per_week / 1000 * runner.pace_s_per_km, history, runner)
    return plan


def _check_time_budget(plan: _Plan, weekly_s: float, history, runner: _Runner) -> None:
    budget = _budget_s(history)
    if budget is None or weekly_s <= budget:
        return
    plan.weeks = None
    fits = budget / runner.pace_s_per_km * 1000
    plan.reasons.append(
        f"At {runner.usual_pace} that takes about "
        f"{_hours(weekly_s)} a week; with {_hours(budget)}, about {_dist(fits, runner)} a week "
        "fits."
    )


def _weekly_distance(goal, history, runner, today) -> _Plan:
    return _distance_per_week(goal.target, history, runner)


def _monthly_distance(goal, history, runner, today) -> _Plan:
    plan = _distance_per_week(goal.target / WEEKS_PER_MONTH, history, runner)
    if runner.weekly_m is not None:
        plan.reasons.insert(
            0,
            f"Your last {RECENT_WEEKS} weeks added up to "
            f"{_dist(runner.weekly_m * RECENT_WEEKS, runner)}.",
        )
    if plan.weeks:
        plan.weeks += WEEKS_PER_MONTH
    return plan


def _yearly_distance(goal, history, runner, today) -> _Plan:
    remaining = goal.target - history.year_to_date_m
    show = partial(_dist, runner=runner)
    if remaining <= 0:
        return _Plan(0.0, [f"You've already run {show(history.year_to_date_m)} this year."])
    weeks_left = max((goal.by - today).days, 1) / 7
    needed = remaining / weeks_left
    current = runner.weekly_m or 0.0
    cap = max(current, needed) * (1 + progression.WEEKLY_GROWTH_DEFAULT)
    budget = _budget_s(history)
    if budget is not None:
        cap = min(cap, budget / runner.pace_s_per_km * 1000)
    weeks = progression.weeks_to_accumulate(remaining, current, cap)
    so_far = history.year_to_date_m
    done = f"You've run {show(so_far)} this year; the rest" if so_far else "The goal"
    reasons = [
        f"{done} is about {show(needed)} a week from now, and you've "
        f"averaged {show(current)} a week lately."
    ]
    if weeks is None:
        reasons.append("Within your weekly time, the total would not come together.")
    elif needed > current:
        reasons.append(
            "Building the week by about 10 % at a time and holding it there gets you to the "
            f"total in about {_weeks(weeks)}."
        )
    return _Plan(None if weeks is None else float(weeks), reasons)


def _weekly_time(goal, history, runner, today) -> _Plan:
    start = progression.C25K_END_WEEKLY_M / 1000 * runner.pace_s_per_km
    plan = _weekly_level(goal.target, runner.weekly_s, start, _hours)
    budget = _budget_s(history)
    if budget is not None and goal.target > budget:
        plan.weeks = None
        plan.reasons.append(f"That is more than the {_hours(budget)} a week you have for running.")
    return plan


def _runs_per_week(target: float, history, runner: _Runner) -> _Plan:
    current = runner.runs_per_week or 0.0
    extra = max(math.ceil(target - current - 1e-9), 0)
    plan = _Plan(float(extra * WEEKS_PER_EXTRA_RUN))
    lately = f"You've run about {current:.0f} times a week lately"
    if extra == 0:
        plan.reasons.append(f"{lately}, which already does it.")
    else:
        plan.reasons.append(
            f"{lately}. Adding one run a week every couple of weeks gets you to "
            f"{math.ceil(target - 1e-9)} a week in about {_weeks(plan.weeks)}."
        )
    if target > 7:
        plan.cap = STRETCH
        plan.reasons.append("More than 7 runs a week means running twice on some days.")
    if runner.longest_m < progression.HALF_ENTRY_LONG_RUN_M and target > 3:
        plan.reasons.append(
            "While running is new, three runs a week with a rest day between (as in Couch to "
            "5K) lets your body adapt; extra days can be walks."
        )
    budget = _budget_s(history)
    if budget is not None and target * MINUTES_PER_RUN * 60 > budget:
        plan.weeks = None
        plan.reasons.append(
            f"{target:.0f} runs of about {MINUTES_PER_RUN} minutes need more than the "
            f"{_hours(budget)} a week you have."
        )
    return plan


def _weekly_runs(goal, history, runner, today) -> _Plan:
    return _runs_per_week(goal.target, history, runner)


def _monthly_runs(goal, history, runner, today) -> _Plan:
    plan = _runs_per_week(goal.target / WEEKS_PER_MONTH, history, runner)
    if plan.weeks:
        plan.weeks += WEEKS_PER_MONTH
    return plan


# Single-run goals -------------------------------------------------------------------------


def _longest_run(goal, history, runner, today) -> _Plan:
    target, longest = goal.target, runner.longest_m
    weeks = progression.weeks_to_longest_run(longest, target)
    plan = _Plan(float(weeks))
    if weeks == 0:
        plan.reasons.append(
            f"Your longest run of the last 30 days ({_dist(longest, runner)}) already reaches it."
        )
    else:
        plan.reasons.append(
            "Runs more than 10 % longer than the longest of the previous 30 days are linked "
            f"to more injuries, so the long run grows about 10 % a week: from "
            f"{_dist(longest, runner)} to {_dist(target, runner)} in about {_weeks(weeks)}."
        )
    budget = _budget_s(history)
    run_s = target / 1000 * runner.pace_s_per_km
    if budget is not None and run_s > budget:
        plan.weeks = None
        plan.reasons.append(
            f"At {runner.usual_pace} that run takes about {_hours(run_s)}, more than your "
            f"{_hours(budget)} a week."
        )
    return plan


def _continuous_run(goal, history, runner, today) -> _Plan:
    pace = runner.pace_s_per_km
    target_s = goal.target if goal.unit == "s" else goal.target / 1000 * pace
    reasons = []
    if history.longest_continuous_s:
        current_s = history.longest_continuous_s
    elif history.longest_continuous_m:
        current_s = history.longest_continuous_m / 1000 * pace
    else:
        current_s = runner.longest_m / 1000 * pace
        if current_s:
            reasons.append("This assumes your longest recent run had no walk breaks.")
    if goal.unit != "s":
        reasons.insert(
            0, f"At {runner.usual_pace}, {_dist(goal.target, runner)} is about {_hours(target_s)}."
        )
    weeks = progression.weeks_to_continuous(current_s, target_s)
    if weeks == 0:
        reasons.append(f"You've already run about {_hours(current_s)} without stopping.")
    else:
        reasons.append(
            "Couch to 5K goes from a first minute of running to 30 minutes in 9 weeks, then "
            "the run can grow about 10 % a week: "
            f"{_from(current_s)} that is about {_weeks(weeks)}."
        )
    plan = _Plan(float(weeks), reasons)
    budget = _budget_s(history)
    if budget is not None and target_s > budget:
        plan.weeks = None
        plan.reasons.append(f"That is more than the {_hours(budget)} a week you have.")
    return plan


def _from(seconds: float) -> str:
    return f"from {_hours(seconds)} now" if seconds >= 30 else "starting from scratch"


def _streak(goal, history, runner, today) -> _Plan:
    so_far = history.streak_days
    remaining = goal.target - so_far
    if remaining <= 0:
        return _Plan(0.0, [f"Your streak is already {so_far} days."])
    plan = _Plan(remaining / 7)
    counting = f"Counting the {so_far} days of your current streak, " if so_far else ""
    plan.reasons.append(f"{counting}{remaining:.0f} more days of running in a row get you there.")
    runs = runner.runs_per_week or 0
    if runs < 4 and goal.target > 7:
        plan.cap = STRETCH
        plan.reasons.append(
            f"Every day is a big change from about {runs:.0f} runs a week; short, easy days "
            "(even 10 minutes) are what keep a streak going."
        )
    return plan


_PLANNERS = {
    "weekly_distance": _weekly_distance,
    "monthly_distance": _monthly_distance,
    "yearly_distance": _yearly_distance,
    "weekly_time": _weekly_time,
    "weekly_runs": _weekly_runs,
    "monthly_runs": _monthly_runs,
    "race_finish": _race_finish,
    "longest_run": _longest_run,
    "continuous_run": _continuous_run,
    "streak": _streak,
}
