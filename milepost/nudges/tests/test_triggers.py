"""Revisit triggers on synthetic seasons: when it is time to set goals again (DESIGN §2)."""

import re
import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from milepost.nudges import triggers
from milepost.nudges.triggers import (
    BREAK,
    GOAL_REACHED,
    KINDS,
    LOW_MOTIVATION,
    NEW_CYCLE,
    PLATEAU,
    CheckIn,
    Effort,
    Nudge,
    OpenGoal,
    RunDay,
    back_after_break,
    detect,
    goal_reached,
    low_motivation,
    new_training_cycle,
    plateau,
    weekly_distance,
)

TODAY = date(2026, 3, 4)  # a Wednesday
MONDAY = date(2026, 3, 2)  # this week's Monday; the last complete week ended Sunday 1 March
HALF = OpenGoal(1, "Half marathon in June", "race_time", 7200, date(2026, 6, 7), is_race=True)
FORTY = OpenGoal(2, "40 km a week", "distance", 40000)
SMILING = OpenGoal(3, "Finish every run smiling")  # experiential: no metric
# Words Milepost never uses about a runner's running (DESIGN §2: kind, age-aware).
UNKIND = re.compile(
    r"unproductive|younger|\bage\b|other runners|used to|fail|lazy|\bonly\b|should|behind|"
    r"worse|slow|poor|bad\b|wasted",
    re.IGNORECASE,
)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def weeks_km(*km: float, end: date = MONDAY) -> dict[date, float]:
    """Weekly metres for consecutive weeks, the last one ending the Sunday before ``end``."""
    return {end - timedelta(weeks=len(km) - i): k * 1000 for i, k in enumerate(km)}


def every(first: date, last: date, weekdays=(0, 2, 5), km: float = 6, feeling=None):
    """Runs on the given weekdays (Monday 0) from ``first`` to ``last``, both included."""
    days = (first + timedelta(days=i) for i in range((last - first).days + 1))
    return [RunDay(d, km * 1000, km * 360, feeling) for d in days if d.weekday() in weekdays]


def daily(first: date, last: date, km: float = 5):
    return every(first, last, weekdays=range(7), km=km)


def assert_kind(nudge: Nudge) -> None:
    assert nudge.kind in KINDS
    assert not UNKIND.search(nudge.reason), nudge.reason
    assert nudge.reason.endswith(".")


# Back after a break ------------------------------------------------------------------------


def test_the_first_run_after_23_days_off_is_a_welcome_back():
    runs = every(date(2026, 1, 1), date(2026, 2, 7)) + [RunDay(days_ago(1), 4000)]
    # Last run before the break: Saturday 7 February; back on Tuesday 3 March. Off: 8 to 28
    # February (21 days) and 1-2 March.
    nudge = back_after_break(runs, TODAY)
    assert nudge == Nudge(
        BREAK,
        date(2026, 3, 3),
        "Welcome back: your first run after 23 days off. A fresh round can set goals that "
        "fit where you are now.",
    )
    assert_kind(nudge)


@pytest.mark.parametrize(("off", "fires"), [(13, False), (14, True), (15, True)])
def test_a_break_is_14_days_off_or_more(off, fires):
    runs = [RunDay(days_ago(off + 1), 5000), RunDay(TODAY, 5000)]
    nudge = back_after_break(runs, TODAY)
    assert (nudge is not None) is fires
    if fires:
        assert f"after {off} days off" in nudge.reason and nudge.since == TODAY


def test_the_break_length_is_configurable():
    runs = [RunDay(days_ago(11), 5000), RunDay(TODAY, 5000)]  # 10 days off
    assert back_after_break(runs, TODAY) is None
    assert back_after_break(runs, TODAY, min_gap_days=7).since == TODAY


@pytest.mark.parametrize(("back_days_ago", "open_"), [(0, True), (27, True), (28, False)])
def test_a_welcome_back_stays_open_for_four_weeks(back_days_ago, open_):
    back = days_ago(back_days_ago)
    runs = [RunDay(back - timedelta(days=30), 5000)] + daily(back, TODAY)
    assert (back_after_break(runs, TODAY) is not None) is open_


def test_a_break_five_months_ago_is_no_longer_open():
    runs = every(date(2025, 8, 1), date(2025, 9, 10)) + every(date(2025, 10, 1), TODAY)
    assert back_after_break(runs, TODAY) is None


