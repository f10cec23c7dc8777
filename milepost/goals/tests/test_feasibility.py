"""Feasibility of measurable goals, on concrete runners (RUNNING_SCIENCE.md §2.3 and §5)."""

from datetime import date, timedelta

import pytest

from milepost.goals.feasibility import (
    NEED_HISTORY,
    REALISTIC,
    STRETCH,
    UNLIKELY,
    Effort,
    FeasibilityError,
    HistorySummary,
    assess,
)
from milepost.goals.metrics import METRICS, GoalTarget

TODAY = date(2026, 3, 2)
MILE = 1609.344
HALF, MARATHON = 21097.5, 42195.0
# Every metric and period feasibility has a plan for.
JUDGED = [
    (key, period)
    for key, metric in METRICS.items()
    for period in (("week", "month", "year") if metric.periodic else ("",))
    if metric.judge_for(period)
]


def weeks(n: float) -> date:
    return TODAY + timedelta(weeks=n)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def season(weekly_km: float, longest_km: float, runs: int = 3, pace_s_per_km: float = 380):
    """Four steady weeks and one long run last Sunday."""
    return {
        "weekly_m": (weekly_km * 1000,) * 4,
        "weekly_s": (weekly_km * pace_s_per_km,) * 4,
        "weekly_runs": (runs,) * 4,
        "long_runs": ((days_ago(6), longest_km * 1000),),
    }


def five_k_in_25(**overrides) -> HistorySummary:
    """Ana: 25:00 at a parkrun three weeks ago, 20 km a week, 8 km long runs."""
    fields = season(20, 8) | {"efforts": (Effort(days_ago(20), 5000, 25 * 60),)}
    return HistorySummary(**(fields | overrides))


# A 25-minute 5K runner aiming at a sub-2-hour half marathon in 12 weeks.


def test_a_25_minute_5k_runner_can_aim_for_a_sub_2_half_in_12_weeks():
    goal = GoalTarget("race_time", 2 * 3600, by=weeks(12), race_distance_m=HALF)
    result = assess(goal, five_k_in_25(), TODAY)
    assert result.verdict == REALISTIC
    assert result.realistic_date <= goal.by
    # 5K 25:00 lies between VDOT rows 38 (25:12) and 39 (24:39): half 1:55:55 to 1:53:24.
    assert 1 * 3600 + 53 * 60 + 24 <= result.prediction_s <= 1 * 3600 + 55 * 60 + 55
    text = " ".join(result.reasons)
    assert "25:00" in text and "half marathon" in text and "16.1 km" in text


def test_the_same_runner_with_3_km_long_runs_is_stretching():
    # Couch to 5K's last weeks up to 3-mile runs, then the 12-week novice half plan.
    history = five_k_in_25(**season(8, 3), efforts=(Effort(days_ago(40), 5000, 25 * 60),))
    goal = GoalTarget("race_time", 2 * 3600, by=weeks(12), race_distance_m=HALF)
    result = assess(goal, history, TODAY)
    assert result.verdict == STRETCH
    assert result.realistic_date > goal.by
    assert result.weeks_needed > 12


def test_a_time_the_recent_races_do_not_support_yet_needs_longer():
    goal = GoalTarget("race_time", 1 * 3600 + 45 * 60, by=weeks(12), race_distance_m=HALF)
    result = assess(goal, five_k_in_25(), TODAY)
    assert result.verdict == UNLIKELY
    assert result.realistic_date > goal.by
    assert any("quicker" in reason for reason in result.reasons)


# A 15 km a week runner aiming at a marathon in 6 weeks.


def test_a_15_km_a_week_runner_is_unlikely_to_be_ready_for_a_marathon_in_6_weeks():
    goal = GoalTarget("race_finish", MARATHON, by=weeks(6))
    result = assess(goal, HistorySummary(**season(15, 7)), TODAY)
    assert result.verdict == UNLIKELY
    # Higdon's novice plan alone is 18 weeks, from 15 miles a week.
    assert result.realistic_date >= weeks(18)
    text = " ".join(result.reasons)
    assert "18 weeks" in text
    assert "30 km" in text  # Rasmussen 2013
    assert result.realistic_date.strftime("%B") in text


