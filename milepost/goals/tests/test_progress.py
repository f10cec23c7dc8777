"""Progress of measurable goals from runs, with hand-computed expected values."""

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from milepost.goals.metrics import GoalTarget
from milepost.goals.progress import (
    ProgressError,
    RunFact,
    WeekValue,
    progress,
    weekly_history,
)
from milepost.nudges.triggers import RunDay
from milepost.runmath import RunmathError
from milepost.runmath.equivalence import vickers_marathon
from milepost.runmath.units import format_duration
from milepost.runmath.vdot import race_time as vdot_race_time
from milepost.runmath.vdot import vdot

TODAY = date(2026, 3, 5)  # a Thursday; the week runs Monday 2 to Sunday 8 March
STARTED = date(2026, 2, 1)
HALF = 21097.5


def run(day: date, km: float, minutes: float = 0, **facts) -> RunFact:
    return RunFact(day, km * 1000, minutes * 60, **facts)


def days(first: date, last: date, km: float = 5) -> list[RunFact]:
    return [run(first + timedelta(i), km, km * 6) for i in range((last - first).days + 1)]


# Distance, time and runs per week, month or year --------------------------------------------

THIS_WEEK = [
    run(date(2026, 3, 1), 10, 60),  # last Sunday: last week
    run(date(2026, 3, 2), 5, 30),
    run(date(2026, 3, 4), 7.5, 45),
    run(date(2026, 3, 6), 30, 180),  # tomorrow: not yet
]


def test_a_weekly_distance_goal_on_track_on_thursday():
    result = progress(GoalTarget("distance", 20000, "week"), THIS_WEEK, TODAY, STARTED)
    # 12.5 km by Thursday; three days of seven gone: 20 * 3 / 7 = 8.57 km expected.
    assert result.current == 12500
    assert result.fraction == 0.625
    assert result.target == 20000 and result.unit == "m"
    assert result.on_track is True
    # Four days left, less than a week: the 7.5 km left is what the week needs.
    assert result.needed_per_week == 7500
    assert (result.reached, result.reached_on) == (False, None)
    assert (result.period_start, result.period_end) == (date(2026, 3, 2), date(2026, 3, 8))
    assert result.summary == "12.5 km of 20 km so far this week, right on track with 7.5 km to go."


def test_a_weekly_distance_goal_not_yet_on_track_says_what_the_week_needs():
    runs = [run(date(2026, 3, 2), 5, 30)]
    result = progress(GoalTarget("distance", 20000, "week"), runs, TODAY, STARTED)
    assert result.on_track is False
    assert result.needed_per_week == 15000
    assert (
        result.summary == "5 km of 20 km so far this week; 15 km in the 4 days left gets you there."
    )


def test_a_week_just_begun_is_not_judged_and_says_what_it_takes():
    for day in (2, 3):  # Monday and Tuesday, nothing run yet
        result = progress(GoalTarget("distance", 20000, "week"), [], date(2026, 3, day), STARTED)
        assert result.on_track is None and result.current == 0 and result.fraction == 0
        assert "gets you there" in result.summary
    result = progress(GoalTarget("distance", 20000, "week"), [], date(2026, 3, 4), STARTED)
    assert result.on_track is False  # Wednesday: two days gone


def test_a_month_just_begun_is_not_judged():
    goal = GoalTarget("runs", 12, "month")
    assert progress(goal, [], date(2026, 4, 1), STARTED).on_track is None
    assert progress(goal, [], date(2026, 4, 3), STARTED).on_track is None
    assert progress(goal, [], date(2026, 4, 4), STARTED).on_track is False


def test_the_last_day_of_the_week_needs_what_is_left_today():
    runs = [run(date(2026, 3, 2), 8), run(date(2026, 3, 5), 7)]
    result = progress(GoalTarget("distance", 20000, "week"), runs, date(2026, 3, 8), STARTED)
    assert result.on_track is False  # 15 km against 20 * 6 / 7 = 17.1 km
    assert result.summary == "15 km of 20 km so far this week; 5 km today gets you there."


def test_a_weekly_goal_reached_is_celebrated_with_its_day():
    result = progress(GoalTarget("distance", 12000, "week"), THIS_WEEK, TODAY, STARTED)
    assert result.reached and result.reached_on == date(2026, 3, 4)
    assert result.fraction == pytest.approx(12500 / 12000)
    assert (result.on_track, result.needed_per_week) == (True, 0.0)
    assert result.summary == (
        "12.5 km this week, reaching your goal of 12 km on Wednesday 4 March: well done!"
    )


