"""``milepost print``: the reflection worksheet, a round's reflection or the goal sheet, as a
PDF file to print (``-o -``: to standard output, the message on stderr)."""

import argparse
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from milepost import commands
from milepost.paper import pdf, services
from milepost.reflection.models import Round

WHAT = {"worksheet": "the worksheet", "reflection": "the reflection", "goals": "the goal sheet"}


def round_number(value: str) -> int | str:
    if value == "latest":
        return value
    if re.fullmatch(r"[0-9]{1,18}", value):
        return int(value)
    raise argparse.ArgumentTypeError(f"must be a round number or latest, not {value!r}")


def fail(message: str):
    raise CommandError(message, returncode=2)


class Command(commands.Command):
    help = "Print the reflection worksheet, a round's reflection or the goal sheet to a PDF."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--user", help="the runner's username (optional for the worksheet)")
        parser.add_argument("--what", required=True, choices=list(WHAT))
        parser.add_argument(
            "--round",
            type=round_number,
            help="a round number or latest (reflection: latest by default; goals: the "
            "runner's active goals by default)",
        )
        parser.add_argument(
            "--compare",
            action="store_true",
            help="reflection: add the rounds up to it side by side, and what changed",
        )
        parser.add_argument("--paper", type=str.lower, choices=list(pdf.PAPERS), default="a4")
        parser.add_argument(
            "-o", "--output", required=True, metavar="FILE.pdf", help="the PDF, or - for stdout"
        )

    def handle(self, *args, what, user, round, compare, paper, output, **options):
        if compare and what != "reflection":
            fail("--compare is for --what reflection.")
        runner = self.runner(user) if user is not None else None
        if what == "worksheet":
            if round is not None:
                fail("--round is for --what reflection or goals; a worksheet is blank.")
            data = services.worksheet(paper=paper, runner=runner)
        elif runner is None:
            fail(f"--user is required for --what {what}.")
        elif what == "reflection":
            chosen = self.round(runner, round or "latest")
            data = services.reflection(round=chosen, paper=paper, compare=compare)
        else:
            chosen = self.round(runner, round) if round is not None else None
            data = services.goal_sheet(owner=runner, paper=paper, round=chosen)
        if output == commands.STDOUT:
            out = self.binary_stdout()
            out.write(data)
            out.flush()
            self.stderr.write(f"Wrote {WHAT[what]} to standard output ({pdf.PAPERS[paper]}).")
            return
        try:
            Path(output).write_bytes(data)
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error.strerror}.") from error
        self.stdout.write(f"Wrote {WHAT[what]} to {output} ({pdf.PAPERS[paper]}).")

    def runner(self, username: str):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            fail(f"No runner called {username!r}.")
        return user

    def round(self, runner, number: int | str) -> Round:
        rounds = Round.objects.owned_by(runner)
        if number == "latest":
            latest = rounds.first()
            if latest is None:
                fail(f"{runner.username} has no round yet; start one in Milepost first.")
            return latest
        found = rounds.filter(pk=number).first()
        if found is None:
            fail(f"Round {number} is not one of {runner.username}'s rounds.")
        return found
