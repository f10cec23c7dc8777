"""Race goals: finishing a race distance (the build-up) and a race time (the season's best
effort, the marathon allowance for recreational runners, the age drift).
"""

from milepost.runmath import RunmathError, agegrade, progression, standards
from milepost.runmath.equivalence import vickers_marathon
from milepost.runmath.units import MARATHON_M, METRES_PER_MILE, format_duration, format_hours
from milepost.runmath.vdot import race_time, vdot

from .model import (
    _ORDER,
    HALF_M,
    MINUTES_PER_RUN,
    STRETCH,
    VDOT_GAIN_PER_WEEK,
    HistorySummary,
    NeedHistory,
    _Plan,
    _Runner,
)
from .runner import _best_effort, _budget_s, _season_efforts
from .words import _day, _dist, _race, _weeks


def plan_race_finish(goal, history, runner, today) -> _Plan:
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
    if distance_m <= HALF_M and runner.experienced:
        return (
            f"Long runs of about {_dist(ready, runner)} make this distance comfortable. From "
            f"your longest run lately ({longest}) that is about {_weeks(weeks)}."
        )
    if distance_m <= HALF_M:
        return (
            f"Long runs of about {_dist(ready, runner)} make this distance comfortable; a novice "
            "half-marathon plan builds them in 12 weeks from 3-mile runs. From your longest "
            f"run lately ({longest}) that is about {_weeks(weeks)}."
        )
    if runner.experienced:
        return (
            f"The marathon's long runs build to about {_dist(ready, runner)}. From your "
            f"{_dist(weekly, runner)} a week and longest run lately ({longest}), building "
            f"the long run to that takes about {_weeks(weeks)}."
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
            f"At {runner.usual_pace}, the longest training runs take about "
            f"{format_hours(long_run_s)}, more than the {format_hours(budget)} a week you have."
        )
    elif peak_s > budget:
        plan.cap = max(plan.cap, STRETCH, key=_ORDER.index)
        plan.reasons.append(
            f"The biggest weeks ask for about {format_hours(peak_s)} of running and you have "
            f"{format_hours(budget)}; it can work with shorter midweek runs, but it is tight."
        )


def plan_race_time(goal, history, runner, today) -> _Plan:
    efforts = _season_efforts(history, today)
    if not efforts:
        raise NeedHistory(
            "To judge a race time, Milepost needs a race or timed run from the last six "
            "months, such as a parkrun. Add one and ask again."
        )
    effort, value = _best_effort(efforts) or (None, None)
    if effort is None:
        return _Plan(None, ["Milepost couldn't read a time from your recent races; check them."])
    distance, race = goal.race_distance_m, _race(goal.race_distance_m, runner)
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
    if abs(distance - MARATHON_M) <= MARATHON_M * 0.01:
        plan.reasons.extend(_boston(goal, history, today))
    return plan


def _boston(goal, history: HistorySummary, today) -> list[str]:
    """The Boston standard for the runner's age on race day (about: Milepost knows the birth
    year) and category, and how the target sits against it and the recent cut-off."""
    age = history.age
    if age is not None and goal.by > today:
        age += int((goal.by - today).days / 365.25)
    return standards.boston_sentences(goal.target, age, history.category)


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
