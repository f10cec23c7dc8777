"""`milepost delete-account --user NAME --yes`: deletes the runner and every row and file of
theirs, as the profile page does. Without --yes it refuses (one line, exit 2)."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from milepost import commands
from milepost.portability import services


class Command(commands.Command):
    help = "Delete a runner's account and everything in it, for good."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the runner's username")
        parser.add_argument("--yes", action="store_true", help="yes, delete it all for good")

    def handle(self, *args, user, yes, **options):
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"there is no user named {user!r}.", returncode=2)
        if not yes:
            raise CommandError(
                f"this deletes {user} and everything of theirs for good; add --yes to do it "
                f"(`milepost export --user {user} -o FILE.zip` keeps a copy first).",
                returncode=2,
            )
        services.delete_account(user=owner)
        self.stdout.write(f"Deleted {user} and everything of theirs.")