def test_a_weekly_goal_in_miles():
    result = progress(GoalTarget("distance", 20000, "week"), THIS_WEEK, TODAY, STARTED, units="mi")
    # 12.5 km = 7.77 mi, 20 km = 12.43 mi, 7.5 km = 4.66 mi.
    assert result.summary == "7.8 mi of 12.4 mi so far this week, right on track with 4.7 mi to go."


def test_a_monthly_distance_goal_pro_rates_the_month():
    runs = [
        run(date(2026, 2, 28), 20),  # February
        run(date(2026, 3, 1), 10),
        run(date(2026, 3, 8), 15),
        run(date(2026, 3, 15), 15),
    ]
    today = date(2026, 3, 17)
    result = progress(GoalTarget("distance", 100000, "month"), runs, today, STARTED)
    # 40 km; 16 of 31 days gone: 100 * 16 / 31 = 51.6 km expected. 15 days left, 60 km to go:
    # 60 / (15 / 7) = 28 km a week.
    assert result.current == 40000
    assert result.on_track is False
    assert result.needed_per_week == pytest.approx(28000)
    assert (result.period_start, result.period_end) == (date(2026, 3, 1), date(2026, 3, 31))
    assert result.summary == (
        "40 km of 100 km so far this month; about 28 km a week over the 15 days left gets you "
        "there."
    )


def test_february_ends_on_the_28th():
    result = progress(GoalTarget("distance", 50000, "month"), [], date(2026, 2, 28), STARTED)
    assert result.period_end == date(2026, 2, 28)
    assert result.needed_per_week == 50000
    assert result.summary.endswith("; 50 km today gets you there.")


def test_a_yearly_distance_goal_counts_from_new_year():
    runs = [run(date(2025, 12, 31), 10)] + days(date(2026, 1, 1), date(2026, 4, 10), km=5)
    today = date(2026, 7, 2)
    result = progress(GoalTarget("distance", 1_000_000, "year"), runs, today, date(2026, 6, 1))
    # 100 runs of 5 km = 500 km; 182 of 365 days gone: 498.6 km expected. 183 days left:
    # 500 km * 7 / 183 = 19.13 km a week.
    assert result.current == 500_000
    assert result.on_track is True
    assert result.needed_per_week == pytest.approx(500_000 * 7 / 183)
    assert result.summary == "500 km of 1000 km so far this year, right on track with 500 km to go."


@pytest.mark.parametrize(("runs", "on_track"), [(0, False), (1, True)])
def test_runs_a_week_are_pro_rated_in_whole_runs(runs, on_track):
    # Thursday: 3 * 3 / 7 = 1.3 runs, so one run by now is on track.
    facts = [run(date(2026, 3, 2), 5)] * runs
    result = progress(GoalTarget("runs", 3, "week"), facts, TODAY, STARTED)
    assert result.on_track is on_track
    assert result.unit == "count"


def test_runs_a_week_read_as_runs():
    facts = [run(date(2026, 3, 2), 5)]
    result = progress(GoalTarget("runs", 3, "week"), facts, TODAY, STARTED)
    assert result.needed_per_week == 2
    assert result.summary == "1 of 3 runs so far this week, right on track with 2 runs to go."
    result = progress(GoalTarget("runs", 3, "week"), [], TODAY, STARTED)
    assert (
        result.summary == "0 of 3 runs so far this week; 3 runs in the 4 days left gets you there."
    )


def test_the_third_run_of_the_week_reaches_three_runs():
    facts = [run(date(2026, 3, d), 4) for d in (2, 3, 4)]
    result = progress(GoalTarget("runs", 3, "week"), facts, TODAY, STARTED)
    assert result.reached_on == date(2026, 3, 4)
    assert result.fraction == 1.0
    assert result.summary == (
        "3 runs this week, reaching your goal of 3 runs on Wednesday 4 March: well done!"
    )


def test_time_running_a_week():
    result = progress(GoalTarget("time", 3 * 3600, "week"), THIS_WEEK, TODAY, STARTED)
    # 75 minutes against 180 * 3 / 7 = 77.1 expected.
    assert result.current == 4500 and result.unit == "s"
    assert result.on_track is False
    assert result.needed_per_week == 6300
    assert result.summary == (
        "1 h 15 min of 3 h so far this week; 1 h 45 min in the 4 days left gets you there."
    )


