"""A whole Strava export uploaded through the import page, on `milepost serve` (issue 15).

    .venv/bin/python benchmarks/upload_bench.py [--years 7] [--processes 2] [--fresh] \\
        [--timeout 600]

Builds (or reuses) import_bench.py's synthetic Strava-like export (300 runs a year: ``--years
7`` is 2,100 files), serves Milepost as a runner does on a laptop (`milepost serve` on a fresh
SQLite database in a temporary data directory: gunicorn, and the background task worker that
runs the import), makes a runner and signs in over HTTP. Then it posts the zip to the import
page as the browser's form does (multipart, the ``files`` field and the CSRF token), times the
answer, follows the status fragment the batch page polls with htmx every second until it stops
polling and, from the upload on, requests the dashboard in another tab of the same session
twice a second.

Prints the export's files and MB, the seconds to accept the upload and to finish the import,
the batch's totals, the dashboard requests (median, max, any answer but 200) and a verdict per
target of issue 15 ("The web upload of a 2,000-file Strava export: accepted, progress to the
end, no request timeout, the page usable meanwhile"): accepted in under 30 s (gunicorn's
default timeout), progress to the end, every file imported, the dashboard under 1 s with no
error. Exit 1 if one is missed. The client shares the machine's cores with the server.
"""

import argparse
import contextlib
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dashboard_bench import PASSWORD, Browser, free_port, wait_until_serving  # noqa: E402
from import_bench import export_zip, verdict  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
USERNAME = "uploader"
IMPORT_PAGE = "/runs/import/"
DASHBOARD = "/dashboard/"  # where "/" sends a signed-in runner
POLL_S = 1.0  # the batch page's hx-trigger="every 1s"
DASHBOARD_PAUSE_S = 0.5  # a runner clicking about, not a load test (load_bench.py is one)
TARGET_ACCEPT_S = 30.0  # gunicorn's default timeout: a proxy or server set so would cut it
TARGET_DASHBOARD_S = 1.0
STOPPED = "the page stopped polling"  # its fragment no longer asks to be polled again


def activity_files(archive: Path) -> int:
    with zipfile.ZipFile(archive) as zf:
        return sum(name.startswith("activities/") for name in zf.namelist())


def make_runner() -> None:
    """An empty runner in the fresh database, made here before the server starts."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from milepost.accounts.models import Profile

    call_command("migrate", verbosity=0)
    Profile.objects.create_runner(USERNAME, password=PASSWORD)
    connections.close_all()


def start(env: dict, port: int, log) -> subprocess.Popen:
    """`milepost serve` with its task worker, in a process group of its own so that stopping
    it stops all it started (gunicorn's workers, the task worker, the import's pool)."""
    command = [sys.executable, "-m", "milepost.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    return wait_until_serving(server, port)


def stop(server: subprocess.Popen) -> list[int]:
    """SIGTERM to the whole group, SIGKILL to what is left 30 s later: what outlived both."""
    for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, sig)
        deadline = time.monotonic() + grace
        while (left := members(server)) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not left:
            break
    return left


def members(server: subprocess.Popen) -> list[int]:
    """The group's live processes (zombies left out: nothing to stop; Linux /proc)."""
    server.poll()  # reaps the leader
    found = []
    for path in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError):
            state, _, group = path.read_text().rsplit(")", 1)[1].split()[:3]
            if state != "Z" and int(group) == server.pid:
                found.append(int(path.parent.name))
    return found


def send(browser: Browser, method: str, path: str, body=None, headers=None, timeout=60):
    """A request in ``browser``'s session with headers of its own (a multipart body, htmx's
    HX-Request): (status, Location, text)."""
    connection = http.client.HTTPConnection("127.0.0.1", browser.port, timeout=timeout)
    cookies = "; ".join(f"{k}={m.value}" for k, m in browser.cookies.items())
    headers = {"Host": f"127.0.0.1:{browser.port}", "Cookie": cookies, **(headers or {})}
    connection.request(method, path, body, headers)
    response = connection.getresponse()
    text = response.read().decode()
    for header in response.headers.get_all("Set-Cookie") or []:
        browser.cookies.load(header)
    connection.close()
    return response.status, response.headers.get("Location", ""), text