def test_the_latest_comeback_is_the_one_that_counts():
    runs = [RunDay(days_ago(60), 5000), RunDay(days_ago(20), 5000), RunDay(days_ago(5), 5000)]
    # 39 days off, back 20 days ago; then 14 days off, back 5 days ago.
    assert back_after_break(runs, TODAY).since == days_ago(5)


def test_a_first_run_ever_is_a_start_not_a_comeback():
    assert back_after_break([RunDay(TODAY, 3000)], TODAY) is None
    assert back_after_break([], TODAY) is None


def test_still_away_is_not_yet_back():
    runs = [RunDay(days_ago(30), 5000)]
    assert back_after_break(runs, TODAY) is None


def test_a_run_after_today_is_not_seen():
    runs = [RunDay(days_ago(20), 5000), RunDay(TODAY + timedelta(days=1), 5000)]
    assert back_after_break(runs, TODAY) is None


def test_two_runs_on_the_comeback_day_count_once():
    runs = [RunDay(days_ago(20), 5000), RunDay(TODAY, 3000), RunDay(TODAY, 2000)]
    assert "19 days off" in back_after_break(runs, TODAY).reason


# New training cycle ------------------------------------------------------------------------


def test_a_cycle_the_runner_set_starts_today():
    [nudge] = new_training_cycle([TODAY], [], TODAY)
    assert nudge.kind == NEW_CYCLE and nudge.since == TODAY
    assert nudge.reason.startswith("Your new training cycle starts today.")
    assert_kind(nudge)


@pytest.mark.parametrize(("start", "open_"), [(1, False), (-10, True), (-27, True), (-28, False)])
def test_a_cycle_start_is_open_from_its_day_for_four_weeks(start, open_):
    day = TODAY + timedelta(days=start)
    nudges = new_training_cycle([day], [], TODAY)
    assert bool(nudges) is open_
    if open_:
        assert nudges[0].since == day
        assert f"began on {day.day} February" in nudges[0].reason


def test_a_goal_race_that_has_passed_starts_a_new_cycle():
    race = OpenGoal(7, "Spring 10K", "race_time", 3000, days_ago(3), is_race=True)
    [nudge] = new_training_cycle([], [race], TODAY)
    assert nudge == Nudge(
        NEW_CYCLE,
        days_ago(2),
        "Race day for “Spring 10K” was 1 March. However it went, it's a good moment to look "
        "back on the build-up and choose what comes next.",
        7,
    )
    assert_kind(nudge)


@pytest.mark.parametrize(("race_day", "fires"), [(0, False), (-1, True), (-28, True), (-29, False)])
def test_a_race_counts_from_the_day_after(race_day, fires):
    race = OpenGoal(7, "Spring 10K", "race_finish", None, TODAY + timedelta(days=race_day), True)
    assert bool(new_training_cycle([], [race], TODAY)) is fires


def test_a_date_passing_on_a_goal_that_is_not_a_race_is_not_a_new_cycle():
    goal = OpenGoal(8, "100 km in February", "distance", 100000, days_ago(3))
    assert new_training_cycle([], [goal], TODAY) == []


def test_a_cycle_start_and_a_race_are_both_told_oldest_first():
    race = OpenGoal(7, "Spring 10K", "race_time", 3000, days_ago(10), is_race=True)
    nudges = new_training_cycle([days_ago(2), days_ago(2)], [race], TODAY)
    assert [n.since for n in nudges] == [days_ago(9), days_ago(2)]


# Goal reached ------------------------------------------------------------------------------


def test_a_goal_reached_three_days_ago_is_celebrated():
    goal = OpenGoal(4, "Run 5 km without walking", "continuous_run", 5000, reached_on=days_ago(3))
    [nudge] = goal_reached([goal, HALF], TODAY)
    assert nudge == Nudge(
        GOAL_REACHED,
        days_ago(3),
        "You reached “Run 5 km without walking” on 1 March. Well done! When you're ready, a new "
        "round can choose what comes next.",
        4,
    )
    assert_kind(nudge)


@pytest.mark.parametrize(("reached", "open_"), [(1, False), (0, True), (-27, True), (-28, False)])
def test_a_reached_goal_is_celebrated_for_four_weeks(reached, open_):
    goal = OpenGoal(4, "Streak", "streak", 30, reached_on=TODAY + timedelta(days=reached))
    assert bool(goal_reached([goal], TODAY)) is open_


def test_a_goal_at_100_percent_without_a_date_waits_for_its_date():
    goal = OpenGoal(4, "Streak", "streak", 30, progress_fraction=1.2)
    assert goal_reached([goal], TODAY) == []


