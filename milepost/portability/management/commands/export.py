"""`milepost export --user NAME -o FILE.zip`: everything the runner keeps, in the zip the
profile page gives (manifest.json, data.json, CSVs, original files, README.txt). Give it
back with `milepost import FILE.zip --user NAME`.

`-o -` writes the zip to standard output (a pipe or a redirect; refused on a terminal), and
the message to stderr.

Exit status: 0 when written; 2 on a usage error (unknown user, a folder that is not there),
with one line on stderr."""

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from milepost import commands
from milepost.portability import services


class Command(commands.Command):
    help = "Export everything a runner keeps in Milepost to one zip."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="the runner's username")
        parser.add_argument(
            "-o", "--output", required=True, metavar="FILE.zip", help="the zip, or - for stdout"
        )

    def handle(self, *args, user, output, **options):
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"there is no user named {user!r}.", returncode=2)
        if output == commands.STDOUT:
            out = self.binary_stdout()
            # Built in the private data directory (a zip is written out of order), then sent.
            with tempfile.TemporaryDirectory(dir=settings.FILE_UPLOAD_TEMP_DIR) as folder:
                target = Path(folder, "export.zip")
                manifest = services.export_to(owner=owner, target=target)
                with target.open("rb") as zipped:
                    shutil.copyfileobj(zipped, out)
            out.flush()
            self.stderr.write(summary(user, "standard output", manifest))
            return
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"no such folder: {target.parent}", returncode=2)
        manifest = services.export_to(owner=owner, target=target)
        self.stdout.write(summary(user, target, manifest))


def summary(user: str, where, manifest: dict) -> str:
    counts = manifest["counts"]
    return (
        f"Exported {user} to {where}: {counts['activities']} activities, "
        f"{counts['goals']} goals, {counts['rounds']} rounds."
    )
