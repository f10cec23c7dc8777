"""`milepost demo [--reset] [--username demo] [--today YYYY-MM-DD]`: a demo runner to try
Milepost with."""

import argparse
import secrets
from datetime import date

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from milepost import commands, demo


class Command(commands.Command):
    help = (
        "Create a demo runner with a made-up year of runs, a finished round, goals and a "
        "nudge, and a demo coach with three clients, and print how to log in to both. Only "
        "ever touches demo accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo", help="the demo account's name (demo)")
        parser.add_argument(
            "--reset", action="store_true", help="make the demo account afresh, new password"
        )
        parser.add_argument(
            "--today",
            type=day,
            help="the last day of the demo's history (YYYY-MM-DD; the demo runner's today)",
        )

    def handle(self, *args, username, reset, today, **options):
        call_command("migrate", interactive=False, verbosity=0)  # works before `make run` too
        try:
            existing = demo.demo_user(username)
        except demo.NotADemoAccount:
            raise CommandError(
                f"{username!r} is a real runner's account, not a demo; the demo never touches "
                "it. Choose another --username.",
                returncode=2,
            ) from None
        if existing is not None and not reset:
            self.stdout.write(
                f"The demo runner {username!r} already exists: log in with the password printed "
                "when it was made, or run `milepost demo --reset` to make it afresh."
            )
            return
        password, coach_password = secrets.token_urlsafe(9), secrets.token_urlsafe(9)
        today = today or demo.demo_today()
        coach_name = f"{username}-coach"
        try:
            for name in [
                coach_name,
                *(demo.client_username(coach_name, n) for n, *_ in demo.CLIENTS),
            ]:
                demo.demo_user(name)
        except demo.NotADemoAccount as taken:
            raise CommandError(
                f"{taken.args[0]!r} is a real account, not a demo; the demo never touches it. "
                "Choose another --username.",
                returncode=2,
            ) from None
        user = demo.create_demo(username=username, password=password, today=today)
        demo.create_demo_coach(
            username=coach_name, password=coach_password, runner=user, today=today
        )
        count = demo.open_nudge_count(user)
        self.stdout.write(
            f"{'Made the demo runner afresh' if existing else 'Made a demo runner'}: a year of "
            f"made-up runs, a finished round, goals with steps and "
            f"{count} open nudge{'' if count == 1 else 's'}.\n"
            f"Log in at {settings.SITE_URL}{reverse('accounts:login')} (with `make run` serving)\n"
            f"  username: {username}\n"
            f"  password: {password}\n"
            f"And a demo coach with three clients (the demo runner among them), sharing "
            f"different things:\n"
            f"  username: {coach_name}\n"
            f"  password: {coach_password}"
        )


def day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date as YYYY-MM-DD, not {value!r}") from None