def test_several_goals_reached_are_each_celebrated_in_order():
    goals = [
        OpenGoal(5, "B", "streak", 7, reached_on=days_ago(1)),
        OpenGoal(6, "A", "longest_run", 8000, reached_on=days_ago(9)),
    ]
    assert [n.goal_id for n in goal_reached(goals, TODAY)] == [6, 5]


# Plateau: weekly volume --------------------------------------------------------------------


def test_eight_flat_weeks_with_a_goal_open_are_a_plateau():
    nudge = plateau(weeks_km(30, 31, 29, 30, 31, 30, 29, 30), [], [HALF], TODAY)
    assert nudge.kind == PLATEAU
    assert nudge.reason == (
        "While you work towards “Half marathon in June”, your weekly distance has held around "
        "30 km for the last 8 weeks. Plateaus are a normal part of running; a new round can "
        "pick a next step that fits this season."
    )
    # Four complete weeks are the least: it first showed four weeks after the first one.
    assert nudge.since == date(2026, 2, 2)
    assert_kind(nudge)


def test_falling_weeks_are_a_plateau_told_gently():
    nudge = plateau(weeks_km(40, 38, 36, 34, 32, 30, 28, 26), [], [FORTY], TODAY)
    # Earlier 4 weeks average 37 km, the last 4 average 29 km.
    assert "your weeks have eased from about 37 km to 29 km over the last 8 weeks" in nudge.reason
    assert_kind(nudge)


def test_growing_weeks_are_not_a_plateau():
    assert plateau(weeks_km(20, 22, 24, 26, 28, 30, 32, 34), [], [HALF], TODAY) is None


def test_noisy_weeks_around_a_rising_line_are_not_a_plateau():
    # About +4 % a week with swings of up to 12 % either way.
    swings = (0.1, -0.12, 0.05, 0.12, -0.1, 0.0, -0.08, 0.1)
    rising = [25 * 1.04**k * (1 + swing) for k, swing in enumerate(swings)]
    assert plateau(weeks_km(*rising), [], [HALF], TODAY) is None


def test_noisy_weeks_around_a_flat_line_are_a_plateau():
    # Swings of up to 20 %; the first four average 29.75 km, the last four 28.5 km.
    nudge = plateau(weeks_km(31, 26, 33, 29, 24, 32, 28, 30), [], [HALF], TODAY)
    assert "held around 29 km for the last 8 weeks" in nudge.reason


def test_noisy_weeks_a_little_higher_lately_are_not_a_plateau():
    # The same kind of swings, the last four weeks 7 % above the first four (28.5 to 30.5).
    assert plateau(weeks_km(27, 34, 29, 24, 33, 31, 26, 32), [], [HALF], TODAY) is None


def test_the_same_weeks_in_miles_read_in_miles():
    nudge = plateau(weeks_km(*[32.2] * 8), [], [HALF], TODAY, units="mi")  # 20.0 mi a week
    assert "around 20 mi" in nudge.reason


@pytest.mark.parametrize(
    "goals",
    [
        [],
        [SMILING],  # experiential: volume is not what it is about
        [OpenGoal(2, "40 km a week", "distance", 40000, reached_on=days_ago(3))],
        [OpenGoal(2, "40 km a week", "distance", 40000, progress_fraction=1.0)],
        [OpenGoal(2, "100 km in February", "distance", 100000, by=days_ago(4))],
    ],
)
def test_no_plateau_without_a_measurable_goal_open(goals):
    assert plateau(weeks_km(*[30] * 8), [], goals, TODAY) is None


def test_a_plateau_needs_four_weeks_of_running():
    assert plateau(weeks_km(30, 30, 30), [], [HALF], TODAY) is None
    assert plateau(weeks_km(30, 30, 30, 30), [], [HALF], TODAY) is not None
    # Weeks of nothing before the runner started do not make four.
    assert plateau(weeks_km(0, 0, 0, 30, 30, 30), [], [HALF], TODAY) is None


@pytest.mark.parametrize(("b", "fires"), [(1.0, True), (1.01, False)])
def test_the_slope_threshold_is_2_percent_of_the_mean_per_week(b, fires):
    # Four weeks around a mean of 100 km: slope 2b km per week (exactly 2 % when b is 1).
    series = weeks_km(100 - 3 * b, 100 - b, 100 + b, 100 + 3 * b)
    assert (plateau(series, [], [HALF], TODAY) is not None) is fires


