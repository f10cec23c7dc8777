"""Progress of every kind of measurable goal from real Activity rows, as the pages show it,
read in the same number of queries for one year of history as for ten."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from milepost import clock
from milepost.goals.models import GoalPause, Status
from milepost.goals.tracking import progress_for, run_facts, runs_from, weekly_volume
from milepost.runs.models import Activity, WeeklyTotal, recompute_totals

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 5, 12, tzinfo=UTC)  # a Thursday; the week runs 2 to 8 March
TODAY = NOW.date()
STARTED = datetime(2026, 2, 1, 9, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


def run(owner, day: date, km: float, minutes: float | None = None, **fields) -> Activity:
    activity = Activity(
        owner=owner,
        start=datetime(day.year, day.month, day.day, 7, tzinfo=UTC),
        distance_m=km * 1000,
        elapsed_s=(minutes or km * 6) * 60,
        moving_s=(minutes or km * 6) * 60,
        **fields,
    )
    activity.save()
    recompute_totals(owner.pk, [activity.local_date])
    return activity


@pytest.fixture
def measurable(make_goal):
    def make(owner, metric, target=None, **fields):
        defaults = dict(
            title=f"A {metric} goal",
            kind="measurable",
            metric=metric,
            target_value=target,
            status=Status.ACTIVE,
            created_at=STARTED,
        )
        return make_goal(owner, **{**defaults, **fields})

    return make


def measured(owner, goal, **kwargs):
    return progress_for([goal], owner.profile, TODAY, **kwargs)[goal.pk]


# Distance, time and runs per week, month or year --------------------------------------------


def test_a_weekly_distance_goal_counts_this_weeks_runs(alice, measurable):
    run(alice, date(2026, 3, 1), 10)  # last Sunday: last week
    run(alice, date(2026, 3, 2), 5)
    run(alice, date(2026, 3, 4), 7.5)
    run(alice, date(2026, 3, 6), 30)  # tomorrow's plan, already typed in: not yet
    goal = measurable(alice, "distance", 20000, period="week", target_unit="m")
    shown = measured(alice, goal)
    assert shown.result.current == 12500
    assert shown.percent == 62
    assert shown.on_track is True
    assert shown.needed == "7.5 km to go this week"
    assert shown.summary == "12.5 km of 20 km so far this week, right on track with 7.5 km to go."


def test_distances_are_told_in_the_runners_units(alice, measurable):
    alice.profile.units = "mi"
    alice.profile.save()
    run(alice, date(2026, 3, 2), 8.04672)  # 5 miles
    goal = measurable(alice, "distance", 32186.88, period="week", target_unit="m")  # 20 mi
    assert measured(alice, goal).needed == "15 mi to go this week"


def test_a_monthly_time_goal_behind_says_what_a_week_needs(alice, measurable):
    run(alice, date(2026, 3, 2), 5, minutes=30)
    goal = measurable(alice, "time", 20 * 3600, period="month", target_unit="s")
    shown = measured(alice, goal)
    assert shown.result.current == 1800
    assert shown.on_track is False
    # 19.5 hours left over the 27 days to 31 March: 19.5 / (27 / 7) = 5.06 h a week.
    assert shown.needed == "about 5 h 03 min a week from now to 31 March"
    assert shown.percent == 2


def test_a_yearly_runs_goal_counts_from_the_first_of_january(alice, measurable):
    for day in (date(2025, 12, 30), date(2026, 1, 3), date(2026, 1, 20), date(2026, 3, 1)):
        run(alice, day, 5)
    goal = measurable(alice, "runs", 100, period="year", target_unit="count")
    shown = measured(alice, goal)
    assert shown.result.current == 3  # the goal was set on 1 February; January counts
    assert shown.result.period_start == date(2026, 1, 1)


def test_other_sports_and_other_runners_do_not_count(alice, bob, measurable):
    run(alice, date(2026, 3, 2), 5)
    run(alice, date(2026, 3, 3), 40, sport="cycling", is_run=False)
    run(bob, date(2026, 3, 3), 15)
    goal = measurable(alice, "distance", 20000, period="week", target_unit="m")
    assert measured(alice, goal).result.current == 5000


# Single-run goals ---------------------------------------------------------------------------


def test_a_race_time_goal_reads_best_efforts_since_the_goal_started(alice, measurable):
    run(alice, date(2026, 1, 10), 10, best_efforts={"5k": 1400})  # before the goal
    run(alice, date(2026, 2, 14), 8, best_efforts={"5k": 1560, "1k": 290})
    goal = measurable(
        alice, "race_time", 1500, target_unit="s", race_distance_m=5000, title="Sub 25 parkrun"
    )
    shown = measured(alice, goal)
    assert shown.result.current == 1560
    assert shown.percent == 96  # 1500 / 1560
    assert shown.on_track is None and shown.needed == ""
    assert "Your best 5K since 1 February is 26:00, 1:00 from your 25:00 goal" in shown.summary


def test_a_run_marked_as_a_race_reaches_a_race_time_goal(alice, measurable):
    run(alice, date(2026, 2, 28), 5.1, minutes=24.5, is_race=True)
    goal = measurable(alice, "race_time", 1500, target_unit="s", race_distance_m=5000)
    shown = measured(alice, goal)
    assert shown.result.reached and shown.result.reached_on == date(2026, 2, 28)
    assert shown.percent == 100
    assert "You ran a 5K in 24:30 on 28 February" in shown.summary


def test_a_race_finish_goal_is_reached_by_a_run_of_the_distance(alice, measurable):
    run(alice, date(2026, 2, 8), 16)
    goal = measurable(alice, "race_finish", race_distance_m=21097.5)
    assert measured(alice, goal).percent == 75
    run(alice, date(2026, 3, 1), 21.2)
    shown = measured(alice, goal)
    assert shown.result.reached and shown.percent == 100


def test_a_longest_run_goal_counts_runs_since_it_started(alice, measurable):
    run(alice, date(2026, 1, 25), 18)  # before the goal: not counted
    run(alice, date(2026, 2, 22), 12)
    goal = measurable(alice, "longest_run", 16000, target_unit="m")
    shown = measured(alice, goal)
    assert shown.result.current == 12000 and shown.percent == 75
    assert shown.summary.startswith("Your longest run since 1 February is 12 km, 4 km to go")


def test_a_continuous_run_goal_in_metres_and_in_minutes(alice, measurable):
    run(alice, date(2026, 2, 20), 6, minutes=36, longest_continuous_run_m=3000)
    run(alice, date(2026, 3, 3), 5, minutes=30, longest_continuous_run_m=None)  # by hand
    metres = measurable(alice, "continuous_run", 5000, target_unit="m")
    minutes = measurable(alice, "continuous_run", 30 * 60, target_unit="s")
    shown = progress_for([metres, minutes], alice.profile, TODAY)
    assert shown[metres.pk].result.current == 3000 and shown[metres.pk].percent == 60
    # 3 km at the run's pace of 6 min/km: 18 minutes without walking.
    assert shown[minutes.pk].result.current == 18 * 60 and shown[minutes.pk].percent == 60


def test_a_streak_under_way_when_the_goal_was_set_counts(alice, measurable):
    first = date(2026, 1, 20)
    for n in range((TODAY - first).days + 1):
        run(alice, first + timedelta(days=n), 3)
    goal = measurable(alice, "streak", 30, target_unit="days")
    shown = measured(alice, goal)
    assert shown.result.reached_on == date(2026, 2, 18)  # 30 days from 20 January
    assert shown.result.current == 45 and shown.percent == 100


def test_a_streak_only_reads_back_as_far_as_its_target(alice, measurable):
    goal = measurable(alice, "streak", 30, target_unit="days")
    assert runs_from(goal.progress_spec(), STARTED.date(), TODAY) == date(2026, 1, 2)


# Paused and resumed -------------------------------------------------------------------------


def test_a_paused_goal_shows_its_progress_and_is_not_judged(alice, measurable):
    run(alice, date(2026, 3, 2), 2)
    goal = measurable(alice, "distance", 20000, period="week", target_unit="m")
    assert measured(alice, goal).on_track is False
    goal.status = Status.PAUSED
    goal.save()
    GoalPause.objects.create(goal=goal, reason="injury", started_at=NOW - timedelta(days=2))
    shown = measured(alice, goal)
    assert shown.paused and shown.on_track is None and shown.needed == ""
    assert shown.percent == 10
    assert shown.summary == (
        "2 km so far this week, toward 20 km a week. Paused: nothing is judged until you resume."
    )


def test_a_goal_resumed_this_week_is_never_told_it_is_behind_this_week(alice, measurable):
    run(alice, date(2026, 3, 2), 2)
    goal = measurable(alice, "distance", 20000, period="week", target_unit="m")
    pause = GoalPause.objects.create(
        goal=goal, reason="illness", started_at=NOW - timedelta(days=20), ended_at=NOW
    )
    shown = measured(alice, goal)
    assert shown.on_track is None
    assert shown.needed == "18 km to go this week"  # still told what the week needs
    pause.ended_at = NOW - timedelta(days=10)  # resumed before this week: judged again
    pause.save()
    goal.refresh_from_db()
    assert measured(alice, goal).on_track is False


# One query of runs, whatever the history ------------------------------------------------------


def test_run_facts_read_only_the_columns_the_metrics_need(alice):
    run(alice, date(2026, 3, 2), 5, best_efforts={"5k": 1500})
    with CaptureQueriesContext(connection) as queries:
        facts = run_facts(alice.pk, date(2026, 3, 1), TODAY, {"distance"})
    (sql,) = [q["sql"] for q in queries.captured_queries]
    assert "best_efforts" not in sql and "feeling" not in sql
    assert facts[0].distance_m == 5000 and facts[0].best_efforts == {}
    facts = run_facts(alice.pk, date(2026, 3, 1), TODAY, {"race_time"})
    assert facts[0].best_efforts == {"5k": 1500}


def bulk_history(owner, years: int):
    """A run every other day for ``years`` years up to today, with the totals kept."""
    runs = []
    for n in range(0, 365 * years, 2):
        activity = Activity(
            owner=owner,
            start=NOW - timedelta(days=n, hours=4),
            distance_m=8000,
            elapsed_s=2700,
            moving_s=2640,
            best_efforts={"5k": 1620},
            longest_continuous_run_m=8000,
        )
        activity.fill_local_date()
        runs.append(activity)
    Activity.objects.bulk_create(runs)
    recompute_totals(owner.pk, [r.local_date for r in runs])


def every_kind_of_goal(owner, measurable, make_goal):
    measurable(owner, "distance", 30000, period="week", target_unit="m")
    measurable(owner, "runs", 150, period="year", target_unit="count")
    measurable(owner, "race_time", 1500, target_unit="s", race_distance_m=5000)
    measurable(owner, "longest_run", 21097.5, target_unit="m")
    measurable(owner, "continuous_run", 3600, target_unit="s")
    paused = measurable(owner, "streak", 30, target_unit="days", status=Status.PAUSED)
    GoalPause.objects.create(goal=paused, reason="life", started_at=NOW)
    make_goal(owner, title="Run the coast path", status=Status.ACTIVE, created_at=STARTED)


def dashboard_queries(client, user) -> int:
    client.force_login(user)
    client.get(reverse("dashboard"))  # the day's first visit works out the nudges
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return len(queries)


def test_the_dashboard_costs_the_same_for_one_year_of_runs_as_for_ten(
    client, alice, bob, measurable, make_goal, settings
):
    settings.PAGE_CACHE = False  # the work behind the page, not the cached page
    bulk_history(alice, 1)
    bulk_history(bob, 10)
    assert WeeklyTotal.objects.filter(owner=bob).count() > 500
    for owner in (alice, bob):
        every_kind_of_goal(owner, measurable, make_goal)
    assert dashboard_queries(client, alice) == dashboard_queries(client, bob)


def test_a_goal_page_costs_the_same_for_one_year_of_runs_as_for_ten(
    client, alice, bob, measurable, settings
):
    settings.PAGE_CACHE = False  # the work behind the page, not the cached page
    counts = []
    for owner, years in ((alice, 1), (bob, 10)):
        bulk_history(owner, years)
        goal = measurable(owner, "streak", 30, target_unit="days")
        client.force_login(owner)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(goal.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# The weekly chart on the dashboard ----------------------------------------------------------


def test_weekly_volume_is_the_last_16_weeks_against_the_runners_average(alice):
    monday = date(2026, 3, 2)
    for weeks_ago, km in [(1, 20), (2, 10), (15, 30)]:
        run(alice, monday - timedelta(weeks=weeks_ago), km)
    run(alice, TODAY, 4)
    chart = weekly_volume(alice.profile, TODAY)
    assert chart.svg.count('class="bar') == 16
    assert 'class="bar current" data-value="4"' in chart.svg
    # Fifteen complete weeks since the first run, 60 km in all: 4 km a week.
    assert 'class="reference" data-value="4"' in chart.svg
    assert "Your average: 4 km" in chart.table
    assert "Your biggest week was 30 km, the week of 17 November 2025" in chart.svg


def test_weeks_before_the_first_run_are_left_out_of_the_chart_and_the_average(alice):
    run(alice, date(2026, 2, 16), 12)  # two weeks ago: the first run ever
    chart = weekly_volume(alice.profile, TODAY)
    assert chart.svg.count('class="bar') == 3  # two complete weeks and this one
    assert "before your first run" in chart.table
    assert 'class="reference" data-value="6"' in chart.svg  # 12 km over 2 weeks


def test_no_chart_before_the_first_run(alice):
    assert weekly_volume(alice.profile, TODAY) is None


# On the pages -------------------------------------------------------------------------------


def test_the_goal_page_and_the_steps_page_show_the_progress_bar(
    alice_client, alice, measurable, make_round
):
    from milepost.reflection.models import Stage

    run(alice, date(2026, 3, 2), 5)
    goal = measurable(alice, "distance", 20000, period="week", target_unit="m")
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    assert '<progress class="progress-bar" max="100" value="25"' in body
    assert 'aria-label="Progress toward A distance goal"' in body
    chart = f'aria-labelledby="goal-{goal.pk}-chart-title goal-{goal.pk}-chart-desc"'
    assert chart in body
    assert "Your goal: 20 km a week" in body
    round = make_round(alice, stage=Stage.STEPS)
    body = alice_client.get(reverse("rounds:steps", args=[round.pk])).content.decode()
    assert '<progress class="progress-bar" max="100" value="25"' in body
    assert "15 km to go this week" in body


def test_before_any_run_the_goal_invites_runs_instead_of_judging(alice_client, alice, measurable):
    goal = measurable(alice, "distance", 20000, period="week", target_unit="m")
    shown = measured(alice, goal)
    assert shown.waiting and shown.on_track is None and shown.needed == ""
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert "Milepost follows this goal from your runs" in body
    assert "Not on track yet" not in body and "progress-bar" not in body
    run(alice, date(2026, 1, 5), 5)  # any run, even long before this week, is a start
    shown = measured(alice, goal)
    assert not shown.waiting and shown.on_track is False


def test_a_marathon_time_goal_shows_where_the_runner_stands_before_race_day(alice, measurable):
    run(alice, date(2025, 11, 16), 21.0975, minutes=93, is_race=True)  # before the goal
    for day in (10, 17, 24):
        run(alice, date(2026, 2, day), 16)
    goal = measurable(
        alice, "race_time", 3 * 3600 + 15 * 60, target_unit="s", race_distance_m=42195
    )
    shown = measured(alice, goal, chart=True)
    assert shown.summary.startswith("Your recent runs point to about 3:")
    assert shown.summary.endswith("for the marathon; the goal is 3:15:00.")
    assert 80 < shown.percent < 100
    assert "Estimated time" in shown.chart.table
