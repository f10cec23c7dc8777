"""The task worker killed with ``kill -9`` in the middle of an import, three times in a row:
the import still completes, with no duplicate and no file lost (issue 16). Run by `.ci/run`.

    .venv/bin/python benchmarks/kill_worker_check.py [--files 90] [--kills 3]
    .venv/bin/python benchmarks/kill_worker_check.py \\
        --database-url postgres://postgres@127.0.0.1:5432/EMPTY_DATABASE

On a fresh SQLite data folder (or an empty PostgreSQL database): makes a runner, uploads
``--files`` synthetic runs (half as separate FIT files, half as GPX files in one zip) the way
the import page does (``services.start_upload``), starts `milepost db_worker`, and each time
the batch has imported some more runs since the worker started, sends the worker SIGKILL (the
worker alone, as the kernel's OOM killer or a crash would), checks that no process it started
is left behind, resumes the batch as the runner's one click does (``services.resume_batch``)
and starts the worker again. After ``--kills`` kills it lets the import finish and checks: the
batch is done, every run is there once (one activity per file, no two at the same start), every
original file is stored (by sha256), the totals count every run and the uploaded copies are
gone. Prints what it saw; exit 1 on any failed check. Takes about half a minute.
"""

import argparse
import hashlib
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 120  # for the whole import, kills and restarts included


def make_files(count: int) -> tuple[list[tuple[str, bytes]], set[str]]:
    """(name, bytes) of the uploads, and the sha256 of every activity file in them."""
    from milepost.runs.formats.synthetic import fit_bytes, gpx_bytes, run_points

    first = datetime.now(UTC).replace(hour=7, minute=0, second=0, microsecond=0)
    first -= timedelta(days=count + 5)
    fits, gpxs = [], []
    for n in range(count):
        start = first + timedelta(days=n)
        points = run_points(start, [(15 * 60, 3.0)], cadence={3.0: 170})
        if n % 2:
            fits.append((f"run{n:03d}.fit", fit_bytes(points)))
        else:
            gpxs.append((f"run{n:03d}.gpx", gpx_bytes(points, sport="running")))
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in gpxs:
            zf.writestr(f"export/{name}", data)
    uploads = [*fits, ("runs.zip", zipped.getvalue())]
    return uploads, {hashlib.sha256(data).hexdigest() for _, data in fits + gpxs}


def start_worker(env: dict, log) -> subprocess.Popen:
    command = [sys.executable, "-m", "milepost.cli", "db_worker", "--interval", "0.2"]
    command.append("--no-startup-delay")
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def left_behind(worker: subprocess.Popen) -> list[str]:
    """Processes the killed worker started (its import's pool: they share its session) that
    are still running a few seconds later."""
    deadline = time.monotonic() + 5
    while True:
        found = subprocess.run(
            ["pgrep", "-a", "-s", str(worker.pid)], capture_output=True, text=True
        ).stdout.splitlines()
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=90, help="runs to upload (default: 90)")
    ap.add_argument("--kills", type=int, default=3, help="times to kill the worker (default: 3)")
    ap.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite)")
    args = ap.parse_args(argv)

    data_dir = tempfile.mkdtemp(prefix="milepost-kill-")
    env = {
        **os.environ,
        "MILEPOST_DATA_DIR": data_dir,
        "DJANGO_SETTINGS_MODULE": "milepost.settings",
    }
    env.pop("DATABASE_URL", None)  # a fresh SQLite install, the laptop default...
    if args.database_url:
        env["DATABASE_URL"] = args.database_url  # ...or PostgreSQL, as in production
    env["MILEPOST_IMPORT_STALE_MINUTES"] = "0"  # a killed worker's batch is stale at once
    env["MILEPOST_IMPORT_PROCESSES"] = "2"  # a pool of processes, as in production
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    from milepost.accounts.models import Profile
    from milepost.runs import services
    from milepost.runs.models import Activity, BatchStatus, ImportBatch, SourceFile, WeeklyTotal

    call_command("migrate", verbosity=0)
    runner = Profile.objects.create_runner("killed", password="kill -9 kill -9")
    uploads, digests = make_files(args.files)
    files = [SimpleUploadedFile(name, data) for name, data in uploads]
    batch = services.start_upload(owner=runner, files=files)
    print(f"{args.files} runs in {len(uploads)} uploads, batch {batch.pk}, data in {data_dir}")

    problems: list[str] = []
    log_path = Path(data_dir) / "worker.log"
    started = time.monotonic()
    kills = 0
    with open(log_path, "ab") as log:
        worker = start_worker(env, log)
        try:
            runs_at_start = 0
            while True:
                if time.monotonic() - started > TIMEOUT_S:
                    problems.append(f"the import did not finish within {TIMEOUT_S} s")
                    break
                batch.refresh_from_db()
                runs = Activity.objects.filter(owner=runner).count()
                if batch.status in (BatchStatus.DONE, BatchStatus.FAILED):
                    break
                if kills < args.kills and runs >= runs_at_start + max(3, args.files // 10):
                    worker.send_signal(signal.SIGKILL)
                    worker.wait()
                    kills += 1
                    print(
                        f"kill {kills} at {time.monotonic() - started:.0f} s: SIGKILL with "
                        f"{runs} of {args.files} runs in"
                    )
                    if orphans := left_behind(worker):
                        problems.append(f"kill {kills} left processes running: {orphans}")
                    batch.refresh_from_db()
                    if not services.resume_batch(batch=batch):
                        problems.append(f"kill {kills}: the batch could not be resumed")
                        break
                    runs_at_start = Activity.objects.filter(owner=runner).count()
                    worker = start_worker(env, log)
                time.sleep(0.05)
        finally:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    worker.kill()
    took = time.monotonic() - started

    batch.refresh_from_db()
    activities = Activity.objects.filter(owner=runner)
    stored = set(SourceFile.objects.filter(owner=runner).values_list("sha256", flat=True))
    weekly_runs = sum(WeeklyTotal.objects.filter(owner=runner).values_list("runs", flat=True))
    checks = {
        f"killed {args.kills} times mid-import": kills == args.kills,
        "the batch is done": batch.status == BatchStatus.DONE,
        f"{args.files} runs": activities.count() == args.files,
        "no two runs at the same start": activities.values("start").distinct().count()
        == activities.count(),
        "every original file stored": stored == digests,
        "each file one activity": activities.values("source_hash").distinct().count() == args.files,
        "the batch accounts for every run": batch.imported + batch.duplicate == args.files
        and batch.rejected == 0,
        "the weekly totals count every run": weekly_runs == args.files,
        "the uploaded copies are removed": not batch.upload_dir.exists(),
        "no other batch": ImportBatch.objects.filter(owner=runner).count() == 1,
    }
    for name, ok in checks.items():
        print(f"{'ok' if ok else 'FAILED'}: {name}")
        if not ok:
            problems.append(name)
    print(
        f"batch {batch.status}: {batch.imported} imported, {batch.duplicate} already there "
        f"(from before a kill), {batch.rejected} not imported; {took:.0f} s in all"
    )
    for problem in problems:
        print(f"PROBLEM: {problem}")
    if problems:
        print(f"the worker's output: {log_path}")
        print(log_path.read_text()[-3000:])
        return 1
    shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