# Race time --------------------------------------------------------------------------------

FIVE_K = GoalTarget("race_time", 1500, race_distance_m=5000)


def five_k_runs():
    return [
        run(date(2026, 1, 20), 8, 48, best_efforts={"5k": 1450}),  # before the goal started
        run(date(2026, 2, 10), 8, 50, best_efforts={"5k": 1590, "1k": 290}),
        RunFact(date(2026, 2, 20), 5080, 1545, is_race=True),  # a 5K race, GPS 1.6 % long
        RunFact(date(2026, 2, 25), 5300, 1480, is_race=True),  # 6 % long: another distance
        run(date(2026, 3, 6), 5, 23, best_efforts={"5k": 1400}),  # tomorrow
    ]


def test_a_race_time_goal_takes_the_best_effort_or_race_since_it_started():
    result = progress(FIVE_K, five_k_runs(), TODAY, STARTED)
    assert result.current == 1545
    assert result.fraction == pytest.approx(1500 / 1545)
    assert (result.reached, result.on_track, result.needed_per_week) == (False, None, None)
    assert (
        result.summary == "Your best 5K since 1 February is 25:45, 45 seconds from your 25:00 goal."
    )


def test_a_race_time_more_than_a_minute_away():
    runs = [run(date(2026, 2, 10), 8, 50, best_efforts={"5k": 1570})]
    assert progress(FIVE_K, runs, TODAY, STARTED).summary == (
        "Your best 5K since 1 February is 26:10, 1:10 from your 25:00 goal."
    )


def test_a_race_time_reached():
    runs = five_k_runs() + [run(date(2026, 3, 1), 6, 31, best_efforts={"5k": 1490})]
    result = progress(FIVE_K, runs, TODAY, STARTED)
    assert (result.reached, result.reached_on, result.current) == (True, date(2026, 3, 1), 1490)
    assert result.fraction == pytest.approx(1500 / 1490)
    assert result.summary == (
        "You ran a 5K in 24:50 on 1 March, inside your 25:00 goal, congratulations!"
    )


def test_a_race_time_from_a_longer_run():
    runs = [run(date(2026, 2, 15), HALF / 1000, 125, best_efforts={"10k": 3290, "5k": 1600})]
    goal = GoalTarget("race_time", 3300, race_distance_m=10000)
    result = progress(goal, runs, TODAY, STARTED)
    assert result.reached_on == date(2026, 2, 15) and result.current == 3290
    assert result.summary.startswith("You ran a 10K in 54:50 on 15 February")


def test_no_timed_run_yet():
    result = progress(FIVE_K, [run(date(2026, 2, 10), 4, 26)], TODAY, STARTED)
    assert (result.current, result.fraction, result.reached) == (None, 0.0, False)
    assert result.summary == (
        "No timed 5K since 1 February yet; a race or a timed run will show where you are "
        "against your 25:00 goal."
    )


# Race finish, longest run, continuous run ----------------------------------------------------

HALF_FINISH = GoalTarget("race_finish", race_distance_m=HALF)


def test_a_race_finish_on_the_way():
    runs = [run(date(2026, 1, 25), 22), run(date(2026, 2, 8), 15), run(date(2026, 2, 22), 18)]
    result = progress(HALF_FINISH, runs, TODAY, STARTED)
    assert result.current == 18000 and result.target == HALF
    assert result.fraction == pytest.approx(18000 / 21097.5)
    assert not result.reached
    assert result.summary == (
        "Your longest run since 1 February is 18 km, on the way to the 21.1 km of the half "
        "marathon."
    )


@pytest.mark.parametrize(
    ("fact", "reached"),
    [
        (RunFact(date(2026, 3, 1), 20800, 7500, is_race=True), True),  # GPS 1.4 % short
        (RunFact(date(2026, 3, 1), 21000, 7500), False),  # a run has to cover it
        (RunFact(date(2026, 3, 1), 21200, 7500), True),
        (RunFact(date(2026, 3, 1), 19900, 7500, is_race=True), False),  # a 20 km race
    ],
)
def test_a_race_finish_needs_the_distance_or_a_race_at_it(fact, reached):
    result = progress(HALF_FINISH, [fact], TODAY, STARTED)
    assert result.reached is reached
    if reached:
        assert result.reached_on == date(2026, 3, 1)
        assert result.fraction == max(fact.distance_m / HALF, 1.0)
        assert result.summary == "You covered the half marathon distance on 1 March, well done!"