@pytest.mark.parametrize(("recent", "fires"), [(105, True), (105.5, False)])
def test_the_last_four_weeks_may_rise_5_percent_at_most(recent, fires):
    # The slope is under 2 % here (about 0.95 km a week on 102.5), so the rise decides.
    series = weeks_km(100, 100, 100, 100, recent, recent, recent, recent)
    assert (plateau(series, [], [HALF], TODAY) is not None) is fires


def test_christmas_off_does_not_make_a_plateau():
    # Growing through the autumn, two weeks off over Christmas, back a bit lower, growing again.
    autumn = [24 + 1.5 * k for k in range(8)]  # 27 October to 15 December
    winter = [30 + 1.5 * k for k in range(10)]  # from 5 January
    weekly = weeks_km(*autumn, 0, 0, *winter, end=date(2026, 3, 16))
    goals = [OpenGoal(2, "40 km a week", "distance", 40000)]
    days = [date(2025, 12, 1) + timedelta(days=i) for i in range(100)]
    assert [d for d in days if plateau(weekly, [], goals, d)] == []


def test_christmas_would_look_like_a_plateau_if_holidays_counted(monkeypatch):
    monkeypatch.setattr(triggers.plateaus, "HOLIDAY_MAX_WEEKS", 0)
    autumn = [24 + 1.5 * k for k in range(8)]
    winter = [30 + 1.5 * k for k in range(10)]
    weekly = weeks_km(*autumn, 0, 0, *winter, end=date(2026, 3, 16))
    goals = [OpenGoal(2, "40 km a week", "distance", 40000)]
    days = [date(2025, 12, 1) + timedelta(days=i) for i in range(100)]
    assert [d for d in days if plateau(weekly, [], goals, d)] != []


def test_a_week_away_at_the_end_is_not_a_plateau_yet():
    assert plateau(weeks_km(30, 30, 30, 30, 30, 30, 30, 0), [], [HALF], TODAY) is None


def test_a_single_light_week_is_a_holiday_even_with_a_short_run_in_it():
    # 5 km is under a quarter of the usual week: left out, and the weeks still grow.
    assert plateau(weeks_km(20, 22, 24, 26, 5, 30, 32, 34), [], [HALF], TODAY) is None


def test_three_weeks_off_are_not_a_holiday():
    # They count, and read as a fall (detect welcomes the runner back first, see below).
    series = weeks_km(24, 26, 28, 0, 0, 0, 30, 32)
    assert "eased from about 20 km to 16 km" in plateau(series, [], [HALF], TODAY).reason


def test_a_taper_before_the_goal_race_is_not_a_plateau():
    taper = weeks_km(30, 33, 36, 39, 42, 32, 24, 16)
    race = OpenGoal(9, "Spring half", "race_time", 7200, TODAY + timedelta(days=4), is_race=True)
    assert plateau(taper, [], [race], TODAY) is None
    # The same weeks with no race ahead do read as falling.
    assert plateau(taper, [], [FORTY], TODAY) is not None


@pytest.mark.parametrize(("race_in", "tapering"), [(0, True), (21, True), (22, False)])
def test_the_taper_is_the_three_weeks_before_race_day(race_in, tapering):
    race = OpenGoal(9, "Autumn half", "race_time", 7200, TODAY + timedelta(race_in), is_race=True)
    assert (plateau(weeks_km(*[30] * 8), [], [race], TODAY) is None) is tapering


def test_the_weeks_after_a_goal_race_start_afresh():
    # Raced 10 days ago: the taper and recovery belong to the last cycle.
    race = OpenGoal(9, "Spring half", "race_time", 7200, days_ago(10), is_race=True)
    weekly = weeks_km(30, 33, 36, 39, 42, 32, 24, 16)
    assert plateau(weekly, [], [race, FORTY], TODAY) is None
    # Race day Sunday 22 February, recovered by Sunday 8 March: the new cycle's weeks start on
    # Monday 9 March. An easy week, then four flat ones, make a plateau again on 13 April.
    later = weekly | weeks_km(3, 20, 20, 20, 20, end=date(2026, 4, 13))
    nudge = plateau(later, [], [race, FORTY], date(2026, 4, 13))
    assert nudge.since == date(2026, 4, 13) and "for the last 4 weeks" in nudge.reason


