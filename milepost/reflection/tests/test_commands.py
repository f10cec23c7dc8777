import json
import subprocess
import sys

import pytest
from django.core import mail
from django.core.management import call_command

from milepost.reflection.models import Stage

ANSWERS = {
    "answers": {
        "drive": ["I check my watch stats before coffee."],
        "competition": "I hate races.",
        "journey": ["Couch to 5k, week 6 of 9. Next step is running 25 minutes non-stop."],
    }
}


def run_themes(tmp_path, payload: str, *args):
    path = tmp_path / "answers.json"
    path.write_text(payload, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "milepost.cli", "themes", *(args or (str(path),))],
        capture_output=True,
        text=True,
        input=payload,
        timeout=60,
    )


def test_themes_prints_the_detected_themes_as_json(tmp_path):
    result = run_themes(tmp_path, json.dumps(ANSWERS))
    assert result.returncode == 0, result.stderr
    themes = {t["key"]: t for t in json.loads(result.stdout)["themes"]}
    assert {"numbers", "race_averse", "on_journey"} <= set(themes)
    assert "competition" not in themes
    evidence = themes["numbers"]["evidence"][0]
    assert evidence == {"question": "drive", "text": "I check my watch stats before coffee."}
    assert all(0 <= t["score"] <= 1 for t in themes.values())


def test_themes_reads_standard_input(tmp_path):
    result = run_themes(tmp_path, json.dumps(ANSWERS), "-")
    assert result.returncode == 0, result.stderr
    assert "race_averse" in result.stdout


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"notes": {}}', 'expected an object like {"answers"'),
        ('{"answers": {"mood": "great"}}', "unknown question 'mood'"),
        ('{"answers": {"drive": [1, 2]}}', "must be text or a list of texts"),
        ("[" * 100_000 + "]" * 100_000, "the JSON is nested too deeply"),
    ],
)
def test_themes_explains_bad_input_in_one_line_and_exits_2(tmp_path, payload, message):
    result = run_themes(tmp_path, payload)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_themes_explains_a_missing_file(tmp_path):
    result = run_themes(tmp_path, "{}", str(tmp_path / "nope.json"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


@pytest.mark.django_db
def test_remind_sends_each_due_reminder_once(alice, make_round, travel, capsys):
    round = make_round(alice, stage=Stage.GOALS)
    round.start_rest(3)
    call_command("remind")
    assert mail.outbox == []
    travel(days=4)
    call_command("remind")
    call_command("remind")
    assert len(mail.outbox) == 1
    assert "1 rest-over reminder and 0 step reminders sent." in capsys.readouterr().out
