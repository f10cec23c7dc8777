"""The coach's roster against one client's page, for a coach with many clients and long
histories.

    .venv/bin/python benchmarks/roster_bench.py [--clients 200] [--years 20] [--requests 15]

In a fresh SQLite database in a temporary data directory, makes a coach and ``--clients``
runners, each with ``--years`` of synthetic running (four runs a week, as the demo runner's,
with weekly and monthly totals), an active goal with an overdue step, and a stored nudge; each
shares goals, reflections and runs with the coach. Then, through Django's test client, times
the roster (``/coach/``) and one client's page (``/coach/clients/<id>/``), interleaved, after a
warm-up, and counts the roster's queries for 10 clients and for all of them. The roster is
cached until something it shows changes (as the dashboard is): it is also timed right after a
client's data changed, the work it does then, reported with no target.

Prints the median of each, the ratio roster / client page (target: at most 2) and the query
counts (target: the same for 10 clients as for all).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.0
AFTER_CHANGE = "roster after a change"


def load(clients: int, years: int):
    import django

    django.setup()
    from django.core.management import call_command

    from milepost import demo
    from milepost.accounts.models import Profile
    from milepost.coaching import services
    from milepost.goals.models import Goal, Step
    from milepost.nudges.models import Nudge
    from milepost.runs.models import Activity, MonthlyTotal, WeeklyTotal

    call_command("migrate", verbosity=0)
    today = demo.demo_today()
    coach = Profile.objects.create_runner("coach", "", "coach password 42")
    days = demo.synthetic_days(today - timedelta(days=365 * years), today, seed=1)
    first = None
    for n in range(clients):
        runner = Profile.objects.create_runner(f"runner{n}", "", None)
        if first is None:
            demo.add_runs(runner, days, runner.profile.zone)
            first = runner
        else:  # the same history, copied in the database: loading stays quick
            for model in (Activity, WeeklyTotal, MonthlyTotal):
                copy_rows(model, first, runner)
        goal = Goal.objects.create(owner=runner, title="Run 30 km a week", status="active")
        Step.objects.create(goal=goal, title="Three runs", due=today - timedelta(days=n % 9 + 1))
        Nudge.objects.create(
            owner=runner, kind="plateau", since=today - timedelta(days=n % 30), reason="Flat."
        )
        services.grant(runner=runner, coach=coach, scopes=["goals", "reflections", "runs"])
    return coach


def copy_rows(model, source, target) -> None:
    from django.db import connection

    columns = [f.column for f in model._meta.concrete_fields if f.column not in ("id", "owner_id")]
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (owner_id, {names}) SELECT %s, {names} FROM {table} "
            "WHERE owner_id = %s",
            [target.pk, source.pk],
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--requests", type=int, default=15)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="milepost-roster-bench-") as data_dir:
        os.environ["MILEPOST_DATA_DIR"] = data_dir
        os.environ.pop("DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "milepost.settings")
        started = time.perf_counter()
        coach = load(args.clients, args.years)
        print(
            f"loaded {args.clients} clients x {args.years} years in "
            f"{time.perf_counter() - started:.0f} s"
        )
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        from milepost.accounts import pagecache
        from milepost.coaching.models import Grant
        from milepost.coaching.roster import roster

        web = Client(HTTP_HOST="127.0.0.1")
        web.force_login(coach)
        one = Grant.objects.filter(coach=coach).first().runner_id
        roster_url = reverse("coaching:roster")
        pages = {
            "roster": roster_url,
            "client page": reverse("coaching:client", args=[one]),
            AFTER_CHANGE: roster_url,
        }
        times = {name: [] for name in pages}
        for i in range(args.requests + 2):
            for name, url in pages.items():
                if name == AFTER_CHANGE:  # a client's data changed: the roster is worked out
                    pagecache.mark_changed(one)
                started = time.perf_counter()
                response = web.get(url)
                elapsed = time.perf_counter() - started
                assert response.status_code == 200, (url, response.status_code)
                if i >= 2:  # after a warm-up
                    times[name].append(elapsed)
        medians = {name: statistics.median(t) for name, t in times.items()}
        for name, median in medians.items():
            print(f"{name:26} {median * 1000:8.1f} ms median of {len(times[name])}")
        ratio = medians["roster"] / medians["client page"]
        verdict = "ok" if ratio <= TARGET else "over target"
        print(f"roster / client page: {ratio:.2f} (target <= {TARGET}: {verdict})")
        changed = medians[AFTER_CHANGE] / medians["client page"]
        print(
            f"roster after a change / client page: {changed:.2f} "
            "(no target: the work after a change)"
        )
        counts = {}
        for group in (10, args.clients):
            ids = list(Grant.objects.filter(coach=coach).values_list("pk", flat=True)[group:])
            live = Grant.objects.filter(pk__in=ids)
            live.update(status="paused")
            with CaptureQueriesContext(connection) as queries:
                assert len(roster(coach)) == min(group, args.clients)
            counts[group] = len(queries)
            live.update(status="active")
        same = "ok" if len(set(counts.values())) == 1 else "grows with clients"
        print(f"roster queries: {counts} ({same})")
        return 0


if __name__ == "__main__":
    sys.exit(main())