def test_recovery_is_race_day_and_the_14_days_after_it():
    # Raced on Sunday 8 February: recovery runs to Sunday 22 February, so the week of 16
    # February still belongs to the last cycle and the new one starts on Monday 23 February.
    race = OpenGoal(9, "Winter half", "race_time", 7200, date(2026, 2, 8), is_race=True)
    weekly = weeks_km(20, 20, 20, 20, 20, end=date(2026, 3, 23))
    assert plateau(weekly, [], [race, FORTY], date(2026, 3, 16)) is None
    assert plateau(weekly, [], [race, FORTY], date(2026, 3, 23)).since == date(2026, 3, 23)


def test_the_plateau_keeps_its_date_from_day_to_day():
    weekly = weeks_km(20, 24, 28, 32, *[33] * 8, end=date(2026, 3, 16))
    sinces = {plateau(weekly, [], [HALF], date(2026, 3, 16) + timedelta(i)).since for i in range(7)}
    assert len(sinces) == 1
    [since] = sinces
    # It held on that week and not on the week before.
    assert plateau(weekly, [], [HALF], since) is not None
    assert plateau(weekly, [], [HALF], since - timedelta(weeks=1)) is None


def test_weekly_series_keyed_by_any_day_are_read_by_week():
    by_sunday = {start + timedelta(days=6): m for start, m in weeks_km(*[30] * 8).items()}
    assert plateau(by_sunday, [], [HALF], TODAY) == plateau(weeks_km(*[30] * 8), [], [HALF], TODAY)


def test_a_week_not_yet_over_is_not_judged():
    # The current week (from Monday 2 March) is half done: 2 km so far is not a fall.
    weekly = weeks_km(*[30] * 8) | {MONDAY: 2000}
    assert plateau(weekly, [], [HALF], TODAY) == plateau(weeks_km(*[30] * 8), [], [HALF], TODAY)


# Plateau: pace -----------------------------------------------------------------------------


def five_k(*minutes: float, end: date = MONDAY) -> list[Effort]:
    """One 5 km effort in the middle of each 4-week block, the last block ending at ``end``."""
    blocks = len(minutes)
    return [
        Effort(end - timedelta(days=28 * (blocks - i) - 14), 5000, m * 60)
        for i, m in enumerate(minutes)
    ]


GROWING = weeks_km(*[20 + 2 * k for k in range(12)])


def test_best_efforts_holding_steady_for_12_weeks_are_a_plateau():
    nudge = plateau(GROWING, five_k(27.5, 27.6, 27.4), [HALF], TODAY)
    assert nudge.kind == PLATEAU
    assert "your best efforts have stayed around a 27:24 5 km for 12 weeks" in nudge.reason
    # A week earlier the blocks (1 December to 23 February) already held one effort each; two
    # weeks earlier the oldest block (24 November to 21 December) had none.
    assert nudge.since == date(2026, 2, 23)
    assert_kind(nudge)


def test_improving_efforts_are_not_a_plateau():
    assert plateau(GROWING, five_k(28, 27.4, 26.8), [HALF], TODAY) is None


@pytest.mark.parametrize(("gain", "fires"), [(0.01, True), (0.015, False)])
def test_a_block_must_be_more_than_1_percent_quicker_to_count_as_progress(gain, fires):
    efforts = five_k(30, 30 * (1 - gain), 30 * (1 - gain) ** 2)
    assert (plateau(GROWING, efforts, [HALF], TODAY) is not None) is fires


def test_a_block_without_an_effort_is_not_judged():
    efforts = five_k(27.5, 27.6, 27.4)
    assert plateau(GROWING, efforts[1:], [HALF], TODAY) is None


def test_efforts_of_4_to_10_km_are_compared_as_5_km_equivalents():
    # A 10 km in 57:09 is a 5 km in 3429 * 0.5 ** 1.06 = 1644.6 s, 27:25, by Riegel.
    earlier = five_k(27.4, 27.4, end=MONDAY - timedelta(days=28))
    ten_k = Effort(MONDAY - timedelta(days=14), 10000, 57 * 60 + 9)
    nudge = plateau(GROWING, [*earlier, ten_k], [HALF], TODAY)
    assert "around a 27:24 5 km" in nudge.reason
    quicker = Effort(MONDAY - timedelta(days=14), 10000, 55 * 60)  # 26:23: more than 1 % quicker
    assert plateau(GROWING, [*earlier, quicker], [HALF], TODAY) is None
    # A mile is too short to compare: the last block has no effort (an easy 8:50 mile would
    # otherwise read as a 29:23 5 km, a steady block).
    mile = Effort(MONDAY - timedelta(days=14), 1609, 8 * 60 + 50)
    assert plateau(GROWING, [*earlier, mile], [HALF], TODAY) is None
    # Nor is anything over 10 km (an easy 11 km in 65:00 would read as a 28:11 5 km).
    long = Effort(MONDAY - timedelta(days=14), 11000, 65 * 60)
    assert plateau(GROWING, [*earlier, long], [HALF], TODAY) is None


