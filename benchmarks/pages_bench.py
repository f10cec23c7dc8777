"""A runner's pages in-process: milliseconds and SQL queries, against a light page.

    .venv/bin/python benchmarks/pages_bench.py [--requests 30] [--years 10] [--sql]

In a fresh SQLite database in a temporary data directory, loads one runner made like the demo
runner with ``--years`` of synthetic running (the seeding of dashboard_bench.py), logs them in
with Django's test ``Client`` and, in this process (no server, no HTTP), times each case after
a warm-up, one request of each per round, rounds interleaved:

- baseline: a light page, logged in (the pace calculator);
- the dashboard, first view of the runner's day: Milepost's clock moved one day on since their
  last view, no data changed (a GET; the goal is that it never writes);
- the dashboard again, the same day, nothing changed: the cached page;
- the dashboard after a change (``pagecache.mark_changed`` before the request);
- saving one manual run: a POST of the manual-run form, for a new date each time.

Times are medians of ``--requests`` requests made without capturing queries (capturing them
adds work on SQLite); the queries are counted on separate requests of the same kind, with
``CaptureQueriesContext``: all of them, the writes (INSERT, UPDATE, DELETE, REPLACE) and those
that touch the profile table (``accounts_profile``). ``--sql`` prints the queries of the last
counted request of each case.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
COUNTED = 3  # requests of each case whose queries are counted (after the timed ones)
WARM_UP = 3
BASELINE = "baseline: pace calculator"
FIRST_VIEW = "dashboard, first view of the day"
CACHED = "dashboard, cached (same day)"
AFTER_CHANGE = "dashboard, after a change"
SAVE_RUN = "save a manual run (POST)"
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


class Clock:
    """Moves Milepost's clock forward, as the ``travel`` fixture in conftest.py does: patches
    ``milepost.clock.now`` to return ``django.utils.timezone.now()`` plus the offset so far."""

    def __init__(self):
        from milepost import clock

        self.clock, self.offset = clock, timedelta()

    def move(self, **delta) -> None:
        from django.utils import timezone

        self.offset += timedelta(**delta)
        offset = self.offset
        self.clock.now = lambda: timezone.now() + offset


def setup_django(data_dir: str) -> None:
    os.environ["MILEPOST_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "milepost.settings"
    os.environ.pop("DATABASE_URL", None)  # always a fresh SQLite database
    os.environ.pop("MILEPOST_SQLITE_PATH", None)
    sys.path[:0] = [str(ROOT), str(HERE)]


def manual_run_path() -> str:
    """Where the manual-run form posts: by its URL name if it still has one, else the path."""
    from django.urls import NoReverseMatch, reverse

    for name in ("runs:new", "runs:activity_new", "runs:manual"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return "/runs/new/"


def runner_today(user):
    from milepost import clock

    profile = type(user.profile).objects.get(pk=user.profile.pk)
    return clock.now().astimezone(profile.zone).date()


class Pages:
    """The cases, each a callable making one request (and what must happen before it)."""

    def __init__(self, client, user, clock: Clock):
        from milepost.accounts import pagecache

        self.client, self.user, self.clock = client, user, clock
        self.mark_changed = getattr(pagecache, "mark_changed", None)
        self.run_path = manual_run_path()
        self.runs_saved = 0

    def get(self, path: str) -> Callable[[], None]:
        def request():
            response = self.client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"GET {path}: HTTP {response.status_code}")

        return request

    def new_day(self) -> None:
        self.clock.move(days=1)

    def changed(self) -> None:
        self.mark_changed(self.user.pk)

    def next_run(self) -> None:
        """The form of the run to save, dated the runner's today (outside the measurement)."""
        self.runs_saved += 1
        self.run_fields = {
            "on": runner_today(self.user).isoformat(),
            "distance": "8.2",
            "time": "45:30",
            "start_time": "07:15",
            "name": f"Benchmark run {self.runs_saved}",
        }

    def save_run(self) -> None:
        response = self.client.post(self.run_path, self.run_fields)
        if response.status_code != 302:
            errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)<', response.content.decode())
            raise SystemExit(
                f"POST {self.run_path}: HTTP {response.status_code}, not a redirect; {errors}"
            )

    def cases(self) -> dict[str, tuple[Callable | None, Callable]]:
        """{name: (untimed step before the request, the request)}, in the order of a round."""
        dashboard = self.get("/dashboard/")
        cases = {
            FIRST_VIEW: (self.new_day, dashboard),
            CACHED: (None, dashboard),
            AFTER_CHANGE: (self.changed if self.mark_changed else None, dashboard),
            BASELINE: (None, self.get("/tools/pace/")),
            # a new date each time: the clock moved a day this round and nothing ran on it yet
            SAVE_RUN: (self.next_run, self.save_run),
        }
        if self.mark_changed is None:
            del cases[AFTER_CHANGE]
        return cases

    def round(self, timed: dict | None = None, counted: dict | None = None) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        dashboard = self.get("/dashboard/")
        for name, (before, request) in self.cases().items():
            if before:
                before()
            if counted is not None:
                with CaptureQueriesContext(connection) as context:
                    request()
                counted[name].append([q["sql"] for q in context.captured_queries])
            else:
                started = time.perf_counter()
                request()
                took = time.perf_counter() - started
                if timed is not None:
                    timed[name].append(took)
        # The runner looks at the dashboard after the run they saved, so the next round's first
        # view of the day follows a view of the day before with no change since.
        dashboard()


