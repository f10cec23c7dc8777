"""`milepost backup -o FILE` and `milepost backup --restore FILE --yes`: a consistent copy of
the SQLite database taken while Milepost runs (SQLite's online backup API), and putting one
back. On PostgreSQL use `pg_dump` and `pg_restore` (see the README)."""

import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

from milepost import commands


class Command(commands.Command):
    help = "Copy the SQLite database to FILE while Milepost runs, or restore such a copy."
    requires_system_checks = []

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("-o", "--output", type=Path, help="where to write the copy")
        action.add_argument("--restore", type=Path, help="a copy made by milepost backup")
        parser.add_argument(
            "--yes", action="store_true", help="with --restore: replace what is there now"
        )

    def handle(self, *args, output, restore, yes, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.sqlite3":
            raise CommandError(
                "This Milepost runs on PostgreSQL: back it up with pg_dump (see the README).",
                returncode=2,
            )
        live = Path(database["NAME"])
        connections.close_all()
        if output is not None:
            self.back_up(live, output)
        else:
            self.restore(live, restore, yes)

    def back_up(self, live: Path, output: Path) -> None:
        if output.exists():
            raise CommandError(f"{output} exists already: choose a new file.", returncode=2)
        if not output.parent.is_dir():
            raise CommandError(f"There is no folder {output.parent}.", returncode=2)
        copy(live, output)
        self.stdout.write(f"Backed up {live} to {output}.")

    def restore(self, live: Path, source: Path, yes: bool) -> None:
        if not source.is_file():
            raise CommandError(f"There is no file {source}.", returncode=2)
        problem = not_a_backup(source)
        if problem:
            raise CommandError(f"{source} {problem}; nothing was changed.", returncode=2)
        if not yes:
            raise CommandError(
                f"This replaces everything in {live} with {source}: add --yes to do it "
                "(stop Milepost first).",
                returncode=2,
            )
        copy(source, live)
        self.stdout.write(f"Restored {source} into {live}.")


def copy(source: Path, target: Path) -> None:
    """Page by page, consistent even while another process writes to ``source``."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()


def not_a_backup(path: Path) -> str:
    """Why the file is not a Milepost database ("" when it is one)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            found = db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN "
                "('django_migrations', 'accounts_profile')"
            ).fetchone()[0]
    except sqlite3.DatabaseError:
        return "is not an SQLite database"
    return "" if found == 2 else "is not a Milepost database"