# Low motivation: feelings -------------------------------------------------------------------


def checkins(*pairs):
    return [CheckIn(days_ago(ago), feeling) for ago, feeling in pairs]


def test_three_low_check_ins_in_three_weeks_are_low_motivation():
    nudge = low_motivation([], checkins((15, 2), (8, 1), (1, 2)), TODAY)
    assert nudge.kind == LOW_MOTIVATION
    assert nudge.since == days_ago(1)
    assert nudge.reason == (
        "Your last 3 check-ins over three weeks averaged 1.7 out of 5. Every runner has spells "
        "like this; a new round can find goals that fit the time and energy you have now."
    )
    assert_kind(nudge)


@pytest.mark.parametrize(
    ("pairs", "fires"),
    [
        (((15, 2), (8, 2), (1, 2)), True),  # exactly 2.0
        (((15, 2), (8, 2), (1, 3)), False),  # 2.33
        (((8, 1), (1, 1)), False),  # two days are not a spell
        (((20, 1), (8, 1), (1, 1)), True),  # 20 days ago is inside the 21 days
        (((21, 1), (8, 1), (1, 1)), False),  # 21 days ago is not
        (((1, 1), (1, 1), (1, 1)), False),  # one bad day, whatever the count
    ],
)
def test_feelings_are_low_at_2_or_under_over_3_days_in_21(pairs, fires):
    assert (low_motivation([], checkins(*pairs), TODAY) is not None) is fires


def test_a_run_rated_low_counts_as_a_check_in():
    runs = [RunDay(days_ago(a), 5000, 1800, 2) for a in (12, 6)]
    assert low_motivation(runs, [], TODAY) is None
    assert low_motivation(runs, checkins((1, 1)), TODAY) is not None


def test_feelings_on_the_same_day_are_averaged_first():
    # Day 1: 1 and 5 (a 3); days 8 and 15: 1. Per day: 3, 1, 1: mean 1.67.
    nudge = low_motivation([], checkins((1, 1), (1, 5), (8, 1), (15, 1)), TODAY)
    assert "last 3 check-ins" in nudge.reason and "1.7 out of 5" in nudge.reason


def test_low_feelings_keep_the_day_they_began():
    # Three low days first came together 8 days ago, and 21-day windows have held three since.
    pairs = ((20, 2), (14, 1), (8, 2), (2, 1))
    assert low_motivation([], checkins(*pairs), TODAY).since == days_ago(8)
    # With a gap, the stretch starts again: on 28 February the window held two days only.
    pairs = ((30, 2), (25, 1), (20, 2), (10, 2), (2, 1))
    assert low_motivation([], checkins(*pairs), TODAY).since == days_ago(2)


def test_feelings_after_today_are_not_seen():
    late = [CheckIn(TODAY + timedelta(days=1), 1)]
    assert low_motivation([], checkins((8, 1), (1, 1)) + late, TODAY) is None


def test_a_feeling_is_one_to_five():
    with pytest.raises(ValueError, match="1 to 5"):
        CheckIn(TODAY, 6)
    with pytest.raises(ValueError, match="1 to 5"):
        RunDay(TODAY, 5000, 1800, 0)


# Low motivation: how often -----------------------------------------------------------------

STOP = date(2026, 1, 31)  # a daily runner since mid-September stops on this day
EVERY_DAY = daily(date(2025, 9, 1), STOP)


def test_running_far_less_often_than_usual_for_two_weeks_is_low_motivation():
    # 84 runs in the 12 weeks before: about 28 in 4 weeks, so under 14 is low. The last 28
    # days hold 13 runs 15 days after stopping; that has held 14 days on 28 February.
    nudge = low_motivation(EVERY_DAY, [], STOP + timedelta(days=28))
    assert nudge.since == STOP + timedelta(days=15)
    assert nudge.reason.startswith(
        "You haven't run in the last 4 weeks, against about 28 in a usual 4 weeks this season."
    )
    assert_kind(nudge)


