"""`milepost nudges`: a replay of the triggers on any day."""

import io
import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command

from milepost.nudges.models import Nudge

from .helpers import days_ago, run_every, run_on

MILEPOST = str(Path(sys.executable).with_name("milepost"))


DEMO_DAY = "2026-03-05"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A data directory of its own, migrated once, with the demo runner's year up to
    ``DEMO_DAY``."""
    folder = tmp_path_factory.mktemp("nudges-cli")
    env = {**os.environ, "MILEPOST_DATA_DIR": str(folder)}
    subprocess.run([MILEPOST, "migrate", "-v", "0"], env=env, check=True)
    subprocess.run(
        [MILEPOST, "demo", "--today", DEMO_DAY], env=env, check=True, capture_output=True
    )
    return folder


def milepost(data_dir, *args):
    env = {**os.environ, "MILEPOST_DATA_DIR": str(data_dir)}
    return subprocess.run([MILEPOST, *args], env=env, capture_output=True, text=True, timeout=120)


def test_json_is_a_list_of_kind_since_and_reason(data_dir):
    result = milepost(data_dir, "nudges", "--user", "demo", "--today", DEMO_DAY, "--json")
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
    result = milepost(data_dir, "nudges", "--user", "demo", "--today", DEMO_DAY)
    assert re.match(r"\d{4}-\d{2}-\d{2}  break: Welcome back", result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "demo", "--today", "2026-02-30"], "must be a date as YYYY-MM-DD"),
        (["--user", "demo", "--today", "yesterday"], "must be a date as YYYY-MM-DD"),
        (["--user", "demo", "--today", "0001-01-01"], "must be a day from 1980-01-01"),
        (["--user", "demo", "--today", "9999-12-31"], "must be a day from 1980-01-01"),
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
