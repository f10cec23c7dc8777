"""Many runners at once, served as they are on a laptop (SQLite) or in production (PostgreSQL).

    .venv/bin/python benchmarks/load_bench.py [--sessions 10] [--seconds 60]
    .venv/bin/python benchmarks/load_bench.py --sessions 50 --workers 3 \\
        --database-url postgres://postgres@127.0.0.1:5432/EMPTY_DATABASE

Makes one runner per session like the demo runner (a year of runs, goals with steps) with a
round at the brainstorm, serves Milepost on loopback as it is run: on SQLite with `milepost
serve --no-worker` (the laptop default: gunicorn's threaded workers), on PostgreSQL with
gunicorn as the README's deployment runs it (``--workers`` sync processes), signs every session
in first (not timed: a sign-in hashes the password slowly on purpose), then for ``--seconds``
each session in its own thread loops over its dashboard, a goal page, its runs list and a new
note (a POST with the CSRF token). Prints requests, errors (any 5xx, timeout or unexpected
answer), notes sent against notes stored (lost writes), and the median and p95 of each kind.
The load client runs on the same machine as the server and shares its cores: say so when
quoting the figures; it prints the CPU each side used. Targets (issue 16): 0 errors, 0 lost
writes, p95 under 500 ms.
"""

import argparse
import contextlib
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dashboard_bench import PASSWORD, Browser, free_port, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET_P95_MS = 500
# A round holds at most 200 notes (reflection.models.MAX_NOTES_PER_ROUND): a session fills its
# rounds one after the other, as a runner would start a new one.
ROUNDS_PER_SESSION, NOTES_PER_ROUND = 6, 190


def load(sessions: int) -> list[tuple[str, int, int]]:
    """(username, goal id, round id) per session, made in this process."""
    import django

    django.setup()
    from django.core.management import call_command

    from milepost import demo
    from milepost.goals.models import Goal
    from milepost.rounds import services as round_services

    call_command("migrate", verbosity=0)
    made = []
    for n in range(sessions):
        user = demo.create_demo(username=f"load{n}", password=PASSWORD, today=demo.demo_today())
        goal = Goal.objects.filter(owner=user, status="active").first()
        rounds = [
            round_services.start_round(owner=user, reason="new_cycle").pk
            for _ in range(ROUNDS_PER_SESSION)
        ]
        made.append((user.username, goal.pk, rounds))
    return made


def signed_in(port, username, rounds) -> tuple[Browser, str]:
    """A session signed in, with the CSRF token its notes need: done before the clock starts,
    since signing in hashes the password on purpose slowly and is not part of the mix."""
    browser = Browser(port)
    browser.log_in(username)
    _, page = browser.request("GET", f"/rounds/{rounds[0]}/brainstorm/")
    return browser, re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