def form_body(token: str, archive: Path) -> tuple[bytes, str]:
    """The import form as a browser encodes it: the CSRF token, then the file."""
    boundary = f"----MilepostBench{uuid.uuid4().hex}"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token}\r\n--{boundary}\r\n"
        f'Content-Disposition: form-data; name="files"; filename="{archive.name}"\r\n'
        "Content-Type: application/zip\r\n\r\n"
    )
    tail = f"\r\n--{boundary}--\r\n"
    return head.encode() + archive.read_bytes() + tail.encode(), boundary


def upload(browser: Browser, archive: Path) -> tuple[int, str, float]:
    """Posts the export from the import page: (status, where it sends the runner, seconds from
    the first byte sent to the answer)."""
    _, page = browser.request("GET", IMPORT_PAGE)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    body, boundary = form_body(token, archive)
    kind = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    started = time.perf_counter()
    # Longer than the server's own limit (120 s): a cut-off answer is seen, not waited out.
    status, location, _ = send(browser, "POST", IMPORT_PAGE, body, kind, timeout=150)
    return status, location, time.perf_counter() - started


def follow(browser: Browser, batch: str, timeout: float) -> dict:
    """Polls the batch's status fragment as htmx does until it no longer asks to be polled:
    the progress shown on the way, the last fragment, and why it stopped."""
    percents, deadline = [], time.monotonic() + timeout
    status, _ = browser.request("GET", batch)  # the page the redirect opens
    if status != 200:
        return {"percents": percents, "text": "", "stopped": f"the batch page was HTTP {status}"}
    while True:
        status, _, text = send(browser, "GET", batch, headers={"HX-Request": "true"})
        if status != 200:
            return {"percents": percents, "text": text, "stopped": f"a poll answered HTTP {status}"}
        if "hx-get=" not in text:
            return {"percents": percents, "text": text, "stopped": STOPPED}
        if shown := re.search(r'<progress max="100" value="(\d+)"', text):
            percents.append(int(shown[1]))
        if time.monotonic() > deadline:
            return {"percents": percents, "text": text, "stopped": f"gave up after {timeout:.0f} s"}
        time.sleep(POLL_S)


def dashboard_tab(tab: Browser, accepted, finished, samples: list) -> None:
    """Another tab of the same session: the dashboard again and again until the import ends,
    each answer as (phase, status, seconds)."""
    while not finished.is_set():
        phase = "import" if accepted.is_set() else "upload"
        started = time.perf_counter()
        try:
            status, _ = tab.request("GET", DASHBOARD)
        except Exception as error:  # a timeout or a dropped connection is an error too
            status = repr(error)
        samples.append((phase, status, time.perf_counter() - started))
        finished.wait(DASHBOARD_PAUSE_S)


def measure(port: int, archive: Path, timeout: float) -> dict:
    browser = Browser(port)
    browser.log_in(USERNAME)
    tab = Browser(port)
    tab.cookies.load({key: morsel.value for key, morsel in browser.cookies.items()})
    accepted, finished, samples = threading.Event(), threading.Event(), []
    other = threading.Thread(target=dashboard_tab, args=(tab, accepted, finished, samples))
    other.start()
    try:
        status, location, accept_s = upload(browser, archive)
        accepted.set()
        started = time.perf_counter()
        progress = {"percents": [], "text": "", "stopped": f"upload answered HTTP {status}"}
        if status == 302 and re.fullmatch(r"/runs/import/\d+/", location):
            progress = follow(browser, location, timeout)
        finish_s = time.perf_counter() - started
    finally:
        finished.set()
        other.join()
    return {"status": status, "accept_s": accept_s, "finish_s": finish_s, "samples": samples,
            **progress}  # fmt: skip


def stored() -> dict:
    """What the database holds once the import is over: the batch's own times and the runs."""
    from django.db import connections

    from milepost.runs.models import Activity, ImportBatch

    batch = ImportBatch.objects.get(owner__username=USERNAME)
    runs = Activity.objects.filter(owner__username=USERNAME).count()
    waited = (batch.started - batch.created).total_seconds() if batch.started else None
    took = (batch.finished - batch.started).total_seconds() if batch.finished else None
    connections.close_all()
    return {"batch": batch.status, "runs": runs, "waited_s": waited, "import_s": took}


