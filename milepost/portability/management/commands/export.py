"""`milepost export --user NAME -o FILE.zip`: everything the runner keeps, in the zip the
profile page gives (manifest.json, data.json, CSVs, original files, README.txt). Give it
back with `milepost import FILE.zip --user NAME`.

Exit status: 0 when written; 2 on a usage error (unknown user, a folder that is not there),
with one line on stderr."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from milepost import commands
from milepost.portability import services


class Command(commands.Command):
    help = "Export everything a runner keeps in Milepost to one zip."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the runner's username")
        parser.add_argument("-o", "--output", required=True, metavar="FILE.zip", help="the zip")

    def handle(self, *args, user, output, **options):
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"there is no user named {user!r}.", returncode=2)
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"no such folder: {target.parent}", returncode=2)
        manifest = services.export_to(owner=owner, target=target)
        counts = manifest["counts"]
        self.stdout.write(
            f"Exported {user} to {target}: {counts['activities']} activities, "
            f"{counts['goals']} goals, {counts['rounds']} rounds."
        )