def measure(years: int, requests: int) -> tuple[dict, dict, dict]:
    from dashboard_bench import load
    from django.contrib.auth import get_user_model
    from django.test import Client

    runners = load([years])
    username = runners[years][0]
    user = get_user_model().objects.get(username=username)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    pages = Pages(client, user, Clock())
    names = list(pages.cases())
    for _ in range(WARM_UP):
        pages.round()
    timed = {name: [] for name in names}
    for _ in range(requests):
        pages.round(timed=timed)
    counted = {name: [] for name in names}
    for _ in range(COUNTED):
        pages.round(counted=counted)
    info = {"runs path": pages.run_path, "after change": pages.mark_changed is not None}
    return timed, counted, info


def spread(values: list[int]) -> str:
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}-{high}"


def report(timed: dict, counted: dict, years: int, info: dict) -> None:
    from django.conf import settings

    median = {name: statistics.median(values) * 1000 for name, values in timed.items()}
    baseline = median[BASELINE]
    requests = len(timed[BASELINE])
    print(f"\n{years}-year runner, in-process test Client, page cache "
          f"{'on' if settings.PAGE_CACHE else 'OFF'}; median of {requests} requests, "
          f"queries counted on {COUNTED} more:")  # fmt: skip
    header = f"  {'case':36} {'ms':>8} {'x base':>7} {'queries':>8} {'writes':>7} {'profile':>8}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    order = [BASELINE, FIRST_VIEW, CACHED, AFTER_CHANGE, SAVE_RUN]
    for name in (n for n in order if n in timed):
        queries = counted[name]
        total = spread([len(q) for q in queries])
        writes = spread([sum(1 for sql in q if WRITE.match(sql)) for q in queries])
        profile = spread([sum(1 for sql in q if "accounts_profile" in sql) for q in queries])
        print(f"  {name:36} {median[name]:8.2f} {median[name] / baseline:7.2f} "
              f"{total:>8} {writes:>7} {profile:>8}")  # fmt: skip
    if not info["after change"]:
        print("  (no pagecache.mark_changed: the after-a-change case was left out)")
    print(f"\nqueries: every statement, BEGIN/SAVEPOINT/COMMIT included; writes: INSERT, "
          f"UPDATE, DELETE, REPLACE;\nprofile: queries that name accounts_profile. Manual runs "
          f"posted to {info['runs path']}.")  # fmt: skip
    first_view_writes = max(sum(1 for sql in q if WRITE.match(sql)) for q in counted[FIRST_VIEW])
    verdict = "ok" if first_view_writes == 0 else "WRITES"
    print(f"first view of the day, a GET: {first_view_writes} writes (goal: 0) {verdict}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=30, help="timed requests per case (30)")
    ap.add_argument("--years", type=int, default=10, help="years of running (10)")
    ap.add_argument("--sql", action="store_true", help="print the queries of each case")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="milepost-pages-bench-") as data_dir:
        setup_django(data_dir)
        print(f"loading a {args.years}-year runner into a fresh SQLite database in {data_dir}")
        timed, counted, info = measure(args.years, args.requests)
        report(timed, counted, args.years, info)
        if args.sql:
            for name, queries in counted.items():
                print(f"\n{name}: {len(queries[-1])} queries")
                for sql in queries[-1]:
                    print(f"  {'W' if WRITE.match(sql) else ' '} {sql[:300]}")
        from django.db import connections

        connections.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
