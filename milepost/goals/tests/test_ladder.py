"""Suggested steps toward a measurable goal (goals/feasibility/ladder.py): they grow at the
rate the verdicts assume, from the runner's own running, and fit the goal's date."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from milepost.goals.feasibility import Effort, HistorySummary, propose_steps
from milepost.goals.feasibility.ladder import (
    MOST_STEPS,
    TAPER_DAYS_LONG,
    continuous_minutes,
    long_runs,
    nice_distance,
    weekly_amounts,
)
from milepost.goals.metrics import GoalTarget
from milepost.runmath import progression
from milepost.runmath.units import HALF_MARATHON_M, MARATHON_M
from milepost.runmath.vdot import race_time, vdot

TODAY = date(2026, 11, 25)
HALF = HALF_MARATHON_M


def steady(km_week=20.0, long_km=8.0, runs=3, effort=None, streak=0, ytd_km=0.0):
    """Eight steady weeks, a long run five days ago and, if given, a 5K time three weeks ago."""
    efforts = (Effort(TODAY - timedelta(days=20), 5000, effort),) if effort else ()
    return HistorySummary(
        efforts=efforts,
        weekly_m=(km_week * 1000,) * 8,
        weekly_s=(km_week * 360,) * 8,
        weekly_runs=(runs,) * 8,
        long_runs=((TODAY - timedelta(days=5), long_km * 1000),),
        streak_days=streak,
        year_to_date_m=ytd_km * 1000,
    )


def goal(metric, target, period="", days=120, **fields):
    return GoalTarget(metric, target, period, by=TODAY + timedelta(days=days), **fields)


def titles(steps):
    return [step.title for step in steps]


# The weekly ladders grow at the verdicts' rates -------------------------------------------------


@pytest.mark.parametrize(
    ("start", "target"), [(0, 16000), (2000, 5000), (4828, 16090), (8000, 32187), (9000, 5000)]
)
def test_the_long_run_takes_the_weeks_the_verdict_counts(start, target):
    rungs = long_runs(start, target)
    assert len(rungs) == progression.weeks_to_longest_run(start, target)
    if rungs:
        assert rungs[-1] == pytest.approx(target)


def test_past_the_base_the_long_run_grows_10_percent_a_week_at_most():
    rungs = long_runs(8000, 32187)
    for before, after in zip([8000, *rungs], rungs, strict=False):
        assert after <= before * 1.1 + 1e-6


@pytest.mark.parametrize(("now", "target"), [(0, 30), (3, 30), (0, 60), (25, 90), (45, 60)])
def test_running_without_walking_takes_couch_to_5k_then_10_percent(now, target):
    rungs = continuous_minutes(now, target)
    assert len(rungs) == progression.weeks_to_continuous(now * 60, target * 60)
    assert rungs[-1] == pytest.approx(target)
    assert rungs == sorted(rungs)


def test_the_week_grows_10_percent_at_most_and_from_nothing_starts_with_couch_to_5k():
    rungs = weekly_amounts(20000, 35000, progression.C25K_END_WEEKLY_M)
    assert len(rungs) == progression.weeks_to_grow(20000, 35000)
    assert all(b <= a * 1.1 + 1e-6 for a, b in zip([20000, *rungs], rungs, strict=False))
    from_nothing = weekly_amounts(None, 35000, progression.C25K_END_WEEKLY_M)
    assert len(from_nothing) == progression.C25K_WEEKS + progression.weeks_to_grow(
        progression.C25K_END_WEEKLY_M, 35000
    )


@pytest.mark.parametrize(
    ("metres", "units", "words"),
    [(16093.44, "km", "16 km"), (16093.44, "mi", "10 mi"), (4828, "km", "5 km"),
     (2400, "km", "2.5 km"), (6437, "mi", "4 mi"), (100, "km", "0.5 km")],
)  # fmt: skip
def test_a_step_says_distances_in_round_numbers(metres, units, words):
    assert nice_distance(metres, units) == words


# Steps for each kind of goal ---------------------------------------------------------------------


def test_a_first_half_with_time_to_spare_builds_the_long_run_and_ends_on_race_day():
    race = goal("race_finish", HALF, days=140)
    steps = propose_steps(race, steady(), TODAY, dated=True)
    assert titles(steps)[-1] == "Race day: the half marathon"
    assert steps[-1].due == race.by
    long_runs_ = steps[:-1]
    assert 1 < len(long_runs_) <= MOST_STEPS
    assert long_runs_[-1].title == "A long run of 16 km"  # Higdon's 10 miles
    # spread out to the race, the last long run a taper before it
    assert race.by - timedelta(days=TAPER_DAYS_LONG + 7) <= long_runs_[-1].due
    assert long_runs_[-1].due <= race.by - timedelta(days=TAPER_DAYS_LONG)


def test_with_too_little_time_the_steps_stay_safe_and_stop_at_the_taper():
    race = goal("race_finish", MARATHON_M, days=70)
    steps = propose_steps(race, steady(), TODAY, dated=True)
    *builds, race_day = steps
    assert race_day.due == race.by
    assert all(step.due <= race.by - timedelta(days=TAPER_DAYS_LONG) for step in builds)
    for step in builds:  # never more than 10 % a week on the 8 km of today
        weeks = (step.due - TODAY).days / 7
        km = float(step.title.removeprefix("A long run of ").removesuffix(" km"))
        assert km <= 8 * 1.1**weeks + 0.5


def test_a_horizon_is_no_race_day_and_the_steps_keep_their_own_pace():
    race = goal("race_finish", HALF, days=365)
    steps = propose_steps(race, steady(), TODAY, dated=False)
    assert not any(title.startswith("Race day") for title in titles(steps))
    assert steps[-1].due < TODAY + timedelta(weeks=12)


def test_a_first_5k_starts_with_running_without_walking():
    steps = propose_steps(goal("race_finish", 5000), HistorySummary(weekly_m=(3000,)), TODAY)
    assert titles(steps)[-1] == "Run 30 min without walking"


def test_miles_for_a_runner_in_miles():
    steps = propose_steps(goal("longest_run", 16093.44, days=60), steady(), TODAY, units="mi")
    assert titles(steps)[-1] == "A long run of 10 mi"


def test_a_race_time_is_checked_with_time_trials_that_get_closer():
    target = race_time(vdot(5000, 1650) + 2, 5000)  # two VDOT points faster than today
    steps = propose_steps(
        goal("race_time", target, days=200, race_distance_m=5000), steady(effort=1650), TODAY
    )
    times = [step.title.removeprefix("A timed 5K in ") for step in steps]
    assert times == sorted(times, reverse=True)
    assert all(t >= "26:" for t in times) and times[0] < "27:30"


def test_a_race_time_without_a_timed_run_starts_with_one():
    steps = propose_steps(goal("race_time", 1500, race_distance_m=5000), steady(), TODAY)
    assert titles(steps) == ["Run a timed 5K (a parkrun is ideal) to see where you are"]


def test_a_half_marathon_time_also_builds_the_long_run():
    steps = propose_steps(
        goal("race_time", 6600, days=180, race_distance_m=HALF),
        steady(effort=1650),
        TODAY,
        dated=True,
    )
    assert any(t.startswith("A timed 5K") for t in titles(steps))
    assert any(t.startswith("A long run of") for t in titles(steps))
    assert titles(steps)[-1] == "Race day: the half marathon"
    assert len(steps) <= MOST_STEPS + 1


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (goal("distance", 35000, "week"), "A week of 35 km"),
        (goal("distance", 150000, "month"), "A week of 34 km (150 km a month)"),
        (goal("time", 4 * 3600, "week"), "A week of 4 h running"),
        (goal("runs", 5, "week"), "5 runs a week, two weeks in a row"),
        (goal("continuous_run", 3600, unit="s"), "Run 1 h without walking"),
        (goal("continuous_run", 10000, unit="m"), "Run 10 km without walking"),
        (goal("streak", 30), "A 30-day streak"),
    ],
)
def test_each_kind_of_goal_ends_at_its_target(made, expected):
    steps = propose_steps(made, steady(), TODAY)
    assert titles(steps)[-1] == expected
    assert len(steps) <= MOST_STEPS


def test_a_year_total_is_marked_at_the_quarters_left():
    steps = propose_steps(goal("distance", 1000000, "year"), steady(ytd_km=100), date(2026, 2, 1))
    assert [s.due for s in steps] == [
        date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)
    ]  # fmt: skip
    assert titles(steps)[-1] == "1000 km this year by 31 December"


def test_a_streak_counts_from_the_streak_under_way():
    steps = propose_steps(goal("streak", 21), steady(streak=10), TODAY)
    assert titles(steps) == ["A 14-day streak", "A 21-day streak"]
    assert steps[0].due == TODAY + timedelta(days=3)


def test_a_goal_already_within_reach_needs_no_ladder():
    assert propose_steps(goal("longest_run", 6000), steady(long_km=8), TODAY) == []
    assert propose_steps(goal("runs", 3, "week"), steady(runs=3), TODAY) == []


METRICS = st.sampled_from(
    [("distance", "week"), ("distance", "month"), ("time", "week"), ("runs", "week"),
     ("runs", "month"), ("race_finish", ""), ("longest_run", ""), ("continuous_run", ""),
     ("streak", ""), ("race_time", ""), ("distance", "year")]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    metric=METRICS,
    target=st.floats(1, 200000),
    days=st.integers(1, 800),
    km_week=st.floats(0, 120),
    long_km=st.floats(0, 40),
    effort=st.one_of(st.none(), st.floats(900, 3000)),
    dated=st.booleans(),
    units=st.sampled_from(["km", "mi"]),
)
def test_any_goal_gets_a_few_dated_steps_in_order(
    metric, target, days, km_week, long_km, effort, dated, units
):
    metric, period = metric
    distance = HALF if metric == "race_time" else None
    if metric == "race_time":
        target = max(target, 3000)
    made = goal(metric, target, period, days=days, race_distance_m=distance, unit="m")
    steps = propose_steps(
        made, steady(km_week, long_km, effort=effort), TODAY, units=units, dated=dated
    )
    assert len(steps) <= MOST_STEPS + 1
    assert [s.due for s in steps] == sorted(s.due for s in steps)
    assert all(s.due >= TODAY and s.title for s in steps)
    assert len(set(titles(steps))) == len(steps)
    if dated:
        assert all(s.due <= made.by for s in steps)
