"""`milepost import PATH... --user NAME [--json]`: bring activity files, folders and whole
Strava or Garmin exports into a runner's history.

With --json, stdout holds exactly one object:
    {"files": [{"path", "status", "reason", "activity": {...} | null}, ...],
     "totals": {"imported": n, "duplicate": n, "skipped": n, "rejected": n}}
with one entry per activity: a file holding several (a multisport file) gives several entries
with the same path, a file with none (rejected, skipped) one entry with activity null. For a
duplicate, "activity" is the one already in the runner's history.

Exit status: 0 when the import finished, even if some files were rejected; 2 on a usage error
(unknown user, missing path, a path that is neither a file nor a folder: a device, a named
pipe), with one line on stderr.
"""

import json
import shutil
import sys
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from milepost.runs.services import import_paths

BAR_WIDTH = 30


class Command(BaseCommand):
    # It reads files and writes runs: Django's system checks (every URL module imported, about a
    # second) would only delay the first byte read. `milepost check` runs them.
    requires_system_checks = []
    help = "Import runs from GPX, TCX and FIT files, folders and Strava or Garmin exports."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files, folders or zips.")
        parser.add_argument("--user", required=True, help="The runner's username.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the result as JSON."
        )

    def handle(self, *args, paths, user, as_json, **options):
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            self.usage_error(f"milepost import: there is no user named {user!r}.")
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            self.usage_error(f"milepost import: no such file or folder: {missing[0]}")
        # A device (/dev/zero) would be read without end, a named pipe would wait for ever.
        odd = [p for p in paths if not (Path(p).is_file() or Path(p).is_dir())]
        if odd:
            self.usage_error(f"milepost import: not a file or a folder: {odd[0]}")
        bar = ProgressBar(self.stderr) if self.stderr.isatty() else None
        report = import_paths(owner=owner, paths=paths, progress=bar)
        if bar:
            bar.close()
        if as_json:
            self.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False))
        else:
            self.print_report(report)

    def usage_error(self, message: str):
        self.stderr.write(message)
        sys.exit(2)

    def print_report(self, report):
        for entry in report.entries:
            if entry.status != "imported":
                self.stdout.write(f"{entry.status:9}  {entry.path}: {entry.reason}")
        totals = report.totals
        self.stdout.write(
            f"{totals['imported']} imported, {totals['duplicate']} already there, "
            f"{totals['skipped']} skipped, {totals['rejected']} not imported "
            f"({report.files} files)."
        )


class ProgressBar:
    """[#######.......] 120/300 files: on a terminal's stderr, redrawn at most 10 times a second."""

    def __init__(self, out):
        self.out = out
        self.last = 0.0

    def __call__(self, done: int, expected: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and done < expected:
            return
        self.last = now
        width = min(BAR_WIDTH, max(10, shutil.get_terminal_size().columns - 30))
        filled = int(width * done / max(expected, 1))
        self.out.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{expected} files", ending=""
        )
        self.out.flush()

    def close(self) -> None:
        self.out.write("")
