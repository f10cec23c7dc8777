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

Then the worst a runner can make within the text limits, in CPU seconds (``time.process_time``,
the budget being a second of CPU per page): a round of 200 notes with 100,000 characters in
all (the most a round holds), four earlier rounds like it, three active goals each with a why
of 1,000 characters and 12 steps of 200. Each page is timed as made afresh (``mark_changed``
first: the runner's data changed) and as served again (cached), median of
``--worst-requests``; closing the brainstorm is timed as its theme reading
(``detected_themes``, read-only); the anonymous blank worksheet is timed made afresh and again.
Ratios are against the baseline page (the pace calculator) timed in the same run.
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
PASSWORD = "bench password 42"
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


# The worst a runner can make --------------------------------------------------------------

SENTENCES = (
    "I love the feeling of finishing a long run with friends on a Sunday morning.",
    "My watch shows my pace and I check the numbers after every run; it keeps me honest.",
    "I want to run a marathon before I turn forty and prove to myself that I can.",
    "Running clears my head after work, the one hour nobody asks anything of me.",
    "I got injured last spring because I did too much too soon, and my knee still aches.",
    "The club run on Thursdays is where I met most of my friends in this town.",
    "Being outside in the hills, in the rain or the sun, makes me feel alive.",
    "I like beating my personal best at the parkrun, even by a second.",
)
BUDGET_S = 1.0  # of CPU, per page


def prose(length: int, seed: int) -> str:
    """Sentences a runner might write, exactly ``length`` characters."""
    out, n = "", seed
    while len(out) < length:
        out += SENTENCES[n % len(SENTENCES)] + " "
        n += 3
    return out[:length]


def worst_runner(username: str = "worst", rounds: int = 5):
    """A runner with ``rounds`` rounds as full as a round may be (the last at its themes),
    and as many active goals as allowed, each with the longest why and most steps."""
    from datetime import date, timedelta

    from django.conf import settings

    from milepost.accounts.models import Profile
    from milepost.goals.models import Goal, Status, Step
    from milepost.reflection import models
    from milepost.reflection.models import Note, Round, RoundTheme, Stage
    from milepost.reflection.questions import QUESTIONS
    from milepost.reflection.services import detected_themes

    # The limits, or (measuring an older Milepost, which had none) the same round.
    notes = getattr(models, "MAX_NOTES_PER_ROUND", 200)
    length = getattr(models, "MAX_ROUND_CHARS", 100_000) // notes
    user = Profile.objects.create_runner(username, f"{username}@example.org", PASSWORD)
    for r in range(rounds):
        stage = Stage.THEMES if r == rounds - 1 else Stage.DONE
        round = Round.objects.create(owner=user, reason="new_cycle", stage=stage)
        Note.objects.bulk_create(
            Note(round=round, question=QUESTIONS[n % len(QUESTIONS)].key, text=prose(length, n))
            for n in range(notes)
        )
        RoundTheme.objects.bulk_create(detected_themes(round))
    keys = list(round.themes.values_list("key", flat=True))[:3] or ["social"]
    for g in range(settings.MAX_ACTIVE_GOALS):
        goal = Goal.objects.create(
            owner=user,
            round=round,
            title=prose(200, g),
            why=prose(1000, g + 1),
            themes=keys,
            status=Status.ACTIVE,
        )
        Step.objects.bulk_create(
            Step(goal=goal, title=prose(200, g + s), due=date(2030, 1, 1) + timedelta(days=s))
            for s in range(12)
        )
    return user, round


def measure_worst(requests: int) -> dict[str, tuple[float, float | None]]:
    """{case: (CPU s made afresh, CPU s served again or None)}, medians."""
    from django.test import Client

    from milepost.accounts import pagecache
    from milepost.paper import services as paper

    forget_worksheet = getattr(paper, "blank_worksheet", None)
    from milepost.reflection.services import detected_themes

    user, round = worst_runner()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    anonymous = Client(HTTP_HOST="localhost")

    def cpu(request) -> float:
        started = time.process_time()
        request()
        return time.process_time() - started

    def get(c, path):
        def request():
            response = c.get(path)
            if response.status_code != 200:
                raise SystemExit(f"GET {path}: HTTP {response.status_code}")

        return request

    pages = {
        BASELINE: "/tools/pace/",
        "themes page (200 notes)": f"/rounds/{round.pk}/themes/",
        "round summary page": f"/rounds/{round.pk}/summary/",
        "reflection PDF": f"/paper/rounds/{round.pk}/reflection.pdf",
        "reflection PDF across the years": f"/paper/rounds/{round.pk}/reflection.pdf?compare=1",
        "goal sheet PDF": "/paper/goals.pdf",
        "years page (5 full rounds)": "/rounds/years/",
    }
    for path in pages.values():  # the process's first requests: templates, fonts, URLs
        get(client, path)()
    out = {}
    for name, path in pages.items():
        fresh, again = [], []
        for _ in range(requests):
            pagecache.mark_changed(user.pk)
            fresh.append(cpu(get(client, path)))
            again.append(cpu(get(client, path)))
        out[name] = (statistics.median(fresh), statistics.median(again))
    themes = [cpu(lambda: detected_themes(round)) for _ in range(requests)]
    out["close the brainstorm: read themes"] = (statistics.median(themes), None)
    fresh, again = [], []
    for _ in range(requests):
        if forget_worksheet:
            forget_worksheet.cache_clear()
        fresh.append(cpu(get(anonymous, "/paper/worksheet.pdf")))
        again.append(cpu(get(anonymous, "/paper/worksheet.pdf")))
    out["blank worksheet PDF, anonymous"] = (statistics.median(fresh), statistics.median(again))
    return out


def report_worst(figures: dict, requests: int) -> None:
    baseline = figures[BASELINE][0]
    print(f"\nthe worst a runner can make, CPU (process_time), median of {requests}; "
          f"budget {BUDGET_S:.1f} s a page:")  # fmt: skip
    header = f"  {'case':36} {'fresh s':>8} {'x base':>7} {'again s':>8} {'x base':>7}  budget"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for name, (fresh, again) in figures.items():
        again_cols = f"{again:8.3f} {again / baseline:7.1f}" if again is not None else " " * 16
        if fresh <= BUDGET_S:
            verdict = "ok"
        else:
            verdict = "cached" if again is not None and again <= BUDGET_S else "OVER"
        print(f"  {name:36} {fresh:8.3f} {fresh / baseline:7.1f} {again_cols}  {verdict}")
    print("fresh: the runner's data changed just before (page cache stale); again: the same "
          "request once more.\nbudget: ok when made afresh within it; cached when only "
          "served again.")  # fmt: skip


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=30, help="timed requests per case (30)")
    ap.add_argument("--years", type=int, default=10, help="years of running (10)")
    ap.add_argument("--sql", action="store_true", help="print the queries of each case")
    ap.add_argument(
        "--worst-requests", type=int, default=3, help="timed requests per worst case (3)"
    )
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="milepost-pages-bench-") as data_dir:
        setup_django(data_dir)
        print(f"loading a {args.years}-year runner into a fresh SQLite database in {data_dir}")
        timed, counted, info = measure(args.years, args.requests)
        report(timed, counted, args.years, info)
        if args.worst_requests > 0:
            report_worst(measure_worst(args.worst_requests), args.worst_requests)
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
