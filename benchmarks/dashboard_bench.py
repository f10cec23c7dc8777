"""The dashboard and a goal page through real HTTP, for 1, 5, 10 and 20 years of running.

    .venv/bin/python benchmarks/dashboard_bench.py [--requests 60] [--years 1 5 10 20]

In a fresh SQLite database in a temporary data directory, loads four runners made like the
demo runner (`milepost demo`: a finished round, three active goals with steps, a someday idea,
a goal done, a nudge) whose synthetic running (four runs a week, weekly and monthly totals from
the runs app's own ``recompute_totals``) goes back 1, 5, 10 and 20 years. Then serves Milepost
as `make run` does (`milepost serve --no-worker` in a subprocess), logs each runner in over
HTTP and times, one request at a time, interleaved, after a warm-up:

- the dashboard (``/dashboard/``) and a goal page (the measurable half-marathon goal);
- a minimal Django page in the same server, the baseline: the login page, anonymous;
- for reference, a light page logged in (the pace calculator): what a session, the user, the
  profile and the banners' queries cost on every page.

Pages are cached per runner until their data changes (milepost/accounts/pagecache.py), so a
runner coming back to an unchanged dashboard gets the cached page: that is what the targets
are measured on. For the longest history the dashboard and goal page are also timed right
after a change (the runner's pages marked changed before each request), the work a page does
after an import, a new step or a check-in: reported beside the others, with no target.

It prints the median time of each page per runner and two ratios, with their targets: the
20-year runner over the 1-year runner (at most 1.2: a long history costs nothing extra) and
each page over the minimal page (at most 2).
"""

import argparse
import functools
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "benchmark runner 42"
TARGET_HISTORY, TARGET_BASELINE = 1.2, 2.0
MINIMAL = "minimal page (login, anonymous)"
LOGGED_IN = "pace calculator, logged in"
AFTER_CHANGE = "after a change"


def load(years: list[int]) -> dict[int, tuple[str, int, int]]:
    """The runners, as {years: (username, user id, goal id)}, each made in this process."""
    import django

    django.setup()
    from django.core.management import call_command

    from milepost import demo
    from milepost.goals.models import Goal
    from milepost.runs.models import Activity

    try:  # milepost/demo.py, once it moves out of the nudges app
        from milepost import demo
    except ImportError:
        from milepost.nudges import demo

    call_command("migrate", verbosity=0)
    runners = {}
    for n in years:
        started = time.perf_counter()
        user = demo.create_demo(username=f"runner{n}y", password=PASSWORD, today=demo.demo_today())
        first_demo_day = Activity.objects.filter(owner=user).order_by("local_date")[0].local_date
        earlier = demo.synthetic_days(
            first_demo_day - timedelta(days=365 * (n - 1)),
            first_demo_day - timedelta(days=1),
            seed=n,
        )
        demo.add_runs(user, earlier, user.profile.zone)
        goal = Goal.objects.get(owner=user, metric="race_time", status="active")
        count = Activity.objects.filter(owner=user).count()
        took = time.perf_counter() - started
        print(f"  {user.username}: {count} runs over {n} years, loaded in {took:.1f} s")
        runners[n] = (user.username, user.pk, goal.pk)
    return runners


