"""`milepost serve`: migrate, start the task worker, and serve the app on this machine."""

import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, start a background task worker and serve Milepost (what `make run` calls)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on (8000).")
        parser.add_argument("--host", default="127.0.0.1", help="Address to bind (127.0.0.1).")
        parser.add_argument(
            "--no-worker", action="store_true", help="Don't start the background task worker."
        )

    def handle(self, *args, port, host, no_worker, **options):
        if not 1 <= port <= 65535:
            self.stderr.write("--port must be between 1 and 65535.")
            sys.exit(2)
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"Database ready: {settings.DATABASES['default']['NAME']}")
        # The worker queues its own periodic jobs (milepost/management/commands/db_worker.py).
        worker = None if no_worker else self.start_worker()
        # A plain `kill` should stop the worker too, not leave it behind.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=True)
        finally:
            if worker:
                worker.terminate()
                worker.wait(timeout=10)

    def start_worker(self):
        self.stdout.write("Starting the background task worker.")
        command = [sys.executable, "-m", "milepost.cli", "db_worker", "--interval", "2"]
        return subprocess.Popen(command)
