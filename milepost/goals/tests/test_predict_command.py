"""``milepost predict``, through call_command and as a real process."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

REPO = Path(__file__).resolve().parents[3]


def predict(*args):
    out = StringIO()
    call_command("predict", *args, stdout=out)
    return json.loads(out.getvalue())


def test_it_prints_vdot_and_equivalents_as_json():
    # RUNNING_SCIENCE.md §1.3: 10K 50:00 -> VDOT 40.01; 24:06, 1:50:52, 3:49:34.
    result = predict("--distance", "10k", "--time", "50:00")
    assert result["vdot"] == pytest.approx(40.01, abs=0.005)
    assert result["equivalents"]["5k"] == {"seconds": 24 * 60 + 6, "hms": "0:24:06"}
    assert result["equivalents"]["half"]["hms"] == "1:50:52"
    assert result["equivalents"]["marathon"]["hms"] == "3:49:34"
    assert result["age_grade_pct"] is None


def test_it_adds_the_to_distance():
    result = predict("--distance", "5k", "--time", "25:00", "--to", "10mi")
    assert "10mi" in result["equivalents"]


def test_with_age_and_category_it_grades_and_checks_boston():
    # §4.6 (F 60 marathon 4:30:00: 2:43:08, 60.42 %) and §3.1 (women 60-64: 4:20:00).
    result = predict(
        "--distance", "marathon", "--time", "4:30:00", "--age", "60", "--category", "women"
    )
    assert result["age_grade_pct"] == pytest.approx(60.42, abs=0.005)
    assert result["age_standard_s"] == 2 * 3600 + 43 * 60 + 8
    assert result["bq_standard_s"] == 4 * 3600 + 20 * 60
    assert result["bq_margin_s"] == -10 * 60


def test_method_and_table_are_options():
    result = predict(
        "--distance", "10k", "--time", "42:25", "--age", "54", "--category", "men",
        "--method", "riegel", "--table", "2015",
    )  # fmt: skip
    assert result["age_grade_pct"] == pytest.approx(73.29, abs=0.005)
    assert result["equivalents"]["5k"]["hms"] == "0:20:21"  # 2545 * 0.5 ** 1.06 = 1220.7 s


def test_bad_input_is_a_command_error_with_status_2():
    with pytest.raises(CommandError, match="needs a unit") as error:
        predict("--distance", "10", "--time", "50:00")
    assert error.value.returncode == 2


def test_a_missing_option_is_a_command_error_with_status_2():
    with pytest.raises(CommandError, match="--time") as error:
        predict("--distance", "10k")
    assert error.value.returncode == 2


def run(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "milepost.settings", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "django", "predict", *args],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=60, check=False,
    )  # fmt: skip


def test_as_a_process_it_prints_one_json_object():
    done = run("--distance", "half", "--time", "1:45:00", "--age", "52", "--category", "nonbinary")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["bq_standard_s"] == 3 * 3600 + 50 * 60  # women's 50-54 time


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--distance", "half", "--time", "2:00"], "world record"),
        (["--distance", "5k"], "--time"),
        (["--distance", "5k", "--time", "25:00", "--age", "forty"], "--age"),
        (["--distance", "5k", "--time", "25:00", "--method", "magic"], "--method"),
    ],
)
def test_as_a_process_bad_input_is_one_line_on_stderr_and_status_2(args, complaint):
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert complaint in done.stderr