class Browser:
    """One session's cookies over plain http.client: a new connection per request."""

    def __init__(self, port: int):
        self.port, self.cookies = port, SimpleCookie()

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, data, headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        connection.close()
        return response.status, text

    def log_in(self, username: str) -> None:
        _, form = self.request("GET", "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
        fields = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        status, _ = self.request("POST", "/accounts/login/", fields)
        if status != 302:
            raise SystemExit(f"could not log {username} in (HTTP {status})")

    def timed_get(self, path: str) -> float:
        started = time.perf_counter()
        status, _ = self.request("GET", path)
        took = time.perf_counter() - started
        if status != 200:
            raise SystemExit(f"GET {path}: HTTP {status}")
        return took


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(env: dict, port: int, command: list[str] | None = None) -> subprocess.Popen:
    """The server on loopback: ``milepost serve`` (the laptop default) unless ``command``."""
    if command is None:
        command = [sys.executable, "-m", "milepost.cli", "serve", "--no-worker"]
        command += ["--port", str(port)]
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        return wait_until_serving(server, port)
    except SystemExit:
        server.terminate()
        raise


def wait_until_serving(server: subprocess.Popen, port: int) -> subprocess.Popen:
    """``server`` once it accepts connections on ``port`` (a minute at most)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)
    raise SystemExit("the server did not start within a minute")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=60, help="timed requests per page (60)")
    ap.add_argument("--years", type=int, nargs="+", default=[1, 5, 10, 20])
    args = ap.parse_args(argv)
    years = sorted(set(args.years))

    with tempfile.TemporaryDirectory(prefix="milepost-dashboard-bench-") as data_dir:
        env = {**os.environ, "MILEPOST_DATA_DIR": data_dir}
        env["DJANGO_SETTINGS_MODULE"] = "milepost.settings"
        env.pop("DATABASE_URL", None)  # always a fresh SQLite database
        os.environ.update(env)
        os.environ.pop("DATABASE_URL", None)
        sys.path.insert(0, str(ROOT))
        print(f"loading {len(years)} runners into a fresh SQLite database in {data_dir}")
        runners = load(years)
        port = free_port()
        server = serve(env, port)
        try:
            times = measure(port, runners, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=10)
    report(times, years)
    return 0


def measure(port: int, runners: dict, requests: int) -> dict[str, list[float]]:
    from milepost.accounts import pagecache

    anonymous = Browser(port)
    pages = {MINIMAL: (anonymous, "/accounts/login/", None)}
    longest = max(runners)
    for n, (username, user_id, goal_id) in runners.items():
        browser = Browser(port)
        browser.log_in(username)
        if not pages.get(LOGGED_IN):  # another reference: a light page, logged in
            pages[LOGGED_IN] = (browser, "/tools/pace/", None)
        pages[f"dashboard, {n} y"] = (browser, "/dashboard/", None)
        pages[f"goal page, {n} y"] = (browser, f"/goals/{goal_id}/", None)
        if n == longest:
            changed = functools.partial(pagecache.mark_changed, user_id)
            pages[f"dashboard, {n} y, {AFTER_CHANGE}"] = (browser, "/dashboard/", changed)
            pages[f"goal page, {n} y, {AFTER_CHANGE}"] = (browser, f"/goals/{goal_id}/", changed)
    for browser, path, _ in pages.values():  # warm-up: the day's nudge check, caches, imports
        for _ in range(3):
            browser.timed_get(path)
    times: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(requests):
        for name, (browser, path, before) in pages.items():
            if before:
                before()
            times[name].append(browser.timed_get(path))
            if before:  # the cached pages again, for the next round of timed requests
                for warm_path in ("/dashboard/", path):
                    browser.timed_get(warm_path)
    return times


def report(times: dict[str, list[float]], years: list[int]) -> None:
    median = {name: statistics.median(values) * 1000 for name, values in times.items()}
    baseline = median[MINIMAL]
    print(f"\nmedian over {len(next(iter(times.values())))} requests each (ms):")
    for name, ms in median.items():
        print(f"  {name:40} {ms:7.2f}   x{ms / baseline:.2f} of the minimal page")
    first, last = years[0], years[-1]
    print()
    for page in ("dashboard", "goal page"):
        ratio = median[f"{page}, {last} y"] / median[f"{page}, {first} y"]
        verdict = "ok" if ratio <= TARGET_HISTORY else "OVER TARGET"
        print(f"{page}: {last} years / {first} year = {ratio:.2f} "
              f"(target <= {TARGET_HISTORY}) {verdict}")  # fmt: skip
        worst = max(median[f"{page}, {n} y"] for n in years) / baseline
        verdict = "ok" if worst <= TARGET_BASELINE else "OVER TARGET"
        print(f"{page}: slowest / minimal page = {worst:.2f} "
              f"(target <= {TARGET_BASELINE}) {verdict}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