def test_a_marathon_from_nothing_takes_couch_to_5k_entry_level_and_the_plan():
    goal = GoalTarget("race_finish", MARATHON, by=weeks(26))
    result = assess(goal, HistorySummary(weekly_m=(0, 0, 0, 0)), TODAY)
    assert result.weeks_needed == 9 + 8 + 18
    assert result.verdict == STRETCH  # "tight but possible" (§5.3)


# No history.


@pytest.mark.parametrize(("metric", "period"), JUDGED)
def test_without_history_the_answer_asks_for_a_race_or_a_typical_week(metric, period):
    goal = GoalTarget(metric, 5000, period, by=weeks(10), race_distance_m=5000)
    result = assess(goal, HistorySummary(), TODAY)
    assert result.verdict == NEED_HISTORY
    assert result.realistic_date is None
    assert "recent race" in result.reasons[0] and "typical week" in result.reasons[0]


def test_a_race_time_without_a_recent_race_asks_for_one():
    goal = GoalTarget("race_time", 50 * 60, by=weeks(10), race_distance_m=10000)
    old = Effort(TODAY - timedelta(days=400), 10000, 48 * 60)
    result = assess(goal, HistorySummary(efforts=(old,), **season(20, 8)), TODAY)
    assert result.verdict == NEED_HISTORY
    assert "race or timed run" in result.reasons[0]


# Recreational marathoners run slower than the equivalence tables (§2.3).


def test_marathon_predictions_allow_for_recreational_runners():
    history = HistorySummary(
        efforts=(Effort(days_ago(30), HALF, 1 * 3600 + 45 * 60),),
        **season(30 * MILE / 1000, 25),
    )
    goal = GoalTarget("race_time", 3 * 3600 + 40 * 60, by=weeks(10), race_distance_m=MARATHON)
    result = assess(goal, history, TODAY)
    # Riegel says 3:38:55; Vickers & Vertosick model 1 at 30 mi/week says 3:54:10.
    assert result.prediction_s == pytest.approx(3 * 3600 + 54 * 60 + 10, abs=1)
    assert result.verdict == UNLIKELY
    assert any("slower than shorter races suggest" in reason for reason in result.reasons)


def test_the_prediction_allows_for_age_as_the_tables_do():
    # Men's 10K factors (§4.4): 0.7386 at 70, 0.6928 at 75.
    today, by = date(2026, 1, 1), date(2031, 1, 1)
    history = HistorySummary(
        efforts=(Effort(today - timedelta(days=10), 10000, 55 * 60),),
        age=70,
        category="men",
        **season(25, 12),
    )
    goal = GoalTarget("race_time", 55 * 60, by=by, race_distance_m=10000)
    result = assess(goal, history, today)
    assert result.prediction_s == pytest.approx(55 * 60 * 0.7386 / 0.6928, rel=5e-4)


# Volume, long runs and the §5.4 checks.


@pytest.mark.parametrize(
    ("in_weeks", "verdict"), [(6, REALISTIC), (5, REALISTIC), (4, STRETCH), (3, UNLIKELY)]
)
def test_weekly_distance_grows_about_ten_percent_a_week(in_weeks, verdict):
    # 20 -> 30 km: 1.1 ** 5 = 1.61 >= 1.5 > 1.1 ** 4 = 1.46, so 5 weeks.
    goal = GoalTarget("distance", 30000, "week", by=weeks(in_weeks))
    result = assess(goal, HistorySummary(**season(20, 8)), TODAY)
    assert result.verdict == verdict
    assert result.weeks_needed == 5


def test_a_recent_two_week_jump_over_30_percent_is_mentioned():
    history = HistorySummary(weekly_m=(18000, 20000, 22000, 27000), weekly_runs=(3, 3, 3, 3))
    result = assess(GoalTarget("distance", 30000, "week", by=weeks(8)), history, TODAY)
    assert any("more than 30 %" in reason for reason in result.reasons)


