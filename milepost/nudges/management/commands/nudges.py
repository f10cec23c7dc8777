"""`milepost nudges --user NAME [--today YYYY-MM-DD] [--json]`: the nudges open on a day.

Replays ``triggers.detect`` over the runner's data up to that day and stores nothing, so the
triggers can be checked against any stretch of a history. Dismissals, snoozes and rounds
started are the dashboard's business and are not applied here.
"""

import argparse
import json
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from milepost import clock, commands
from milepost.nudges.services import detect_nudges, runner_today
from milepost.runmath.units import EARLIEST_RUN_DAY, latest_plan_day


def day(value: str) -> date:
    try:
        found = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date as YYYY-MM-DD, not {value!r}") from None
    latest = latest_plan_day(clock.now().date())
    if not EARLIEST_RUN_DAY <= found <= latest:
        raise argparse.ArgumentTypeError(
            f"must be a day from {EARLIEST_RUN_DAY.isoformat()} to {latest.isoformat()}"
        )
    return found


class Command(commands.Command):
    help = "List the nudges open on a day (today by default), replayed from the runner's data."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the runner's username")
        parser.add_argument("--today", type=day, help="the day to replay (YYYY-MM-DD)")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, user, today, **options):
        runner = get_user_model().objects.select_related("profile").filter(username=user).first()
        if runner is None:
            raise CommandError(f"No runner called {user!r}.", returncode=2)
        today = today or runner_today(runner)
        nudges = detect_nudges(runner, today)
        if options["json"]:
            self.stdout.write(dumps(nudges))
            return
        for nudge in nudges:
            self.stdout.write(f"{nudge.since.isoformat()}  {nudge.kind}: {nudge.reason}")
        if not nudges:
            self.stdout.write(f"No nudges open on {today.isoformat()}.")


def dumps(nudges) -> str:
    rows = [{"kind": n.kind, "since": n.since.isoformat(), "reason": n.reason} for n in nudges]
    return json.dumps(rows, ensure_ascii=False)