def test_a_race_finish_with_no_runs_yet():
    assert progress(HALF_FINISH, [], TODAY, STARTED).summary == (
        "No runs since 1 February yet; every run from here builds toward the half marathon."
    )


def test_the_longest_run_since_the_goal_started():
    goal = GoalTarget("longest_run", 16000)
    runs = [run(date(2026, 1, 30), 17), run(date(2026, 2, 8), 12), run(date(2026, 2, 15), 10.3)]
    result = progress(goal, runs, TODAY, STARTED)
    assert (result.current, result.fraction) == (12000, 0.75)
    assert result.summary == (
        "Your longest run since 1 February is 12 km, 4 km to go to your 16 km goal."
    )
    reached = progress(goal, [*runs, run(date(2026, 3, 1), 16)], TODAY, STARTED)
    assert (reached.reached_on, reached.fraction) == (date(2026, 3, 1), 1.0)
    assert reached.summary == (
        "Your longest run since 1 February is 16 km: you reached your 16 km goal on 1 March, "
        "well done!"
    )


def test_a_run_on_the_day_the_goal_started_counts():
    goal = GoalTarget("longest_run", 16000)
    runs = [run(STARTED - timedelta(days=1), 15), run(STARTED, 14)]
    assert progress(goal, runs, TODAY, STARTED).current == 14000


def test_a_goal_started_last_year_names_the_year():
    goal = GoalTarget("longest_run", 16000)
    result = progress(goal, [run(date(2026, 2, 8), 12)], TODAY, date(2025, 11, 3))
    assert result.summary.startswith("Your longest run since 3 November 2025 is 12 km")


def test_the_longest_stretch_without_walking_in_metres():
    goal = GoalTarget("continuous_run", 5000, unit="m")
    runs = [
        run(date(2026, 2, 10), 5, 40, longest_continuous_m=3200),
        run(date(2026, 2, 12), 6, 45),  # entered by hand: not known
        run(date(2026, 3, 3), 6, 42, longest_continuous_m=4100),
    ]
    result = progress(goal, runs, TODAY, STARTED)
    assert (result.current, result.unit) == (4100, "m")
    assert result.fraction == pytest.approx(0.82)
    assert result.summary == (
        "Your longest stretch without walking since 1 February is 4.1 km, 0.9 km to go to your "
        "5 km goal."
    )


def test_the_longest_stretch_without_walking_in_minutes():
    goal = GoalTarget("continuous_run", 1800, unit="s")
    runs = [
        run(date(2026, 2, 10), 5, 35, longest_continuous_m=4000, continuous_s=1500),
        # 4 km of a 6 km run in 40 minutes: about 26:40 at the run's average pace.
        run(date(2026, 2, 20), 6, 40, longest_continuous_m=4000),
    ]
    result = progress(goal, runs, TODAY, STARTED)
    assert result.current == pytest.approx(1600) and result.unit == "s"
    assert result.fraction == pytest.approx(1600 / 1800)
    assert result.summary == (
        "Your longest stretch without walking since 1 February is 27 min, 3 min to go to your "
        "30 min goal."
    )


def test_no_record_of_running_without_walking_yet():
    result = progress(GoalTarget("continuous_run", 5000), [run(TODAY, 5, 35)], TODAY, STARTED)
    assert (result.current, result.fraction) == (None, 0.0)
    assert result.summary.startswith("No run since 1 February shows a stretch without walking")


# Streak -----------------------------------------------------------------------------------

FIVE_DAYS = GoalTarget("streak", 5)


def test_a_streak_still_alive_before_todays_run():
    runs = days(date(2026, 2, 10), date(2026, 2, 12)) + days(date(2026, 3, 2), date(2026, 3, 4))
    result = progress(FIVE_DAYS, runs, TODAY, STARTED)
    assert (result.current, result.best, result.fraction) == (3, 3, 0.6)
    assert (result.target, result.unit, result.reached) == (5, "days", False)
    assert result.summary == (
        "3 days in a row so far, 2 more for your 5 days in a row (best since 1 February: 3 days)."
    )


