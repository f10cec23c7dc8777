"""`milepost token create --user NAME [--write] [--name TEXT] [--days N] [--json]`: a personal
access token for the JSON API, printed once (`{"token": TOKEN}` with --json)."""

import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from milepost import clock, commands
from milepost.accounts.models import ApiToken


class Command(commands.Command):
    help = "Make a personal access token for the JSON API (printed once)."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="create")
        create = sub.add_parser("create", help="make a token for the runner")
        create.add_argument("--user", required=True, help="the runner's username")
        create.add_argument("--write", action="store_true", help="it may add runs and imports")
        create.add_argument("--name", default="Command line", help="what it is for")
        create.add_argument("--days", type=int, help="it stops working after N days")
        create.add_argument("--json", action="store_true", help='print {"token": TOKEN}')
        create.__class__ = commands.OneLineErrorParser
        create.called_from_command_line = parser.called_from_command_line

    def handle(self, *args, action, user, write, name, days, **options):
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"No runner called {user!r}.", returncode=2)
        if days is not None and not 1 <= days <= 3650:
            raise CommandError("--days must be between 1 and 3650.", returncode=2)
        expires = clock.now() + timedelta(days=days) if days else None
        _, raw = ApiToken.objects.issue(
            owner=owner, name=name[:100], write=write, expires_at=expires
        )
        if options["json"]:
            self.stdout.write(json.dumps({"token": raw}))
        else:
            kind = "read-write" if write else "read-only"
            self.stdout.write(f"A {kind} token for {user} (shown once): {raw}")
