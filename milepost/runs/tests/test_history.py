"""Feasibility fed by real runs: the weekly series, efforts, long runs, streak and year to
date, read with the same few queries for one year of history as for ten."""

from datetime import UTC, date, datetime, timedelta

import pytest

from milepost.goals import feasibility
from milepost.goals.metrics import GoalTarget
from milepost.goals.services import feasibility_history, history_for
from milepost.runs.history import history_summary
from milepost.runs.models import Activity, recompute_totals

from .helpers import make_run

pytestmark = pytest.mark.django_db
TODAY = date(2024, 6, 12)  # a Wednesday


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def summary(owner) -> feasibility.HistorySummary:
    return feasibility_history(history_summary(owner, TODAY, owner.profile))


def test_without_runs_only_the_runners_situation_is_known(alice):
    history = summary(alice)
    assert history.is_empty
    assert history.hours_per_week == 4  # alice has 240 minutes a week


def test_weekly_series_are_the_complete_weeks_oldest_first(alice):
    monday = date(2024, 6, 10)  # this week: left out until it is complete
    for weeks_ago, km in [(1, 20), (1, 5), (3, 12), (5, 4), (8, 4), (12, 8), (13, 30)]:
        make_run(alice, at(monday - timedelta(weeks=weeks_ago)), km * 1000, minutes=km * 6)
    make_run(alice, at(TODAY), 7000)
    history = summary(alice)
    assert len(history.weekly_m) == 12
    assert history.weekly_m[0] == 8000  # twelve weeks ago
    assert history.weekly_m[-1] == 25000  # last week, two runs
    assert history.weekly_m[-3] == 12000 and history.weekly_m[-2] == 0
    assert history.weekly_runs[-1] == 2
    assert history.weekly_s[-1] == 25 * 6 * 60


def test_weeks_before_the_first_run_are_unknown_not_empty(alice):
    make_run(alice, at(date(2024, 5, 28)), 5000)  # three weeks ago
    make_run(alice, at(date(2024, 6, 4)), 6000)
    history = summary(alice)
    assert history.weekly_m == (5000, 6000)


def test_efforts_are_the_fastest_of_the_season_and_every_race(alice):
    make_run(alice, at(TODAY - timedelta(days=10)), 10000, 55, best_efforts={"5k": 1560, "1k": 290})
    make_run(alice, at(TODAY - timedelta(days=40)), 8000, 44, best_efforts={"5k": 1500})
    make_run(alice, at(TODAY - timedelta(days=300)), 10000, 45, best_efforts={"5k": 1200})
    make_run(alice, at(TODAY - timedelta(days=20)), 21097.5, 118, is_race=True)
    efforts = {(e.distance_m, e.seconds, e.on) for e in summary(alice).efforts}
    assert efforts == {
        (1000.0, 290, TODAY - timedelta(days=10)),
        (5000.0, 1500, TODAY - timedelta(days=40)),
        (21097.5, 118 * 60, TODAY - timedelta(days=20)),
    }


def test_long_runs_and_the_longest_run_without_walking_are_recent(alice):
    make_run(alice, at(TODAY - timedelta(days=5)), 16000, 100, longest_continuous_run_m=9000)
    make_run(alice, at(TODAY - timedelta(days=30)), 12000, 75, longest_continuous_run_m=12000)
    make_run(alice, at(TODAY - timedelta(days=90)), 25000, 160, longest_continuous_run_m=25000)
    history = summary(alice)
    assert sorted(history.long_runs) == [
        (TODAY - timedelta(days=30), 12000),
        (TODAY - timedelta(days=5), 16000),
    ]
    assert history.longest_continuous_m == 12000


@pytest.mark.parametrize(
    ("days_ago", "streak"),
    [
        ([0, 1, 2, 3], 4),
        ([1, 2, 3], 3),  # today's run may still come
        ([0, 0, 1, 3], 2),  # two runs on one day count once
        ([2, 3, 4], 0),
    ],
)
def test_the_streak_counts_days_in_a_row(alice, days_ago, streak):
    for n in days_ago:
        make_run(alice, at(TODAY - timedelta(days=n)), 3000)
    assert summary(alice).streak_days == streak