def test_a_broken_streak_starts_again_with_any_run():
    runs = days(date(2026, 2, 10), date(2026, 2, 12)) + days(date(2026, 1, 10), date(2026, 1, 20))
    result = progress(FIVE_DAYS, runs, TODAY, STARTED)
    # The 11 days in January ended before the goal started.
    assert (result.current, result.best) == (0, 3)
    assert result.summary == (
        "Any run today starts a new streak toward your 5 days in a row (best since 1 February: "
        "3 days)."
    )


def test_a_streak_reached_stays_reached():
    runs = days(date(2026, 2, 20), date(2026, 2, 26)) + days(date(2026, 3, 3), TODAY)
    result = progress(FIVE_DAYS, runs, TODAY, STARTED)
    assert (result.current, result.best) == (3, 7)
    assert result.reached_on == date(2026, 2, 24)
    assert result.fraction == 7 / 5
    assert result.summary == (
        "You reached 5 days in a row on 24 February, well done! Best since 1 February: 7 days; "
        "current streak: 3 days."
    )


def test_a_streak_running_when_the_goal_was_set_counts_in_full():
    runs = days(date(2026, 1, 25), date(2026, 2, 3))
    result = progress(FIVE_DAYS, runs, TODAY, STARTED)
    # Ten days in a row from 25 January: five by 29 January, before the goal; it counts from
    # the day the goal started.
    assert (result.best, result.reached_on) == (10, STARTED)


def test_a_streak_ending_on_the_day_the_goal_started_counts():
    result = progress(FIVE_DAYS, days(date(2026, 1, 28), STARTED), TODAY, STARTED)
    assert (result.best, result.reached_on, result.current) == (5, STARTED, 0)


# Weekly history ---------------------------------------------------------------------------


def test_weekly_history_of_a_distance_goal():
    runs = [run(date(2026, 2, 18), 8), run(date(2026, 2, 22), 12), *THIS_WEEK]
    history = weekly_history(GoalTarget("distance", 20000, "month"), runs, 3, TODAY)
    assert history == [
        WeekValue(date(2026, 2, 16), 20000),
        WeekValue(date(2026, 2, 23), 10000),
        WeekValue(date(2026, 3, 2), 12500),  # this week so far
    ]


def test_weekly_history_of_a_race_time_and_a_longest_run():
    runs = five_k_runs()
    history = weekly_history(FIVE_K, runs, 4, TODAY)
    # Weeks from 9 February: what the season's efforts point to by each week's end. The
    # 25:00 5k inside a January run leads until the 5.3 km race in 24:40 points lower.
    from_race = vdot_race_time(vdot(5300, 1480), 5000)
    assert [w.value for w in history] == pytest.approx([1450, 1450, from_race, from_race])
    longest = weekly_history(GoalTarget("longest_run", 16000), runs, 2, TODAY)
    assert [w.value for w in longest] == [5300, None]


def test_weekly_history_of_a_streak():
    runs = days(date(2026, 2, 20), date(2026, 2, 26)) + days(date(2026, 3, 3), date(2026, 3, 4))
    history = weekly_history(FIVE_DAYS, runs, 3, TODAY)
    # Sunday 22 February: 3 days; Sunday 1 March: none that day; today: 2, alive.
    assert [w.value for w in history] == [3, 0, 2]


# Errors and purity ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "goal",
    [
        GoalTarget("pace", 300),
        GoalTarget("distance", 20000),
        GoalTarget("distance", 20000, "fortnight"),
        GoalTarget("race_time", 1500),
        GoalTarget("race_finish"),
        GoalTarget("longest_run", 0),
        GoalTarget("continuous_run", 5, unit="km"),
    ],
)
def test_a_goal_that_cannot_be_measured_says_so(goal):
    with pytest.raises(ProgressError):
        progress(goal, [], TODAY, STARTED)


def test_units_are_km_or_mi():
    with pytest.raises(RunmathError):
        progress(GoalTarget("longest_run", 16000), [], TODAY, STARTED, units="furlongs")


def test_any_run_with_a_day_distance_and_time_will_do():
    runs = [RunDay(date(2026, 3, 2), 5000, 1800), RunDay(date(2026, 3, 3), 9000, 3300)]
    assert progress(GoalTarget("distance", 20000, "week"), runs, TODAY, STARTED).current == 14000
    assert progress(HALF_FINISH, runs, TODAY, STARTED).current == 9000
    assert progress(FIVE_K, runs, TODAY, STARTED).current is None


