"""Volume and frequency goals: distance a week, a month or a year, time a week, runs a week
or a month.
"""

import math
from functools import partial

from milepost.runmath import progression
from milepost.runmath.units import format_hours

from .model import (
    MINUTES_PER_RUN,
    RECENT_WEEKS,
    RETURN_WEEKS,
    STRETCH,
    WEEKS_PER_EXTRA_RUN,
    WEEKS_PER_MONTH,
    _Plan,
    _Runner,
)
from .runner import _budget_s
from .words import _dist, _runs, _weeks


def _weekly_level(target_per_week, current, start, show, season=None) -> _Plan:
    """Weeks to lift a weekly amount from ``current`` (or from scratch) to ``target_per_week``.

    From scratch, Couch to 5K comes first and ends at ``start`` a week. Recent weeks weigh
    more than a single average: a level held for four weeks in a row within the season
    (``season``) comes back in ``RETURN_WEEKS``, even after a break.
    """
    below = not current or current < target_per_week
    if below and season and season >= target_per_week:
        weeks = RETURN_WEEKS
        if current:
            weeks = min(weeks, progression.weeks_to_grow(current, target_per_week))
        return _Plan(
            float(weeks),
            [
                f"You ran about {show(season)} a week over four weeks earlier this season, "
                f"so {show(target_per_week)} is a level your body knows. Easing back in over "
                f"about {_weeks(max(weeks, 1))} gets you there."
            ],
        )
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
    show = partial(_dist, runner=runner)
    plan = _weekly_level(target_per_week, runner.weekly_m, start, show, runner.season_weekly_m)
    if progression.two_week_growth_warning(history.weekly_m):
        plan.reasons.append(
            "Your week has already grown more than 30 % over the last two weeks; an easier "
            "week before the next step up gives your legs time to catch up."
        )
    runs = max(round(runner.runs_per_week or 3), 1)
    per_run = target_per_week / runs
    if runner.longest_m and per_run > progression.SPIKE_WARNING * runner.longest_m:
        plan.reasons.append(
            f"At {_runs(runs)} a week that is about {_dist(per_run, runner)} a run, longer than "
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
        f"At {runner.usual_pace} that takes about {format_hours(weekly_s)} a week; with "
        f"{format_hours(budget)}, about {_dist(fits, runner)} a week fits."
    )


def plan_weekly_distance(goal, history, runner, today) -> _Plan:
    return _distance_per_week(goal.target, history, runner)


def plan_monthly_distance(goal, history, runner, today) -> _Plan:
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


def plan_yearly_distance(goal, history, runner, today) -> _Plan:
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


def plan_weekly_time(goal, history, runner, today) -> _Plan:
    start = progression.C25K_END_WEEKLY_M / 1000 * runner.pace_s_per_km
    plan = _weekly_level(goal.target, runner.weekly_s, start, format_hours, runner.season_weekly_s)
    budget = _budget_s(history)
    if budget is not None and goal.target > budget:
        plan.weeks = None
        plan.reasons.append(
            f"That is more than the {format_hours(budget)} a week you have for running."
        )
    return plan


def _runs_per_week(target: float, history, runner: _Runner) -> _Plan:
    current = runner.runs_per_week or 0.0
    extra = max(math.ceil(target - current - 1e-9), 0)
    plan = _Plan(float(extra * WEEKS_PER_EXTRA_RUN))
    if current < 0.5:
        lately = f"Over the last {RECENT_WEEKS} weeks there were few runs to build on"
    else:
        lately = f"You've run about {_runs(current)} a week lately"
    if extra == 0:
        plan.reasons.append(f"{lately}, which already does it.")
    else:
        plan.reasons.append(
            f"{lately}. Adding one run a week every couple of weeks gets you to "
            f"{_runs(math.ceil(target - 1e-9))} a week in about {_weeks(plan.weeks)}."
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
            f"{_runs(target)} of about {MINUTES_PER_RUN} minutes need more than the "
            f"{format_hours(budget)} a week you have."
        )
    return plan


def plan_weekly_runs(goal, history, runner, today) -> _Plan:
    return _runs_per_week(goal.target, history, runner)


def plan_monthly_runs(goal, history, runner, today) -> _Plan:
    plan = _runs_per_week(goal.target / WEEKS_PER_MONTH, history, runner)
    if plan.weeks:
        plan.weeks += WEEKS_PER_MONTH
    return plan
