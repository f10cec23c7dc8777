"""``milepost rounds --user NAME --json``: the runner's rounds across the years, oldest first."""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from milepost import commands
from milepost.rounds import years


class Command(commands.Command):
    help = "Print a runner's rounds, oldest first: why, the themes confirmed, the goals set."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the runner's username")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print JSON")

    def handle(self, *args, user, as_json: bool, **options):
        runner = get_user_model().objects.filter(username=user).select_related("profile").first()
        if runner is None:
            raise CommandError(f"No runner called {user!r}.", returncode=2)
        rounds = years.rounds_of(runner)
        if as_json:
            self.stdout.write(
                json.dumps([r.as_json() for r in rounds], ensure_ascii=False, indent=2)
            )
            return
        for r in rounds:
            themes = ", ".join(label for _, label, _ in r.theme_labels) or "no themes confirmed"
            goals = "; ".join(f"{g.title} ({g.outcome})" for g in r.goals) or "no goals"
            self.stdout.write(f"{r.started:%d %B %Y} ({r.reason_label}): {themes}. {goals}.")
        if not rounds:
            self.stdout.write(f"{user} has no round yet.")