def test_a_week_that_needs_runs_longer_than_lately_suggests_another_run():
    result = assess(
        GoalTarget("distance", 36000, "week", by=weeks(10)), HistorySummary(**season(24, 9)), TODAY
    )
    assert any("extra short run" in reason for reason in result.reasons)


@pytest.mark.parametrize(("in_weeks", "verdict"), [(5, REALISTIC), (4, STRETCH), (3, UNLIKELY)])
def test_the_long_run_grows_within_110_percent_of_the_last_30_days(in_weeks, verdict):
    # 10 -> 15 km at 10 % a week: 1.1 ** 5 = 1.61 >= 1.5, so 5 weeks.
    goal = GoalTarget("longest_run", 15000, by=weeks(in_weeks))
    result = assess(goal, HistorySummary(**season(25, 10)), TODAY)
    assert result.verdict == verdict
    assert result.weeks_needed == 5
    assert "10 %" in result.reasons[0]


def test_a_long_run_older_than_30_days_does_not_count():
    history = HistorySummary(weekly_m=(5000,) * 4, long_runs=((days_ago(40), 15000),))
    result = assess(GoalTarget("longest_run", 15000, by=weeks(12)), history, TODAY)
    assert result.weeks_needed > 0


@pytest.mark.parametrize(("in_weeks", "verdict"), [(10, REALISTIC), (7, STRETCH), (4, UNLIKELY)])
def test_thirty_minutes_without_walking_takes_couch_to_5k_nine_weeks(in_weeks, verdict):
    goal = GoalTarget("continuous_run", 30 * 60, by=weeks(in_weeks), unit="s")
    result = assess(goal, HistorySummary(weekly_m=(0, 0, 0, 0), longest_continuous_s=0), TODAY)
    assert result.weeks_needed == 9
    assert result.verdict == verdict


def test_a_continuous_run_in_metres_uses_the_runners_pace():
    # 5 km at 6:00/km is 30 minutes; already 20 minutes without walking: weeks 6-9 to go.
    history = HistorySummary(**season(12, 4, pace_s_per_km=360), longest_continuous_s=20 * 60)
    result = assess(GoalTarget("continuous_run", 5000, by=weeks(8)), history, TODAY)
    assert result.weeks_needed == 4
    assert result.verdict == REALISTIC


def test_a_monthly_distance_already_run_is_realistic():
    history = HistorySummary(**season(25, 10))
    result = assess(GoalTarget("distance", 100_000, "month", by=weeks(4)), history, TODAY)
    assert result.verdict == REALISTIC
    assert "100 km" in result.reasons[0]


def test_a_yearly_distance_counts_what_is_already_done():
    history = HistorySummary(year_to_date_m=500_000, **season(20, 10))
    goal = GoalTarget("distance", 1_000_000, "year", by=date(2026, 12, 31))
    result = assess(goal, history, date(2026, 7, 1))
    assert result.verdict == REALISTIC
    assert "500 km" in result.reasons[0]


def test_weekly_runs_add_one_every_couple_of_weeks():
    result = assess(GoalTarget("runs", 5, "week", by=weeks(3)), five_k_in_25(), TODAY)
    assert result.weeks_needed == 4
    assert result.verdict == STRETCH


def test_a_streak_cannot_outrun_the_calendar():
    history = HistorySummary(streak_days=10, **season(30, 10, runs=6))
    assert assess(GoalTarget("streak", 30, by=weeks(4)), history, TODAY).verdict == REALISTIC
    result = assess(GoalTarget("streak", 30, by=weeks(2)), history, TODAY)
    assert result.verdict == UNLIKELY
    assert result.realistic_date == TODAY + timedelta(days=20)


# The time budget.