def test_thirteen_days_low_is_not_yet_sustained():
    assert low_motivation(EVERY_DAY, [], STOP + timedelta(days=27)) is None


def test_half_the_usual_runs_is_not_yet_low():
    # 15 days after stopping the last 28 days hold exactly 14 runs: half, not under half.
    nudge = low_motivation(EVERY_DAY, [], STOP + timedelta(days=40))
    assert nudge.since == STOP + timedelta(days=15)


def test_fewer_runs_than_usual_reads_with_the_runners_own_numbers():
    # Monday, Wednesday and Saturday until Wednesday 21 January, then Saturdays only.
    runs = every(date(2025, 10, 6), date(2026, 1, 21)) + every(
        date(2026, 1, 22), TODAY, weekdays=(5,)
    )
    # Last 28 days (5 February to 4 March): 4 Saturdays. The 84 days before (13 November to
    # 4 February): ten full weeks of 3 runs and the Saturdays 24 and 31 January, 32 runs, so
    # 32 * 28 / 84 = 10.7 in 4 weeks. Low since 14 days ago at least (18 February: 4 against 12).
    nudge = low_motivation(runs, [], TODAY)
    assert nudge.reason.startswith(
        "You've run 4 times in the last 4 weeks, against about 11 in a usual 4 weeks this season."
    )
    saturdays = (date(2026, 2, 7), date(2026, 2, 14), date(2026, 2, 21))
    once = [r for r in runs if r.day not in saturdays]
    assert "You've run once in the last 4 weeks" in low_motivation(once, [], TODAY).reason


def test_christmas_off_is_not_low_motivation():
    runs = every(date(2025, 9, 1), date(2025, 12, 20)) + every(date(2026, 1, 5), date(2026, 3, 1))
    days = [date(2025, 12, 1) + timedelta(days=i) for i in range(90)]
    assert [d for d in days if low_motivation(runs, [], d)] == []


def test_five_weeks_off_are_low_motivation():
    # The same runner stopping for five weeks instead: the control for the holiday above.
    runs = every(date(2025, 9, 1), date(2025, 12, 20)) + every(date(2026, 1, 26), TODAY)
    days = [date(2025, 12, 1) + timedelta(days=i) for i in range(90)]
    assert [d for d in days if low_motivation(runs, [], d)] != []


def test_a_new_runner_has_no_baseline_to_fall_under():
    runs = every(days_ago(100), days_ago(90))  # 5 runs
    assert low_motivation(runs, [], TODAY) is None


def test_rest_after_a_goal_race_is_not_low_motivation():
    race = OpenGoal(9, "Winter marathon", "race_finish", None, STOP, is_race=True)
    today = STOP + timedelta(days=28)
    assert low_motivation(EVERY_DAY, [], today) is not None
    assert low_motivation(EVERY_DAY, [], today, goals=[race]) is None


def test_low_feelings_and_fewer_runs_are_told_together():
    today = STOP + timedelta(days=28)
    recent = [CheckIn(today - timedelta(days=d), 2) for d in (1, 5, 9)]
    both = low_motivation(EVERY_DAY, recent, today)
    assert both.reason.startswith(
        "Your last 3 check-ins over three weeks averaged 2.0 out of 5 and you haven't run in "
        "the last 4 weeks, against about 28"
    )
    # Feelings low since yesterday, runs since 15 days after stopping: the earlier counts.
    assert both.since == STOP + timedelta(days=15)
    assert_kind(both)


# All together ------------------------------------------------------------------------------


def test_detect_gathers_the_open_nudges_oldest_first():
    race = OpenGoal(7, "Spring 10K", "race_time", 3000, days_ago(20), is_race=True)
    done = OpenGoal(4, "Run 5 km without walking", "continuous_run", 5000, reached_on=days_ago(6))
    runs = every(date(2025, 11, 3), TODAY, km=7)
    nudges = detect(
        runs,
        TODAY,
        goals=[race, done, FORTY],
        checkins=checkins((12, 2), (6, 2), (1, 1)),
        cycle_starts=[days_ago(3)],
    )
    # The steady 21 km weeks would be flat, but the race 20 days ago began a new cycle whose
    # weeks have not started yet (recovery until 26 February, so from Monday 2 March).
    assert [(n.kind, n.since, n.goal_id) for n in nudges] == [
        (NEW_CYCLE, days_ago(19), 7),
        (GOAL_REACHED, days_ago(6), 4),
        (NEW_CYCLE, days_ago(3), None),
        (LOW_MOTIVATION, days_ago(1), None),
    ]
    for nudge in nudges:
        assert_kind(nudge)