def report(files: int, archive: Path, result: dict, db: dict) -> bool:
    mb = archive.stat().st_size / 2**20
    print(f"export: {files} activity files, {mb:.0f} MB ({archive.name}); {os.cpu_count()} CPUs")
    print(f"upload answered HTTP {result['status']} in {result['accept_s']:.1f} s")
    # The finished page's own totals (none on a page still importing).
    counts = {k: int(n) for k, n in re.findall(r'class="count-(\w+)">(\d+)', result["text"])}
    waited = "?" if db["waited_s"] is None else f"{db['waited_s']:.1f}"
    read = "?" if db["import_s"] is None else f"{db['import_s']:.1f}"
    print(
        f"import: {result['stopped']} {result['finish_s']:.1f} s after the upload was "
        f"accepted (batch {db['batch']}; polled every {POLL_S:.0f} s; the worker "
        f"started it after {waited} s and read it in {read} s)"
    )
    percents = result["percents"]
    few = percents if len(percents) <= 6 else [*percents[:3], "…", *percents[-3:]]
    shown = ", ".join(map(str, few))
    print(f"progress shown: {len(percents)} polls while running ({shown or 'none'} %)")
    words = {"imported": "imported", "duplicate": "already there", "skipped": "skipped",
             "rejected": "not imported"}  # fmt: skip
    found = ", ".join(f"{counts[k]} {word}" for k, word in words.items() if k in counts)
    print(f"totals on the finished page: {found or 'none'}; {db['runs']} runs in the database")
    errors = print_dashboard(result["samples"])
    print("targets (issue 15):")
    met = targets(files, result, counts, db, errors)
    for name, ok in met.items():
        print(f"  {name}: {verdict(ok)}")
    return all(met.values())


def print_dashboard(samples: list) -> list[str]:
    """The dashboard's figures per phase; returns its answers other than 200."""
    errors = [f"{phase}: {status}" for phase, status, _ in samples if status != 200]
    for phase in ("upload", "import"):
        times = [seconds for p, _, seconds in samples if p == phase]
        if times:
            print(
                f"dashboard during the {phase}: {len(times)} requests, median "
                f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
            )
    for error in sorted(set(errors))[:10]:
        print(f"  not 200: {error} ({errors.count(error)} times)")
    return errors


def targets(files: int, result: dict, counts: dict, db: dict, errors: list) -> dict[str, bool]:
    samples, percents = result["samples"], result["percents"]
    slowest = max((seconds for _, _, seconds in samples), default=None)
    done = result["stopped"] == STOPPED and "<strong>Done.</strong>" in result["text"]
    accepted = result["status"] == 302 and result["accept_s"] < TARGET_ACCEPT_S
    return {
        f"accepted without timeout (HTTP 302 in < {TARGET_ACCEPT_S:.0f} s)": accepted,
        "progress to the end (never backwards, then Done.)": done and percents == sorted(percents),
        f"every file imported ({files})": counts.get("imported") == db["runs"] == files
        and counts.get("rejected") == 0,
        f"dashboard meanwhile under {TARGET_DASHBOARD_S:.0f} s, no errors "
        f"({len(samples)} requests)": slowest is not None
        and slowest < TARGET_DASHBOARD_S
        and not errors,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", type=int, default=7, help="Years of history (7: 2,100 files).")
    ap.add_argument("--processes", type=int, default=2, help="Processes building the export (2).")
    ap.add_argument("--fresh", action="store_true", help="Rebuild the cached export.")
    ap.add_argument("--timeout", type=float, default=600, help="Seconds for the import (600).")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the cleanup below runs
    archive = export_zip(args.years, args.processes, args.fresh)
    files = activity_files(archive)
    with tempfile.TemporaryDirectory(prefix="milepost-upload-bench-") as data_dir:
        env = {**os.environ, "MILEPOST_DATA_DIR": data_dir}
        env["DJANGO_SETTINGS_MODULE"] = "milepost.settings"
        env.pop("DATABASE_URL", None)  # always a fresh SQLite database, the laptop default
        os.environ.clear()
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        make_runner()
        port = free_port()
        log_path = Path(data_dir) / "server.log"
        with open(log_path, "wb") as log:
            server = start(env, port, log)
            failed = True
            try:
                result = measure(port, archive, args.timeout)
                failed = not report(files, archive, result, stored())
            finally:
                if left := stop(server):
                    print(f"WARNING: processes left running after SIGKILL: {left}")
                if failed:
                    tail = log_path.read_text(errors="replace")[-3000:]
                    print(f"the server's last output:\n{tail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