def test_a_half_marathon_in_90_minutes_a_week_does_not_fit():
    history = HistorySummary(hours_per_week=1.5, **season(15, 5, pace_s_per_km=420))
    result = assess(GoalTarget("race_finish", HALF, by=weeks(20)), history, TODAY)
    assert result.verdict == UNLIKELY
    assert result.realistic_date is None
    assert any("1 h 30 min" in reason for reason in result.reasons)


def test_a_weekly_distance_beyond_the_time_budget_says_what_fits():
    history = HistorySummary(hours_per_week=3, **season(20, 8, pace_s_per_km=390))
    result = assess(GoalTarget("distance", 40000, "week", by=weeks(30)), history, TODAY)
    assert result.verdict == UNLIKELY
    assert any("27.7 km a week fits" in reason for reason in result.reasons)


# Wording and edges.


def test_reasons_follow_the_runners_units():
    result = assess(
        GoalTarget("race_finish", MARATHON, by=weeks(6)), HistorySummary(**season(15, 7)), TODAY,
        units="mi",
    )  # fmt: skip
    text = " ".join(result.reasons)
    assert " mi " in text and " km " not in text


def test_reasons_compare_only_with_the_runners_own_season():
    goals = [
        GoalTarget("race_time", 3 * 3600 + 30 * 60, by=weeks(8), race_distance_m=MARATHON),
        GoalTarget("race_finish", MARATHON, by=weeks(6)),
        GoalTarget("distance", 60000, "week", by=weeks(3)),
        GoalTarget("streak", 100, by=weeks(4)),
    ]
    history = five_k_in_25(age=58, category="women")
    for goal in goals:
        text = " ".join(assess(goal, history, TODAY).reasons).lower()
        for word in ("younger", "other runners", "most runners", "unproductive", "too old"):
            assert word not in text


def test_an_ultra_is_at_best_a_stretch():
    history = HistorySummary(**season(70, 32))
    result = assess(GoalTarget("race_finish", 50000, by=weeks(20)), history, TODAY)
    assert result.verdict == STRETCH
    assert any("coach" in reason for reason in result.reasons)


def test_a_date_in_the_past_asks_for_a_new_one():
    result = assess(GoalTarget("longest_run", 20000, by=weeks(-1)), five_k_in_25(), TODAY)
    assert result.verdict == UNLIKELY
    assert any("date has passed" in reason for reason in result.reasons)


@pytest.mark.parametrize(
    ("metric", "period"),
    [
        ("distance", "week"),
        ("distance", "month"),
        ("distance", "year"),
        ("time", "week"),
        ("runs", "month"),
        ("race_time", ""),
        ("streak", ""),
    ],
)
def test_goals_stored_as_metric_and_period_have_a_plan_and_steps(metric, period):
    entry = METRICS[metric]
    assert entry.judge_for(period) is not None and entry.ladder_for(period) is not None


@pytest.mark.parametrize(
    "goal",
    [
        GoalTarget("fastest_mile", 300, by=weeks(4)),
        GoalTarget("distance", 0, "week", by=weeks(4)),
        GoalTarget("race_time", 3000, by=weeks(4)),
        GoalTarget("continuous_run", 3000, by=weeks(4), unit="laps"),
    ],
)
def test_goals_that_cannot_be_assessed_raise_a_clear_error(goal):
    with pytest.raises(FeasibilityError):
        assess(goal, five_k_in_25(), TODAY)


def test_a_period_without_a_check_raises():
    with pytest.raises(FeasibilityError, match="runs per year"):
        assess(GoalTarget("runs", 3, "year", by=weeks(4)), five_k_in_25(), TODAY)


# Issue 12: as runners live it.


def test_a_level_held_earlier_in_the_season_counts_after_a_break():
    """30-35 km weeks until five weeks ago, a break, then a comeback: 25 km is realistic."""
    weekly = (30, 33, 35, 32, 34, 31, 33, 0, 0, 0, 8, 12)
    history = HistorySummary(
        weekly_m=tuple(km * 1000 for km in weekly),
        weekly_runs=(4,) * 7 + (0, 0, 0, 2, 3),
        long_runs=((days_ago(3), 7000),),
    )
    result = assess(GoalTarget("distance", 25000, "week", by=weeks(3)), history, TODAY)
    assert result.verdict == REALISTIC
    assert "level your body knows" in result.reasons[0]
    assert "33" in result.reasons[0]  # the best four weeks in a row: 33.25 km