def test_a_fresh_comeback_is_the_one_thing_said():
    # Away 30 days; back on Sunday. The weeks away would read as falling and as fewer runs.
    runs = daily(date(2025, 11, 1), date(2026, 1, 29)) + [RunDay(date(2026, 3, 1), 5000)]
    nudges = detect(runs, TODAY, goals=[FORTY])
    assert [(n.kind, n.since) for n in nudges] == [(BREAK, date(2026, 3, 1))]
    assert plateau(weekly_distance(runs), [], [FORTY], TODAY) is not None
    assert low_motivation(runs, [], TODAY) is not None
    # Four weeks after that one run, the welcome back has closed and the rest may be told.
    assert [n.kind for n in detect(runs, date(2026, 3, 29), goals=[FORTY])] == [LOW_MOTIVATION]


def test_nothing_to_say_on_an_ordinary_day():
    runs = every(date(2025, 11, 3), TODAY)
    assert detect(runs, TODAY, goals=[SMILING], checkins=checkins((3, 4), (1, 5))) == []


def test_weekly_distance_sums_runs_by_monday():
    runs = [RunDay(date(2026, 3, 2), 5000), RunDay(date(2026, 3, 8), 7000), RunDay(TODAY, 1)]
    assert weekly_distance(runs) == {MONDAY: 12001}


def test_the_triggers_need_no_django():
    code = "import sys, milepost.nudges.triggers; sys.exit(any('django' in m for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# Properties --------------------------------------------------------------------------------

WINDOW = st.dates(TODAY - timedelta(days=200), TODAY + timedelta(days=60))
FEELING = st.none() | st.integers(1, 5)
RUNS = st.lists(
    st.builds(RunDay, WINDOW, st.floats(0, 30000), st.floats(0, 12000), FEELING), max_size=80
)
CHECKINS = st.lists(st.builds(CheckIn, WINDOW, st.integers(1, 5)), max_size=20)
EFFORTS = st.lists(st.builds(Effort, WINDOW, st.floats(3000, 11000), st.floats(900, 4000)))
GOALS = [HALF, FORTY, OpenGoal(7, "Spring 10K", "race_time", 3000, days_ago(9), is_race=True)]


def everything(runs, checkins_, efforts, starts, today):
    return detect(
        runs, today, efforts=efforts, goals=GOALS, checkins=checkins_, cycle_starts=starts
    )


@settings(max_examples=60, deadline=None)
@given(RUNS, CHECKINS, EFFORTS, st.lists(WINDOW, max_size=3), st.integers(0, 60))
def test_detect_never_looks_past_today(runs, checkins_, efforts, starts, back):
    today = TODAY - timedelta(days=back)
    seen = [
        [x for x in runs if x.day <= today],
        [x for x in checkins_ if x.day <= today],
        [x for x in efforts if x.day <= today],
        [x for x in starts if x <= today],
    ]
    assert everything(runs, checkins_, efforts, starts, today) == everything(*seen, today)


@settings(max_examples=60, deadline=None)
@given(RUNS, CHECKINS, EFFORTS, st.lists(WINDOW, max_size=3), st.randoms())
def test_detect_does_not_depend_on_the_order_of_its_input(runs, checkins_, efforts, starts, rnd):
    before = everything(runs, checkins_, efforts, starts, TODAY)
    for items in (runs, checkins_, efforts, starts):
        rnd.shuffle(items)
    assert everything(runs, checkins_, efforts, starts, TODAY) == before


@settings(max_examples=60, deadline=None)
@given(RUNS, CHECKINS, EFFORTS, st.lists(WINDOW, max_size=3))
def test_every_nudge_is_dated_by_today_sorted_and_kind(runs, checkins_, efforts, starts):
    nudges = everything(runs, checkins_, efforts, starts, TODAY)
    assert [n.since for n in nudges] == sorted(n.since for n in nudges)
    for nudge in nudges:
        assert nudge.since <= TODAY
        assert_kind(nudge)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 60), min_size=4, max_size=12))
def test_a_plateau_does_not_depend_on_the_scale_of_the_weeks(km):
    weekly = weeks_km(*km)
    doubled = {week: 2 * metres for week, metres in weekly.items()}
    assert (plateau(weekly, [], [HALF], TODAY) is None) == (
        plateau(doubled, [], [HALF], TODAY) is None
    )
