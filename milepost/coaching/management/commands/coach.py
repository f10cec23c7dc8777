"""`milepost coach grant|revoke|roster`: what an accepted invitation does, stopping it, and a
coach's roster as JSON (most in need of a check-in first).

    milepost coach grant --runner NAME --coach NAME --scope goals[,reflections][,runs]
    milepost coach revoke --runner NAME --coach NAME
    milepost coach roster --coach NAME [--today YYYY-MM-DD] --json
"""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from milepost import commands
from milepost.coaching import roster, services
from milepost.nudges.management.commands.nudges import day


class Command(commands.Command):
    help = "Share a runner's data with a coach, stop it, or print a coach's roster."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="grant|revoke|roster")
        grant = sub.add_parser("grant", help="share the runner's SCOPES with the coach")
        revoke = sub.add_parser("revoke", help="stop the runner's sharing with the coach")
        for each in (grant, revoke):
            each.add_argument("--runner", required=True, help="the runner's username")
            each.add_argument("--coach", required=True, help="the coach's username")
        grant.add_argument(
            "--scope", required=True, help="what to share: goals, reflections, runs (commas)"
        )
        shown = sub.add_parser("roster", help="the coach's clients, most in need first")
        shown.add_argument("--coach", required=True, help="the coach's username")
        shown.add_argument("--today", type=day, help="the day to replay (YYYY-MM-DD)")
        shown.add_argument("--json", action="store_true", help="print JSON")
        for each in (grant, revoke, shown):
            each.__class__ = commands.OneLineErrorParser
            each.called_from_command_line = parser.called_from_command_line

    def handle(self, *args, action, **options):
        getattr(self, action)(**options)

    def grant(self, *, runner, coach, scope, **_):
        scopes = [s.strip() for s in scope.split(",") if s.strip()]
        try:
            made = services.grant(runner=user(runner), coach=user(coach), scopes=scopes)
        except services.CoachingError as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(f"{runner} shares {', '.join(made.scopes)} with {coach}.")

    def revoke(self, *, runner, coach, **_):
        if services.revoke(runner=user(runner), coach=user(coach)):
            self.stdout.write(f"{runner} no longer shares anything with {coach}.")
        else:
            self.stdout.write(f"{runner} was not sharing anything with {coach}.")

    def roster(self, *, coach, today, **options):
        clients = roster.roster(user(coach), today=today, fresh=True)
        if options["json"]:
            self.stdout.write(json.dumps([c.as_json() for c in clients], ensure_ascii=False))
            return
        for client in clients:
            mark = "check in" if client.needs_check_in else "fine"
            self.stdout.write(f"{client.runner.get_username()}: {mark}")
            for reason in client.reasons:
                self.stdout.write(f"  {reason.since.isoformat()}  {reason.kind}: {reason.text}")
        if not clients:
            self.stdout.write(f"{coach} has no clients sharing anything now.")


def user(name: str):
    found = get_user_model().objects.select_related("profile").filter(username=name).first()
    if found is None:
        raise CommandError(f"No one called {name!r}.", returncode=2)
    return found