def test_progress_needs_no_django():
    code = "import sys, milepost.goals.progress; sys.exit(any('django' in m for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# Properties -------------------------------------------------------------------------------

GOALS = st.sampled_from(
    [
        GoalTarget("distance", 20000, "week"),
        GoalTarget("distance", 80000, "month"),
        GoalTarget("time", 10800, "year"),
        GoalTarget("runs", 3, "week"),
        FIVE_K,
        HALF_FINISH,
        GoalTarget("longest_run", 16000),
        GoalTarget("continuous_run", 5000),
        GoalTarget("continuous_run", 1800, unit="s"),
        FIVE_DAYS,
    ]
)
FACTS = st.builds(
    RunFact,
    st.dates(date(2025, 10, 1), date(2026, 4, 30)),
    st.floats(0, 30000),
    st.floats(0, 12000),
    st.none() | st.floats(0, 30000),
    st.none() | st.floats(0, 12000),
    st.dictionaries(st.sampled_from(["5k", "10k", "half"]), st.floats(900, 9000), max_size=2),
    st.booleans(),
)


@settings(max_examples=80, deadline=None)
@given(GOALS, st.lists(FACTS, max_size=40), st.integers(0, 90))
def test_progress_never_looks_past_today(goal, runs, back):
    today = TODAY - timedelta(days=back)
    seen = [r for r in runs if r.day <= today]
    assert progress(goal, runs, today, STARTED) == progress(goal, seen, today, STARTED)
    assert weekly_history(goal, runs, 6, today) == weekly_history(goal, seen, 6, today)


@settings(max_examples=80, deadline=None)
@given(GOALS, st.lists(FACTS, max_size=40))
def test_a_reached_goal_shows_at_least_100_percent(goal, runs):
    result = progress(goal, runs, TODAY, STARTED)
    assert result.fraction >= 0
    if result.reached:
        assert result.fraction >= 1 and result.reached_on <= TODAY
    else:
        assert result.reached_on is None
    assert result.summary.endswith((".", "!"))


@settings(max_examples=80, deadline=None)
@given(st.lists(FACTS, max_size=40))
def test_the_week_so_far_is_the_sum_of_its_runs(runs):
    result = progress(GoalTarget("distance", 20000, "week"), runs, TODAY, STARTED)
    week = [r.distance_m for r in runs if date(2026, 3, 2) <= r.day <= TODAY]
    assert result.current == pytest.approx(sum(week))
    assert result.reached is (result.current >= 20000 - 1e-9)
    [this_week] = weekly_history(GoalTarget("distance", 20000, "week"), runs, 1, TODAY)
    assert this_week.value == pytest.approx(result.current)


# Where a race-time goal stands before race day (issue 12) ---------------------------------

MARATHON_GOAL = GoalTarget("race_time", 3 * 3600 + 15 * 60, race_distance_m=42195)


def marks_season():
    """Mark: a 1:33 half in January, 55 km weeks of 11 km runs, no marathon since the goal."""
    half = RunFact(date(2026, 1, 18), HALF, 93 * 60, is_race=True)
    return [half, *days(date(2026, 2, 5), date(2026, 3, 5), km=11)[::2]]


def test_a_race_time_goal_shows_what_recent_runs_point_to_before_race_day():
    result = progress(MARATHON_GOAL, marks_season(), TODAY, STARTED)
    # Five weeks of 11 km runs every other day: 77 km a week... the slower of VDOT and
    # the recreational marathoners' model (RUNNING_SCIENCE.md §2.3).
    expected = max(
        vdot_race_time(vdot(HALF, 93 * 60), 42195),
        vickers_marathon(
            93 * 60, HALF, sum(r.distance_m for r in marks_season()[-14:]) / 4 / 1609.344
        ),
    )
    assert result.current == pytest.approx(expected)
    assert 0 < result.fraction < 1 and not result.reached
    assert result.summary == (
        f"Your recent runs point to about {format_duration(expected)} for the marathon; "
        "the goal is 3:15:00."
    )


def test_the_race_time_chart_follows_the_estimate_week_by_week():
    history = weekly_history(MARATHON_GOAL, marks_season(), 10, TODAY)
    values = [w.value for w in history]
    assert values[0] is None  # before the half marathon: nothing to point to
    assert all(v is not None for v in values[2:])
