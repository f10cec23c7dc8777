"""Single-run goals: the longest run, a continuous run (no walk breaks) and a streak."""

from milepost.runmath import progression
from milepost.runmath.units import format_hours

from .model import STRETCH, _Plan
from .runner import _budget_s
from .words import _dist, _runs, _weeks


def plan_longest_run(goal, history, runner, today) -> _Plan:
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
            f"At {runner.usual_pace} that run takes about {format_hours(run_s)}, more than your "
            f"{format_hours(budget)} a week."
        )
    return plan


def plan_continuous_run(goal, history, runner, today) -> _Plan:
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
        distance = _dist(goal.target, runner)
        reasons.insert(0, f"At {runner.usual_pace}, {distance} is about {format_hours(target_s)}.")
    weeks = progression.weeks_to_continuous(current_s, target_s)
    if weeks == 0:
        reasons.append(f"You've already run about {format_hours(current_s)} without stopping.")
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
        plan.reasons.append(f"That is more than the {format_hours(budget)} a week you have.")
    return plan


def _from(seconds: float) -> str:
    return f"from {format_hours(seconds)} now" if seconds >= 30 else "starting from scratch"


def plan_streak(goal, history, runner, today) -> _Plan:
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
            f"Every day is a big change from about {_runs(runs)} a week; short, easy days "
            "(even 10 minutes) are what keep a streak going."
        )
    return plan
