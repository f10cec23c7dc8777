"""`milepost import` as a runner types it: a real process, its JSON, its exit codes and its
progress bar (only on a terminal)."""

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from milepost.runs.models import Activity

from .helpers import MULTISPORT_FIT, RUN_FIT, RUN_TCX, SAMPLES, corrupt_fit, day

MILEPOST = str(Path(sys.executable).with_name("milepost"))
ACTIVITY_KEYS = {
    "start",
    "sport",
    "distance_m",
    "elapsed_s",
    "moving_s",
    "elevation_gain_m",
    "avg_hr",
    "best_efforts",
    "longest_continuous_run_m",
}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A data directory of its own, migrated once, with the runner ana."""
    folder = tmp_path_factory.mktemp("cli-data")
    env = {**os.environ, "MILEPOST_DATA_DIR": str(folder)}
    subprocess.run([MILEPOST, "migrate", "-v", "0"], env=env, check=True)
    create = "from milepost.accounts.models import Profile; Profile.objects.create_runner('ana')"
    subprocess.run([MILEPOST, "shell", "-c", create], env=env, check=True)
    return folder


def milepost(data_dir, *args, **kwargs):
    env = {**os.environ, "MILEPOST_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [MILEPOST, *args], env=env, capture_output=True, text=True, timeout=120, **kwargs
    )


@pytest.fixture(scope="module")
def bad_fit(tmp_path_factory):
    path = tmp_path_factory.mktemp("bad") / "broken.fit"
    path.write_bytes(corrupt_fit(day(2024, 5, 1)))
    return path


def test_the_import_command_is_reachable_as_milepost_import(data_dir):
    result = milepost(data_dir, "help", "import")
    assert result.returncode == 0
    assert "Import runs from GPX, TCX and FIT files" in result.stdout


def test_json_output_is_one_object_with_an_entry_per_activity(data_dir, bad_fit):
    result = milepost(data_dir, "import", str(RUN_FIT), str(MULTISPORT_FIT), str(bad_fit),
                      "--user", "ana", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # not a terminal: no progress bar
    report = json.loads(result.stdout)  # exactly one object
    assert set(report) == {"files", "totals"}
    assert report["totals"] == {"imported": 4, "duplicate": 0, "skipped": 2, "rejected": 1}
    for entry in report["files"]:
        assert set(entry) == {"path", "status", "reason", "activity"}
    fenix, *legs, broken = report["files"]
    assert fenix["path"] == RUN_FIT.name and fenix["status"] == "imported"
    assert set(fenix["activity"]) == ACTIVITY_KEYS
    assert fenix["activity"]["start"] == "2015-08-15T14:45:08Z"
    assert fenix["activity"]["sport"] == "run"
    assert set(fenix["activity"]["best_efforts"]) == {"1k", "1mi", "5k"}
    assert {leg["path"] for leg in legs} == {MULTISPORT_FIT.name}
    assert [leg["status"] for leg in legs] == [
        "imported",
        "skipped",
        "imported",
        "skipped",
        "imported",
    ]
    assert [leg["activity"] is None for leg in legs] == [False, True, False, True, False]
    assert broken == {
        "path": "broken.fit",
        "status": "rejected",
        "reason": "The file is damaged and too little of it is readable.",
        "activity": None,
    }

    again = milepost(data_dir, "import", str(RUN_FIT), "--user", "ana", "--json")
    assert again.returncode == 0
    [entry] = json.loads(again.stdout)["files"]
    assert entry["status"] == "duplicate" and entry["activity"] == fenix["activity"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", str(RUN_TCX), "--user", "nobody"], "there is no user named 'nobody'"),
        (["import", "/no/such/file.fit", "--user", "ana"], "no such file or folder"),
        (["import", str(RUN_TCX)], "the following arguments are required: --user"),
    ],
)
def test_usage_errors_exit_2_with_one_clear_line(data_dir, args, message):
    result = milepost(data_dir, *args)
    assert result.returncode == 2
    assert message in result.stderr
    if "--user" in args:
        assert result.stderr.strip().count("\n") == 0 and result.stdout == ""


def test_a_device_is_refused_in_one_line_without_being_read(data_dir):
    result = milepost(data_dir, "import", "/dev/zero", "--user", "ana")
    assert result.returncode == 2
    assert result.stderr.strip() == "milepost import: not a file or a folder: /dev/zero"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(data_dir, tmp_path):
    pipe = tmp_path / "runs.gpx"
    os.mkfifo(pipe)
    result = milepost(data_dir, "import", str(pipe), "--user", "ana")
    assert result.returncode == 2
    assert result.stderr.strip() == f"milepost import: not a file or a folder: {pipe}"


@pytest.mark.django_db
def test_the_import_service_skips_a_pipe_or_device_it_is_given(alice, tmp_path):
    from milepost.runs.services import import_paths

    pipe = tmp_path / "runs.fit"
    os.mkfifo(pipe)
    report = import_paths(owner=alice, paths=[pipe, "/dev/zero"])
    assert [(e.status, e.code) for e in report.entries] == [
        ("rejected", "not_regular"),
        ("rejected", "not_regular"),
    ]


def test_a_terminal_gets_a_progress_bar_on_stderr(data_dir):
    leader, follower = pty.openpty()
    env = {**os.environ, "MILEPOST_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(
        [MILEPOST, "import", str(SAMPLES / "tcxparser"), "--user", "ana"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    )
    os.close(follower)
    out, _ = process.communicate(timeout=120)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.returncode == 0
    assert b"] 2/2 files" in shown and b"[#" in shown
    assert "already there" in out


@pytest.mark.django_db
def test_the_text_report_names_every_file_that_did_not_go_in(alice, bad_fit):
    out = io.StringIO()
    call_command("import", str(RUN_FIT), str(bad_fit), user="alice", stdout=out)
    text = out.getvalue()
    assert "rejected   broken.fit: The file is damaged" in text
    assert "1 imported, 0 already there, 0 skipped, 1 not imported (2 files)." in text
    assert Activity.objects.filter(owner=alice).count() == 1


def test_the_import_command_starts_without_the_system_checks():
    from django.core.management import load_command_class

    # They import every URL module (about a second) before a byte is read.
    assert load_command_class("milepost.runs", "import").requires_system_checks == []
