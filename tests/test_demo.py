"""`milepost demo` (a demo runner with a made-up year, as of any day) and `milepost serve`,
the project-level commands."""

import io
import os
import re
import subprocess
import sys
import zoneinfo
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from milepost import demo
from milepost.goals.models import Goal, Status
from milepost.nudges.models import DemoRunner
from milepost.reflection.models import Note, Round, RoundTheme, Stage, ThemeStatus
from milepost.runs.models import Activity, WeeklyTotal

MILEPOST = str(Path(sys.executable).with_name("milepost"))
MONDAY = date(2026, 3, 2)
A_WEEK = [MONDAY + timedelta(days=n) for n in range(7)]


def make_demo(*args) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def on_demo_day(travel):
    """Puts the clock at 10:00 on the day, where the demo runner lives."""

    def move(day: date):
        travel(to=datetime.combine(day, time(10), tzinfo=zoneinfo.ZoneInfo(demo.TIME_ZONE)))

    return move


@pytest.mark.django_db
@pytest.mark.parametrize("today", A_WEEK, ids=lambda day: day.strftime("%a"))
def test_the_demo_is_a_working_account_with_a_year_of_runs_and_a_nudge(today, on_demo_day):
    on_demo_day(today)
    output = make_demo("--today", today.isoformat())
    password = re.search(r"password: (\S+)", output)[1]
    assert "username: demo" in output and "1 open nudge." in output
    demo_user = get_user_model().objects.get(username="demo")
    assert DemoRunner.objects.filter(user=demo_user).exists()
    assert demo_user.profile.name == "Demo runner"
    runs = Activity.objects.filter(owner=demo_user)
    assert 150 < runs.count() < 250 and runs.filter(is_race=True).count() == 1
    assert max(run.local_date for run in runs) == today - timedelta(days=2)
    assert WeeklyTotal.objects.filter(owner=demo_user).count() > 45
    rounds = Round.objects.filter(owner=demo_user)  # the latest first
    assert [r.stage for r in rounds] == [Stage.DONE] * 3
    assert len({r.started_at.year for r in rounds}) == 3
    round = rounds.first()
    assert round.stage == Stage.DONE and round.notes.count() >= 6
    assert len({note.question for note in round.notes.all()}) >= 6
    assert RoundTheme.objects.filter(round=round, status=ThemeStatus.CONFIRMED).count() >= 3
    goals = Goal.objects.filter(owner=demo_user)
    assert goals.filter(status=Status.ACTIVE).count() == 3
    assert all(goal.steps.exists() for goal in goals.filter(status=Status.ACTIVE))

    client = Client()
    assert client.login(username="demo", password=password)
    body = client.get(reverse("dashboard")).content.decode()
    assert "Hello, Demo runner" in body
    assert "Demo runner: the runs, rounds and goals here are made up" in body
    assert "Welcome back: your first run after 20 days off." in body
    assert 'href="/rounds/new/?reason=break"' in body
    assert "Run a half marathon in under 2:15" in body
    years = client.get(reverse("rounds:years")).content.decode()
    assert "Running with people has been in every round since" in years
    assert "Competing has not come back since" in years


@pytest.mark.django_db
def test_without_today_the_demo_ends_on_the_demo_runners_today(on_demo_day):
    on_demo_day(MONDAY)
    make_demo()
    runs = Activity.objects.filter(owner__username="demo")
    assert max(run.local_date for run in runs) == MONDAY - timedelta(days=2)


@pytest.mark.django_db
def test_running_it_again_says_it_exists_and_reset_makes_it_afresh(on_demo_day):
    on_demo_day(MONDAY)
    first = make_demo()
    assert "already exists" in make_demo()
    again = make_demo("--reset")
    assert again.startswith("Made the demo runner afresh")
    assert re.search(r"password: (\S+)", first)[1] != re.search(r"password: (\S+)", again)[1]
    assert get_user_model().objects.filter(username="demo").count() == 1
    assert Round.objects.filter(owner__username="demo").count() == 3
    assert get_user_model().objects.filter(username__startswith="demo-coach").count() == 3


@pytest.mark.django_db
def test_the_demo_never_touches_a_real_runners_account(alice, make_goal):
    make_goal(alice)
    for args in (["--username", "alice"], ["--username", "alice", "--reset"]):
        with pytest.raises(CommandError, match="'alice' is a real runner's account"):
            make_demo(*args)
    assert Goal.objects.filter(owner=alice).count() == 1
    assert not Activity.objects.exists()


def test_a_bad_today_is_a_usage_error():
    with pytest.raises(CommandError, match="must be a date as YYYY-MM-DD, not '2026-02-30'"):
        make_demo("--today", "2026-02-30")


def test_the_console_script_serves_from_the_project_level_command(tmp_path):
    env = {**os.environ, "MILEPOST_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [MILEPOST, "serve", "--port", "0"], env=env, capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "--port must be between 1 and 65535.\n"


@pytest.mark.django_db
def test_the_demo_coach_has_three_clients_sharing_different_things(on_demo_day, capsys):
    from milepost.coaching.roster import roster

    today = date(2026, 11, 12)
    on_demo_day(today)
    output = make_demo("--today", today.isoformat())
    password = re.search(r"demo-coach\n  password: (\S+)", output).group(1)
    coach = get_user_model().objects.get(username="demo-coach")
    clients = roster(coach, today=today)
    scopes = {c.runner.username: c.grant.scopes for c in clients}
    assert scopes == {
        "demo": ["goals", "reflections", "runs"],
        "demo-coach-priya": ["goals", "runs"],
        "demo-coach-tom": ["goals"],
    }
    kinds = {c.runner.username: {r.kind for r in c.reasons} for c in clients}
    assert {"quiet", "step_overdue"} <= kinds["demo-coach-priya"]
    assert {"purpose_rethink", "paused", "step_overdue"} <= kinds["demo-coach-tom"]
    group = coach.coached_groups.get()
    shared = [
        n.text
        for n in Note.objects.filter(
            round__group_seat__group_round__group=group, shared_with="group"
        )
    ]
    assert len(shared) == 1 and group.memberships.count() == 2
    web = Client()
    assert web.login(username="demo-coach", password=password)
    group_page = web.get(reverse("coaching:group", args=[group.pk])).content.decode()
    assert shared[0] in group_page and "Not sure yet" not in group_page
    page = web.get(reverse("coaching:roster")).content.decode()
    assert "Priya" in page and "Tom" in page and "Demo runner" in page
    again = make_demo("--today", today.isoformat(), "--reset")
    assert (
        "demo-coach" in again
        and get_user_model().objects.filter(username="demo-coach").count() == 1
    )
