"""`milepost nudges` (a replay of the triggers on any day) and `milepost demo`."""

import io
import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from milepost.goals.models import Goal, Status
from milepost.nudges.models import DemoRunner, Nudge
from milepost.reflection.models import Round, RoundTheme, Stage, ThemeStatus
from milepost.runs.models import Activity, WeeklyTotal

from .helpers import days_ago, run_every, run_on

MILEPOST = str(Path(sys.executable).with_name("milepost"))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A data directory of its own, migrated once, with the demo runner."""
    folder = tmp_path_factory.mktemp("nudges-cli")
    env = {**os.environ, "MILEPOST_DATA_DIR": str(folder)}
    subprocess.run([MILEPOST, "migrate", "-v", "0"], env=env, check=True)
    subprocess.run([MILEPOST, "demo"], env=env, check=True, capture_output=True)
    return folder


def milepost(data_dir, *args):
    env = {**os.environ, "MILEPOST_DATA_DIR": str(data_dir)}
    return subprocess.run([MILEPOST, *args], env=env, capture_output=True, text=True, timeout=120)


def test_json_is_a_list_of_kind_since_and_reason(data_dir):
    result = milepost(data_dir, "nudges", "--user", "demo", "--json")
    assert result.returncode == 0, result.stderr
    nudges = json.loads(result.stdout)
    assert isinstance(nudges, list) and nudges
    for nudge in nudges:
        assert set(nudge) == {"kind", "since", "reason"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", nudge["since"])
    assert nudges[0]["kind"] == "break"
    assert nudges[0]["reason"].startswith("Welcome back: your first run after 20 days off.")


def test_without_json_each_nudge_is_a_line(data_dir):
    result = milepost(data_dir, "nudges", "--user", "demo", "--today", "2001-01-01")
    assert (result.returncode, result.stdout) == (0, "No nudges open on 2001-01-01.\n")
    result = milepost(data_dir, "nudges", "--user", "demo")
    assert re.match(r"\d{4}-\d{2}-\d{2}  break: Welcome back", result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "demo", "--today", "2026-02-30"], "must be a date as YYYY-MM-DD"),
        (["--user", "demo", "--today", "yesterday"], "must be a date as YYYY-MM-DD"),
        (["--user", "nobody"], "No runner called 'nobody'."),
        ([], "the following arguments are required: --user"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(data_dir, args, message):
    result = milepost(data_dir, "nudges", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def replay(day) -> list[dict]:
    out = io.StringIO()
    call_command("nudges", "--user", "alice", "--today", day.isoformat(), "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_a_replay_shows_the_break_the_day_after_a_20_day_gap_and_not_the_week_before(alice):
    last = days_ago(60)
    run_every(alice, last - timedelta(days=40), last)
    back = last + timedelta(days=21)  # 20 days without a run
    run_on(alice, back)
    run_every(alice, back + timedelta(days=2), days_ago(1))
    assert replay(back) == [
        {
            "kind": "break",
            "since": back.isoformat(),
            "reason": "Welcome back: your first run after 20 days off. A fresh round can set "
            "goals that fit where you are now.",
        }
    ]
    assert replay(back - timedelta(days=7)) == []
    assert replay(back - timedelta(days=1)) == []
    assert Nudge.objects.count() == 0  # a replay stores nothing


# The demo ----------------------------------------------------------------------------------


def make_demo(*args) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_demo_is_a_working_account_with_a_year_of_runs_and_a_nudge():
    output = make_demo()
    password = re.search(r"password: (\S+)", output)[1]
    assert "username: demo" in output and "1 open nudge." in output
    demo = get_user_model().objects.get(username="demo")
    assert DemoRunner.objects.filter(user=demo).exists()
    assert demo.profile.name == "Demo runner"
    runs = Activity.objects.filter(owner=demo)
    assert 150 < runs.count() < 250 and runs.filter(is_race=True).count() == 1
    assert WeeklyTotal.objects.filter(owner=demo).count() > 45
    round = Round.objects.get(owner=demo)
    assert round.stage == Stage.DONE and round.notes.count() >= 6
    assert len({note.question for note in round.notes.all()}) >= 6
    assert RoundTheme.objects.filter(round=round, status=ThemeStatus.CONFIRMED).count() >= 3
    goals = Goal.objects.filter(owner=demo)
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


@pytest.mark.django_db
def test_running_it_again_says_it_exists_and_reset_makes_it_afresh():
    first = make_demo()
    assert "already exists" in make_demo()
    again = make_demo("--reset")
    assert again.startswith("Made the demo runner afresh")
    assert re.search(r"password: (\S+)", first)[1] != re.search(r"password: (\S+)", again)[1]
    assert get_user_model().objects.filter(username="demo").count() == 1
    assert Round.objects.count() == 1


@pytest.mark.django_db
def test_the_demo_never_touches_a_real_runners_account(alice, make_goal):
    make_goal(alice)
    for args in (["--username", "alice"], ["--username", "alice", "--reset"]):
        with pytest.raises(CommandError, match="'alice' is a real runner's account"):
            make_demo(*args)
    assert Goal.objects.filter(owner=alice).count() == 1
    assert not Activity.objects.exists()
