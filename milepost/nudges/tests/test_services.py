"""Nudges worked out from real rows, stored once, kept dismissed, snoozed, closed."""

import io
import json
from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from milepost import clock, demo
from milepost.accounts import pagecache
from milepost.goals.models import Status
from milepost.nudges import services, triggers
from milepost.nudges.models import CycleStart, Nudge, NudgeCheck
from milepost.reflection.models import Round
from milepost.runmath.units import BEST_EFFORT_DISTANCES as EFFORT_KEYS
from milepost.runs.models import Activity
from milepost.runs.services import delete_activity, record_run, start_upload
from milepost.runs.tests.helpers import fit_run

from .helpers import comeback, days_ago, run_on, today

pytestmark = pytest.mark.django_db


def test_a_comeback_run_stores_a_break_nudge_once(alice):
    comeback(alice, back_days_ago=3, off=20)
    [new] = services.refresh_nudges(alice)
    assert (new.kind, new.since, new.goal) == ("break", days_ago(3), None)
    assert new.reason.startswith("Welcome back: your first run after 20 days off.")
    assert services.refresh_nudges(alice) == []
    assert Nudge.objects.count() == 1
    assert services.open_nudges(alice) == [new]
    assert NudgeCheck.objects.get(owner=alice).checked_on == today()


def test_a_dismissed_nudge_stays_dismissed(alice):
    comeback(alice)
    [nudge] = services.refresh_nudges(alice)
    services.dismiss(nudge=nudge)
    assert services.open_nudges(alice) == []
    assert services.refresh_nudges(alice) == []
    nudge.refresh_from_db()
    assert nudge.dismissed_at is not None and nudge.closed_on is None
    assert Nudge.objects.count() == 1


def test_a_snoozed_nudge_is_hidden_until_its_date(alice, travel):
    comeback(alice)
    [nudge] = services.refresh_nudges(alice)
    nudge.snooze(today() + timedelta(days=7))
    assert services.open_nudges(alice) == []
    travel(days=6)
    assert services.open_nudges(alice) == []
    travel(days=1)
    assert services.open_nudges(alice) == [nudge]


def test_a_nudge_no_longer_found_closes_and_is_not_shown(alice):
    back = comeback(alice)
    services.refresh_nudges(alice)
    assert len(services.open_nudges(alice)) == 1
    delete_activity(activity=back)  # a run logged by mistake: no comeback after all
    assert services.open_nudges(alice) == []  # at once, as the dashboard reads
    assert Nudge.objects.get().closed_on is None  # reading never writes
    services.refresh_nudges(alice)  # the worker's check
    assert Nudge.objects.get().closed_on == today()


def test_the_dashboard_reads_nudges_without_writing(alice):
    comeback(alice)
    with CaptureQueriesContext(connection) as queries:
        [nudge] = services.open_nudges(alice)
    assert nudge.pk is None and nudge.kind == "break"
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert not Nudge.objects.exists() and not NudgeCheck.objects.exists()


def test_a_check_is_current_until_the_runners_data_changes(alice):
    comeback(alice)
    services.refresh_nudges(alice)
    assert services.is_checked(alice, today())
    run_on(alice, today(), 5)  # a write of what the pages show: the check is stale
    assert not services.is_checked(alice, today())
    assert services.refresh_due_nudges() == 1
    assert services.is_checked(alice, today())
    assert services.refresh_due_nudges() == 0


def test_a_run_entered_by_hand_is_seen_on_the_next_dashboard_view(alice):
    comeback(alice)
    Activity.objects.order_by("-local_date").first().delete()
    assert services.open_nudges(alice) == []
    run_on(alice, today(), 5)
    assert [n.kind for n in services.open_nudges(alice)] == ["break"]


def test_a_goal_marked_done_is_celebrated(alice, make_goal):
    goal = make_goal(alice, title="Coast path with Jo", status=Status.ACTIVE)
    assert services.refresh_nudges(alice) == []
    goal.status = Status.DONE
    goal.save()
    pagecache.mark_changed(alice.pk)
    [nudge] = services.open_nudges(alice)
    assert (nudge.kind, nudge.goal, nudge.since) == ("goal_reached", goal, today())
    assert "You reached “Coast path with Jo”" in nudge.reason


def test_editing_a_goal_after_it_was_reached_keeps_the_day_it_was_reached(alice, make_goal, travel):
    goal = make_goal(alice, title="Coast path with Jo", status=Status.DONE)
    reached = today()
    travel(days=3)
    goal.why = "A day out with my sister."
    goal.save()
    [nudge] = services.open_nudges(alice)
    assert (nudge.kind, nudge.since) == ("goal_reached", reached)
    out = io.StringIO()
    call_command("nudges", "--user", "alice", "--json", stdout=out)
    assert json.loads(out.getvalue())[0]["since"] == reached.isoformat()


def test_a_race_time_reached_in_a_race_is_celebrated(alice, make_goal):
    goal = make_goal(
        alice,
        title="10K under 55 minutes",
        status=Status.ACTIVE,
        kind="measurable",
        metric="race_time",
        race_distance_m=10000,
        target_value=55 * 60,
        target_unit="s",
    )
    run_on(alice, today(), 10, is_race=True)  # 10 km in 3600 s: not yet
    assert services.refresh_nudges(alice) == []
    record_run(owner=alice, on=today(), distance_m=10020, duration_s=54 * 60, is_race=True)
    [nudge] = services.open_nudges(alice)
    assert (nudge.kind, nudge.goal) == ("goal_reached", goal)