def test_year_to_date_counts_runs_since_new_year(alice):
    make_run(alice, at(date(2023, 12, 31)), 10000)
    make_run(alice, at(date(2024, 1, 1)), 8000)
    make_run(alice, at(date(2024, 6, 1)), 5000)
    make_run(alice, at(date(2024, 2, 1)), 40000, 120, sport="cycling", is_run=False)
    assert summary(alice).year_to_date_m == 13000


def bulk_history(owner, years: int):
    """A run every other day for ``years`` years, with best efforts, totals kept."""
    runs = []
    for n in range(0, 365 * years, 2):
        run = Activity(
            owner=owner,
            start=at(TODAY - timedelta(days=n)),
            distance_m=8000,
            elapsed_s=2700,
            moving_s=2640,
            best_efforts={"1k": 300, "5k": 1620},
            longest_continuous_run_m=8000,
            is_race=n % 60 == 0,
        )
        run.fill_local_date()
        runs.append(run)
    Activity.objects.bulk_create(runs)
    recompute_totals(owner.pk, [r.local_date for r in runs])


@pytest.mark.parametrize("years", [1, 10])
def test_the_same_few_queries_for_one_year_as_for_ten(alice, years, django_assert_num_queries):
    bulk_history(alice, years)
    with django_assert_num_queries(5):
        history = summary(alice)
    assert len(history.weekly_m) == 12 and history.streak_days == 1
    assert history.year_to_date_m > 0


def test_goal_feasibility_reads_the_runs_once_there_are_some(alice):
    profile = alice.profile
    profile.typical_week_m = 10000
    profile.save()
    assert history_for(profile, TODAY).weekly_m == (10000,) * 4  # what the runner told us
    for weeks_ago in range(1, 5):
        make_run(alice, at(date(2024, 6, 10) - timedelta(weeks=weeks_ago)), 30000, 180)
    history = history_for(profile, TODAY)
    assert history.weekly_m[-4:] == (30000,) * 4
    goal = GoalTarget("distance", 33000, "week", by=TODAY + timedelta(weeks=4))
    verdict = feasibility.assess(goal, history, TODAY)
    assert verdict.verdict == feasibility.REALISTIC
    assert "30 km a week" in verdict.reasons[0]


def test_two_runs_in_the_week_in_progress_are_about_two_a_week_not_none(alice):
    make_run(alice, at(date(2024, 6, 10)), 5000, 30)  # Monday of this week
    make_run(alice, at(TODAY), 4000, 25)
    history = summary(alice)
    assert history.weekly_runs == (2,) and history.weekly_m == (9000,)
    goal = GoalTarget("runs", 4, "week", by=TODAY + timedelta(weeks=8))
    verdict = feasibility.assess(goal, history, TODAY)
    assert "about 2 runs a week" in verdict.reasons[0]
    assert "about 0 times" not in " ".join(verdict.reasons)


def test_after_a_break_lately_starts_from_the_comeback(alice):
    monday = date(2024, 6, 10)
    for weeks_ago in range(8, 12):  # running before six weeks off
        make_run(alice, at(monday - timedelta(weeks=weeks_ago)), 8000, 48)
    make_run(alice, at(monday), 3000, 20)  # back this week
    make_run(alice, at(TODAY), 3000, 20)
    assert summary(alice).weekly_runs == (2,)


def test_a_told_race_counts_beside_the_runs_and_the_told_week_fills_in(alice):
    profile = alice.profile
    profile.recent_race_m, profile.recent_race_s = 5000, 28 * 60
    profile.recent_race_on = TODAY - timedelta(days=30)
    profile.typical_week_m, profile.typical_week_runs = 12000, 3
    profile.save()
    make_run(alice, at(TODAY - timedelta(days=1)), 5000, 32)  # one run entered by hand
    history = history_for(profile, TODAY)
    assert feasibility.Effort(TODAY - timedelta(days=30), 5000, 28 * 60) in history.efforts
    assert history.weekly_runs == (3, 3, 3, 1) and history.weekly_m[:3] == (12000,) * 3
    goal = GoalTarget("race_time", 27 * 60, race_distance_m=5000, by=TODAY + timedelta(weeks=12))
    verdict = feasibility.assess(goal, history, TODAY)
    assert verdict.verdict != feasibility.NEED_HISTORY
    assert "race or timed run" not in " ".join(verdict.reasons)