def session(browser, token, username, goal_id, rounds, start, seconds, results, lock):
    start.wait()  # every session starts at once, signed in
    until = time.monotonic() + seconds
    pages = {
        "dashboard": "/dashboard/",
        "goal page": f"/goals/{goal_id}/",
        "runs list": "/runs/",
    }
    rng = random.Random(username)
    mine = {"sent": 0, "errors": [], "times": {}}
    while time.monotonic() < until:
        kind = rng.choice([*pages, "new note"])
        started = time.perf_counter()
        try:
            if kind == "new note":
                body = {
                    "csrfmiddlewaretoken": token,
                    "question": "beyond_running",
                    "text": f"A note from {username} at {time.time():.3f}",
                    "client_id": str(uuid.uuid4()),
                }
                round_id = rounds[min(mine["sent"] // NOTES_PER_ROUND, len(rounds) - 1)]
                status, _ = browser.request("POST", f"/rounds/{round_id}/notes/", body)
                ok = status in (200, 201, 302)  # 302: back to the page, without htmx
                mine["sent"] += ok
            else:
                status, _ = browser.request("GET", pages[kind])
                ok = status == 200
        except Exception as error:  # a timeout or a dropped connection is an error too
            status, ok = repr(error), False
        took = time.perf_counter() - started
        mine["times"].setdefault(kind, []).append(took)
        if not ok:
            mine["errors"].append(f"{kind}: {status}")
    with lock:
        results.append(mine)


def production_command(port: int, workers: int) -> list[str]:
    """gunicorn as the README's deployment on PostgreSQL runs it (its default sync workers:
    one request at a time each, the proxy in front buffering uploads)."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    return [gunicorn, "milepost.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]


def server_cpu_so_far(server) -> float:
    """CPU seconds used so far by the server and its worker processes (from /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in [server.pid, *_children(server.pid)]:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def _children(pid: int) -> list[int]:
    found = []
    for path in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            if int(path.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(path.parent.name))
    return found


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--workers", type=int, default=2, help="gunicorn processes (2)")
    ap.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="milepost-load-bench-") as data_dir:
        env = {
            **os.environ,
            "MILEPOST_DATA_DIR": data_dir,
            "MILEPOST_WEB_WORKERS": str(args.workers),
        }
        env.pop("DATABASE_URL", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        os.environ.update(env)
        if not args.database_url:
            os.environ.pop("DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "milepost.settings")
        sys.path.insert(0, str(ROOT))
        made = load(args.sessions)
        from django.db import connections

        from milepost.reflection.models import Note

        before = Note.objects.count()
        connections.close_all()
        port = free_port()
        server = serve(
            env, port, production_command(port, args.workers) if args.database_url else None
        )
        try:
            results, lock = [], threading.Lock()
            signed = [signed_in(port, username, rounds) for username, _, rounds in made]
            start = threading.Event()
            shared = (start, args.seconds, results, lock)
            threads = [
                threading.Thread(target=session, args=(*pair, *row, *shared))
                for pair, row in zip(signed, made, strict=True)
            ]
            for thread in threads:
                thread.start()
            server_cpu_before = server_cpu_so_far(server)
            client_cpu = time.process_time()
            start.set()
            for thread in threads:
                thread.join()
            client_cpu = time.process_time() - client_cpu
            server_cpu_after = server_cpu_so_far(server)
        finally:
            server.terminate()
            server.wait(timeout=30)
        server_cpu = server_cpu_after - server_cpu_before
        stored = Note.objects.count() - before
    sent = sum(r["sent"] for r in results)
    errors = [e for r in results for e in r["errors"]]
    times = {}
    for r in results:
        for kind, values in r["times"].items():
            times.setdefault(kind, []).extend(values)
    every = [t for values in times.values() for t in values]
    served = (
        f"PostgreSQL, gunicorn milepost.wsgi --workers {args.workers} (the README's deployment)"
        if args.database_url
        else f"SQLite, milepost serve with {args.workers} workers (the laptop default)"
    )
    print(
        f"{args.sessions} sessions for {args.seconds} s on {served}; the load client shares "
        "the machine's cores"
    )
    for kind, values in sorted(times.items()):
        print(
            f"  {kind:10} {len(values):6d} requests  median {statistics.median(values) * 1000:7.1f}"
            f" ms  p95 {p95(values) * 1000:7.1f} ms"
        )
    overall = p95(every) * 1000
    verdict = "ok" if overall < TARGET_P95_MS and not errors and sent == stored else "over target"
    print(
        f"CPU: server {server_cpu:.1f} s ({server_cpu / len(every) * 1000:.1f} ms a request), "
        f"load client {client_cpu:.1f} s "
        f"({client_cpu / len(every) * 1000:.1f} ms a request)"
    )
    print(f"requests {len(every)}, errors {len(errors)}, notes sent {sent}, stored {stored}")
    print(
        f"p95 over all: {overall:.0f} ms (target < {TARGET_P95_MS} ms, 0 errors, 0 lost: {verdict})"
    )
    for error in sorted(set(errors))[:10]:
        print(f"  error: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