def test_a_level_never_held_still_grows_ten_percent_a_week():
    history = HistorySummary(weekly_m=(10000,) * 8 + (12000,) * 4, weekly_runs=(3,) * 12)
    result = assess(GoalTarget("distance", 25000, "week", by=weeks(3)), history, TODAY)
    assert result.verdict == UNLIKELY


def test_runs_are_counted_in_plain_words():
    history = HistorySummary(weekly_runs=(1, 1, 1, 1), weekly_m=(5000,) * 4)
    result = assess(GoalTarget("runs", 2, "week", by=weeks(6)), history, TODAY)
    text = " ".join(result.reasons)
    assert "about 1 run a week" in text and "2 runs a week" in text
    assert "1 runs" not in text and "times a week" not in text


def test_no_runs_lately_is_never_about_0_times_a_week():
    history = HistorySummary(weekly_runs=(0, 0, 0, 0), weekly_m=(0,) * 4, streak_days=0)
    result = assess(GoalTarget("runs", 3, "week", by=weeks(8)), history, TODAY)
    text = " ".join(result.reasons)
    assert "0 times" not in text and "0 runs" not in text
    assert "few runs to build on" in text


def mark() -> HistorySummary:
    """Mark, 47: a 3:20 marathoner, 55 km weeks, 26 km long runs, a 1:33 half last month."""
    return HistorySummary(
        efforts=(Effort(days_ago(30), HALF, 93 * 60),),
        **season(55, 26, runs=5, pace_s_per_km=330),
        age=47,
        category="men",
    )


def test_an_experienced_marathoner_gets_no_beginner_plan_citations():
    history = HistorySummary(
        efforts=(Effort(days_ago(30), HALF, 93 * 60),),
        **season(55, 12, runs=5, pace_s_per_km=330),
    )
    result = assess(
        GoalTarget("race_time", 3 * 3600 + 15 * 60, race_distance_m=MARATHON, by=weeks(16)),
        history,
        TODAY,
    )
    text = " ".join(result.reasons).lower()
    assert "novice" not in text and "couch to 5k" not in text
    assert "long runs build to about" in text


def test_a_one_hour_marathon_is_not_possible_and_gets_no_date():
    from milepost.goals.feasibility import NOT_POSSIBLE

    result = assess(
        GoalTarget("race_time", 3600, race_distance_m=MARATHON, by=weeks(20)), mark(), TODAY
    )
    assert result.verdict == NOT_POSSIBLE
    assert result.realistic_date is None
    assert len(result.reasons) == 1
    assert "isn't possible" in result.reasons[0] and "world record" in result.reasons[0]


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("3:25:00", "10:00 slower than that"),
        ("3:13:00", "needed 4:34 under it"),
        ("3:05:00", "10:00 under it, more than the 4:34 cut-off"),
    ],
)
def test_a_marathon_time_goal_tells_the_boston_standard_for_age_on_race_day(target, words):
    from milepost.runmath.units import parse_duration

    goal = GoalTarget("race_time", parse_duration(target), race_distance_m=MARATHON, by=weeks(20))
    text = " ".join(assess(goal, mark(), TODAY).reasons)
    assert "Boston 2026 qualifying standard for men aged 47 on race day is 3:15:00" in text
    assert words in text


def test_without_age_or_category_the_boston_line_says_what_is_needed():
    goal = GoalTarget("race_time", 3 * 3600 + 15 * 60, race_distance_m=MARATHON, by=weeks(20))
    history = HistorySummary(**(vars(mark()) | {"age": None}))
    text = " ".join(assess(goal, history, TODAY).reasons)
    assert "Add your birth year and a category" in text
