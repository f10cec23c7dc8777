"""`milepost serve`: migrate, start the task worker, and serve the app on this machine with
gunicorn, the production server, whatever the database (a laptop install is someone's
production too; Django's own development server is not meant for it)."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.wsgi import get_wsgi_application
from django.db import connections
from gunicorn.app.base import BaseApplication

# Web worker processes; each serves a few requests at once on threads (SQLite in WAL mode
# lets them all read while one writes).
WORKERS = int(os.getenv("MILEPOST_WEB_WORKERS", "2"))
THREADS = int(os.getenv("MILEPOST_WEB_THREADS", "4"))


class Server(BaseApplication):
    """gunicorn run from this process, on Milepost's WSGI application."""

    def __init__(self, application, options: dict):
        self.application, self.options = application, options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


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
        # The deploy checks once served over HTTPS (on a laptop's http://127.0.0.1 they would
        # only warn about HTTPS).
        call_command("check", deploy=settings.SESSION_COOKIE_SECURE, fail_level="ERROR")
        self.stdout.write(f"Database ready: {settings.DATABASES['default']['NAME']}")
        # The worker queues its own periodic jobs (milepost/management/commands/db_worker.py).
        worker = None if no_worker else self.start_worker()
        application = get_wsgi_application()
        connections.close_all()  # never share a database connection with the forked workers
        self.stdout.write(f"Serving Milepost at http://{host}:{port}/ (Ctrl-C to stop)")
        server = Server(
            application,
            {
                "bind": f"{host}:{port}",
                "workers": WORKERS,
                "threads": THREADS,
                "worker_class": "gthread",
                "timeout": 120,  # an upload of a whole export takes its time
                # No access log: the calendar feed's secret address would be written in it.
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
            },
        )
        try:
            server.run()
        finally:
            if worker:
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=10)

    def start_worker(self):
        self.stdout.write("Starting the background task worker.")
        command = [sys.executable, "-m", "milepost.cli", "db_worker", "--interval", "2"]
        return subprocess.Popen(command)
