"""``milepost print``, through call_command and as a real process."""

import io
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from milepost.reflection.models import Stage

REPO = Path(__file__).resolve().parents[3]


def print_pdf(*args) -> str:
    out = StringIO()
    call_command("print", *args, stdout=out)
    return out.getvalue()


def text_in(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join("".join(page.extract_text() for page in reader.pages).split())


def test_it_prints_a_blank_worksheet_without_a_runner(tmp_path):
    out = tmp_path / "worksheet.pdf"
    assert "Wrote the worksheet" in print_pdf("--what", "worksheet", "-o", str(out))
    assert "Numbersorfeeling?" in text_in(out)


@pytest.mark.django_db
def test_with_a_runner_the_worksheet_carries_their_name(tmp_path, alice):
    out = tmp_path / "worksheet.pdf"
    print_pdf("--what", "worksheet", "--user", "alice", "--paper", "LETTER", "-o", str(out))
    assert "Name:Alice" in text_in(out)
    page = PdfReader(io.BytesIO(out.read_bytes())).pages[0]
    assert [round(float(v)) for v in page.mediabox[2:]] == [612, 792]


@pytest.mark.django_db
def test_it_prints_the_latest_or_a_chosen_reflection(tmp_path, alice, make_round):
    first = make_round(alice, stage=Stage.DONE, notes={"proud": "My first 10 km."})
    make_round(alice, notes={"proud": "Back after the winter."})
    latest, chosen = tmp_path / "latest.pdf", tmp_path / "chosen.pdf"
    print_pdf("--user", "alice", "--what", "reflection", "-o", str(latest))
    print_pdf(
        "--user", "alice", "--what", "reflection", "--round", str(first.pk), "-o", str(chosen)
    )
    assert "Backafterthewinter." in text_in(latest)
    assert "Myfirst10km." in text_in(chosen)


@pytest.mark.django_db
def test_it_prints_the_reflection_compared_with_the_rounds_before(tmp_path, alice, make_round):
    make_round(alice, stage=Stage.DONE)
    make_round(alice, stage=Stage.DONE, themes=("social",))
    out = tmp_path / "compared.pdf"
    print_pdf("--user", "alice", "--what", "reflection", "--compare", "-o", str(out))
    assert "Acrosstheyears" in text_in(out)
    assert "Numbersanddatahasnotcomebacksince" in text_in(out)
    with pytest.raises(CommandError, match="--compare is for --what reflection"):
        print_pdf("--user", "alice", "--what", "goals", "--compare", "-o", str(out))


@pytest.mark.django_db
def test_it_prints_the_goal_sheet(tmp_path, alice, make_round, make_goal):
    round = make_round(alice, stage=Stage.DONE)
    make_goal(alice, round=round, status="active")
    out = tmp_path / "goals.pdf"
    print_pdf("--user", "alice", "--what", "goals", "--round", "latest", "-o", str(out))
    assert "RuntothelighthousewithSam" in text_in(out)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--user", "zed", "--what", "goals"], "No runner called 'zed'"),
        (["--user", "alice", "--what", "reflection"], "alice has no round yet"),
        (["--user", "alice", "--what", "goals", "--round", "latest"], "alice has no round yet"),
        (["--user", "alice", "--what", "reflection", "--round", "BOB"], "not one of alice's"),
        (["--what", "reflection"], "--user is required"),
        (["--what", "worksheet", "--round", "1"], "a worksheet is blank"),
        (["--what", "goals", "--user", "alice", "--round", "first"], "--round"),
        (["--what", "goals", "--user", "alice", "--paper", "a5"], "--paper"),
        (["--what", "everything", "--user", "alice"], "--what"),
    ],
)
def test_bad_input_is_one_clear_line_and_status_2(
    tmp_path, alice, bob, make_round, args, complaint
):
    bobs = make_round(bob)
    args = [str(bobs.pk) if arg == "BOB" else arg for arg in args]
    with pytest.raises(CommandError, match=complaint) as error:
        print_pdf(*args, "-o", str(tmp_path / "out.pdf"))
    assert error.value.returncode == 2
    assert "\n" not in str(error.value)
    assert not (tmp_path / "out.pdf").exists()


def test_a_file_it_cannot_write_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Could not write"):
        print_pdf("--what", "worksheet", "-o", str(tmp_path / "missing" / "out.pdf"))


def run(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "milepost.settings", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "django", "print", *args],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=60, check=False,
    )  # fmt: skip


def test_as_a_process_it_writes_the_worksheet(tmp_path):
    done = run("--what", "worksheet", "--paper", "letter", "-o", str(tmp_path / "w.pdf"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "w.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--what", "worksheet"], "-o"),
        (["--what", "poster", "-o", "x.pdf"], "--what"),
        (["--what", "worksheet", "--paper", "a3", "-o", "x.pdf"], "--paper"),
        (["--what", "reflection", "--round", "last", "-o", "x.pdf"], "--round"),
        (["--what", "worksheet", "--round", "2", "-o", "x.pdf"], "--round"),
    ],
)
def test_as_a_process_bad_arguments_are_one_line_on_stderr_and_status_2(args, complaint):
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert complaint in done.stderr


def test_dash_writes_the_pdf_to_standard_output_and_no_file_named_dash(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "django", "print", "--what", "worksheet", "-o", "-"],
        capture_output=True, cwd=tmp_path, timeout=60, check=False,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "milepost.settings", "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-")
    assert b"Wrote the worksheet to standard output" in done.stderr
    assert not (tmp_path / "-").exists()


def test_dash_on_a_terminal_is_refused_in_one_line():
    terminal = StringIO()
    terminal.isatty = lambda: True
    with pytest.raises(CommandError, match="redirect it to a file or a pipe") as refused:
        call_command("print", "--what", "worksheet", "-o", "-", stdout=terminal)
    assert refused.value.returncode == 2