def test_a_weekly_target_met_is_a_good_week_not_a_goal_reached(alice, make_goal):
    make_goal(
        alice,
        title="10 km a week",
        status=Status.ACTIVE,
        kind="measurable",
        metric="distance",
        period="week",
        target_value=10000,
        target_unit="m",
    )
    run_on(alice, today(), 12)
    assert services.refresh_nudges(alice) == []


def test_a_cycle_start_opens_a_new_cycle_nudge_on_its_day(alice, travel):
    start = today() + timedelta(days=2)
    CycleStart.objects.create(owner=alice, day=start)
    assert services.refresh_nudges(alice) == []
    travel(days=2)
    [nudge] = services.open_nudges(alice)
    assert (nudge.kind, nudge.since) == ("new_cycle", start)
    assert nudge.start_round_url == "/rounds/new/?reason=new_cycle"


def test_starting_a_round_answers_the_open_nudges(alice):
    comeback(alice)
    [nudge] = services.refresh_nudges(alice)
    Round.objects.create(owner=alice, reason="break")
    services.close_answered(alice, today())  # what starting a round calls (rounds.services)
    nudge.refresh_from_db()
    assert nudge.closed_on == today()
    assert services.refresh_nudges(alice) == []
    assert services.open_nudges(alice) == []


def test_paused_and_someday_goals_raise_nothing(alice, make_goal):
    for status in (Status.PAUSED, Status.SOMEDAY, Status.DRAFT):
        make_goal(alice, status=status, kind="measurable", metric="race_finish",
                  race_distance_m=10000, horizon="date", target_date=days_ago(2))  # fmt: skip
    assert services.refresh_nudges(alice) == []


def test_the_periodic_check_runs_once_a_day_per_runner(alice, bob, travel):
    comeback(alice)
    assert services.refresh_due_nudges() == 2
    assert services.refresh_due_nudges() == 0
    assert Nudge.objects.filter(owner=alice).count() == 1
    travel(days=1)
    assert services.refresh_due_nudges(limit=1) == 1
    assert services.refresh_due_nudges() == 1


def queries_to_refresh(owner) -> int:
    with CaptureQueriesContext(connection) as queries:
        services.detect_nudges(owner, today())
    return len(queries)


def test_working_nudges_out_costs_the_same_for_one_year_as_for_six(alice, bob):
    zone = alice.profile.zone
    demo.add_runs(alice, demo.synthetic_days(days_ago(365), today(), seed=1), zone)
    demo.add_runs(bob, demo.synthetic_days(days_ago(6 * 365), today(), seed=1), zone)
    assert queries_to_refresh(alice) == queries_to_refresh(bob) == 7


def test_the_bounded_read_gives_what_the_whole_history_gives(alice, make_goal):
    """Six years with breaks, a race and flat spells: on every tenth day of the last two years,
    the nudges from ``trigger_inputs`` (at most HISTORY_DAYS back) are those of the whole
    history."""
    runs = demo.synthetic_days(days_ago(6 * 365), today(), seed=3)
    runs = [r for r in runs if not 300 <= (today() - r["day"]).days % 400 <= 330]
    for r in runs[::9]:
        r["feeling"] = 1
    demo.add_runs(alice, runs, alice.profile.zone)
    goal_fields = dict(kind="measurable", metric="race_time", race_distance_m=10000,
                       target_value=40 * 60, target_unit="s", horizon="date")  # fmt: skip
    long_ago = clock.now() - timedelta(days=800)
    make_goal(alice, status=Status.ACTIVE, target_date=today() + timedelta(days=40),
              created_at=long_ago, **goal_fields)  # fmt: skip
    make_goal(alice, status=Status.DONE, target_date=days_ago(200), created_at=long_ago,
              **goal_fields)  # fmt: skip
    everything = [
        triggers.RunDay(a.local_date, a.distance_m, a.moving_s, a.feeling)
        for a in Activity.objects.filter(owner=alice)
    ]
    efforts = [
        triggers.Effort(a.local_date, EFFORT_KEYS[k], s)
        for a in Activity.objects.filter(owner=alice)
        for k, s in a.best_efforts.items()
        if k in ("5k", "10k")
    ]
    seen = set()
    for back in range(0, 730, 10):
        day = days_ago(back)
        inputs = services.trigger_inputs(alice, day)
        bounded = triggers.detect(**inputs)
        inputs.update(runs=everything, efforts=efforts, weekly_m=None)
        assert bounded == triggers.detect(**inputs), day
        seen |= {n.kind for n in bounded}
    assert {"break", "plateau", "low_motivation"} <= seen


@pytest.mark.django_db(transaction=True)  # the worker manages its own transactions
def test_an_imported_comeback_shows_as_soon_as_the_import_ends(alice, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    starts = [days_ago(n) for n in (40, 38, 36, 34, 12)]  # 21 days off, back 12 days ago
    files = [
        SimpleUploadedFile(f"run-{n}.fit", fit_run(datetime.combine(day, time(7), tzinfo=UTC)))
        for n, day in enumerate(starts)
    ]
    start_upload(owner=alice, files=files)
    call_command("db_worker", "--batch", verbosity=0)
    assert Activity.objects.filter(owner=alice).count() == 5
    [shown] = services.open_nudges(alice)  # the dashboard, at once
    assert (shown.kind, shown.since) == ("break", days_ago(12))
    services.refresh_due_nudges()  # the worker's periodic check stores it
    [nudge] = Nudge.objects.filter(owner=alice)
    assert (nudge.kind, nudge.since) == ("break", days_ago(12))
    assert "after 21 days off" in nudge.reason
    assert NudgeCheck.objects.get(owner=alice).checked_on == today()
