"""Import a decade of running history end to end, against the parsers alone.

    .venv/bin/python benchmarks/import_bench.py [--years 10] [--processes 2] [--fresh]

Builds a deterministic Strava-like export (once; cached in the system temp directory, or
rebuilt with --fresh): about 300 runs a year of about an hour at one point per second, half FIT
(``.fit.gz``), a third GPX (``.gpx`` and ``.gpx.gz``), the rest TCX (``.tcx.gz``), listed in
``activities.csv``. Then, in one run on this machine:

1. bare parse: the same files, unpacked to disk, each read and parsed by ``parse_file`` in a
   pool of ``--processes`` worker processes (the parsers alone, nothing else);
2. end to end: ``import_paths`` of the export zip into a fresh SQLite database in a temporary
   data directory, parsing in a pool of ``--processes`` and writing in this process;
3. re-import: the same zip again (every file a duplicate, found by its hash), in this process
   and then as a runner types it, ``milepost import`` in a process of its own (start-up
   included);
4. the export's plain GPX files, a folder of them, by ``milepost import`` in a process of its
   own into a new runner: points per second, whole process included.

It prints the times, their ratios, points per second and the peak RSS of every process.
Targets: end to end within 1.3x the bare parse, 10 years in under 30 s on two cores, no
process over 300 MB, a full re-import (the command, start-up included) at most 5 % of the first
import, GPX files by the command at 150,000 points/s or more (issue 15: 40x FitTrackee's upload
measured side by side on this machine).
"""

import argparse
import contextlib
import gzip
import math
import os
import random
import resource
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from milepost.runs.formats import parse_file  # noqa: E402
from milepost.runs.formats.synthetic import fit_bytes, gpx_bytes, run_points, tcx_bytes  # noqa: E402

RUNS_PER_YEAR = 300
VERSION = 1  # bump when the generator changes, so the cached export is rebuilt
FIRST_DAY = datetime(2015, 1, 5, tzinfo=UTC)
TARGET_RATIO, TARGET_SECONDS, TARGET_MB, TARGET_REIMPORT = 1.3, 30.0, 300.0, 0.05
TARGET_GPX_RATE = 150_000  # points/s: 40x FitTrackee's upload (issue 15, on this machine)


# --- the synthetic export -----------------------------------------------------------------------


def run_plan(n: int, years: int) -> dict:
    """What run ``n`` is: deterministic, from its own seeded random generator."""
    rng = random.Random(1000 + n)
    total = RUNS_PER_YEAR * years
    day = FIRST_DAY + timedelta(days=n * 365.25 * years / total)
    start = day.replace(hour=rng.choice([6, 7, 7, 12, 17, 18, 19]), minute=rng.randrange(60))
    pace = rng.uniform(2.6, 3.3)  # m/s
    minutes = rng.uniform(50, 70)
    pieces = [(300, pace * 0.9)]
    main = minutes * 60 - 300
    if rng.random() < 0.3:  # a walk break in the middle
        pieces += [(main / 2, pace), (60, 1.3), (main / 2 - 60, pace)]
    else:
        pieces += [(main, pace)]
    kind = ("fit", "fit", "fit", "gpx", "gpx", "tcx")[n % 6]
    name = {"fit": f"{n}.fit.gz", "gpx": f"{n}.gpx" + (".gz" if n % 12 == 3 else ""),
            "tcx": f"{n}.tcx.gz"}[kind]  # fmt: skip
    return {"n": n, "start": start, "pieces": pieces, "kind": kind, "name": name, "pace": pace}


def build_file(args: tuple[int, int]) -> tuple[str, bytes]:
    plan = run_plan(*args)
    speeds = {s for _, s in plan["pieces"]}
    cadence = {s: (110 if s < 2 else round(150 + 8 * s)) for s in speeds}
    points = run_points(
        plan["start"],
        plan["pieces"],
        cadence=cadence,
        alt=lambda s: 40 + 25 * math.sin(s / 600) + (s % 97) / 50,
        hr=140 + plan["n"] % 20,
    )
    writer = {"fit": fit_bytes, "gpx": gpx_bytes, "tcx": lambda p: tcx_bytes([p])}[plan["kind"]]
    data = writer(points)
    if plan["name"].endswith(".gz"):
        data = gzip.compress(data, compresslevel=6, mtime=0)
    return plan["name"], data


def csv_line(plan: dict) -> str:
    seconds = round(sum(d for d, _ in plan["pieces"]))
    metres = sum(d * s for d, s in plan["pieces"])
    when = plan["start"].strftime("%b %-d, %Y, %-I:%M:%S %p")
    cells = [str(plan["n"]), f'"{when}"', f"Run {plan['n']}", "Run", "", str(seconds),
             f"{metres / 1000:.2f}", "", "", "false", "", "", f"activities/{plan['name']}", "",
             "", str(seconds), str(seconds), f"{metres:.1f}"]  # fmt: skip
    return ",".join(cells)


CSV_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
    "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance"
)


def export_zip(years: int, processes: int, fresh: bool) -> Path:
    path = Path(tempfile.gettempdir()) / f"milepost-bench-export-{years}y-v{VERSION}.zip"
    if path.exists() and not fresh:
        return path
    total = RUNS_PER_YEAR * years
    print(f"building the export: {total} runs (once; cached at {path})", flush=True)
    t0 = time.perf_counter()
    partial = path.with_suffix(".partial")
    with (
        zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf,
        ProcessPoolExecutor(processes, mp_context=get_context("spawn")) as pool,
    ):
        lines = [CSV_HEADER] + [csv_line(run_plan(n, years)) for n in range(total)]
        zf.writestr("activities.csv", "\n".join(lines))
        jobs = [(n, years) for n in range(total)]
        for name, data in pool.map(build_file, jobs, chunksize=16):
            zf.writestr(f"activities/{name}", data)
        zf.writestr("profile.csv", "Athlete ID\n1\n")
    partial.replace(path)
    print(f"built in {time.perf_counter() - t0:.0f} s, {path.stat().st_size / 2**20:.0f} MB")
    return path


# --- measuring ------------------------------------------------------------------------------------


class PeakMemory:
    """Peak RSS (VmHWM) of this process and of every child process, sampled 10 times a second.

    Linux only. ``reset()`` clears this process's peak (/proc/self/clear_refs) between phases.
    """

    def __init__(self):
        self.children: dict[int, tuple[str, float]] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        self.children.clear()
        self.stop.clear()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        self.main_mb = _hwm_mb("self")

    @staticmethod
    def reset():
        with contextlib.suppress(OSError):
            Path("/proc/self/clear_refs").write_text("5")

    def _watch(self):
        me = str(os.getpid())
        while not self.stop.wait(0.1):
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    fields = stat.read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if fields[1] != me:
                    continue
                pid = stat.parent.name
                mb = _hwm_mb(pid)
                if mb is not None:
                    role = _role(pid)
                    old = self.children.get(int(pid), (role, 0.0))[1]
                    self.children[int(pid)] = (role, max(old, mb))

    def lines(self) -> list[str]:
        out = [f"  main process (parse dispatch + database writes): {self.main_mb:.0f} MB"]
        for pid, (role, mb) in sorted(self.children.items()):
            out.append(f"  child {pid} ({role}): {mb:.0f} MB")
        return out

    @property
    def peak(self) -> float:
        return max([self.main_mb, *(mb for _, mb in self.children.values())])


def _hwm_mb(pid: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _role(pid: str) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "?"
    if "resource_tracker" in cmd:
        return "multiprocessing resource tracker"
    return "parse worker" if "spawn_main" in cmd else cmd[:60]


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished children, so far."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


class Timer:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = cpu_seconds() - self.cpu


def parse_path(path: str) -> int:
    """The bare parse of one file: read it, parse it, count its points."""
    data = Path(path).read_bytes()
    return sum(s.point_count for s in parse_file(data, path))


def bare_parse(folder: Path, processes: int) -> tuple[Timer, dict[str, int], PeakMemory]:
    """The bare parse's time, the points of each file, and the peak memory."""
    paths = sorted(str(p) for p in (folder / "activities").iterdir())
    PeakMemory.reset()
    pool = ProcessPoolExecutor(processes, mp_context=get_context("spawn"))
    with PeakMemory() as memory, Timer() as timer, pool:
        points = dict(zip(paths, pool.map(parse_path, paths, chunksize=8), strict=True))
    return timer, points, memory


def gpx_command(data_dir: Path, unpacked: Path, points: dict[str, int]) -> tuple[float, int]:
    """Wall seconds of ``milepost import`` of the export's plain GPX files (a folder of them)
    into a new runner, as its own process, and their points: issue 15 compares this with
    FitTrackee's upload of GPX files."""
    folder = unpacked / "gpx"
    folder.mkdir()
    for path in (unpacked / "activities").glob("*.gpx"):
        path.rename(folder / path.name)
    from milepost.accounts.models import Profile

    Profile.objects.create_runner("gpx")
    seconds = import_command(data_dir, folder, user="gpx")
    return seconds, sum(n for path, n in points.items() if path.endswith(".gpx"))


def setup_django(data_dir: Path):
    os.environ["MILEPOST_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "milepost.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from milepost.accounts.models import Profile

    call_command("migrate", verbosity=0)
    return Profile.objects.create_runner("bench")


def import_once(owner, archive: Path, processes: int):
    from milepost.runs.services import import_paths

    PeakMemory.reset()
    with PeakMemory() as memory, Timer() as timer:
        report = import_paths(owner=owner, paths=[archive], processes=processes)
    return timer, report, memory


def import_command(data_dir: Path, archive: Path, user: str = "bench") -> float:
    """Wall seconds of ``milepost import ARCHIVE --user USER`` as its own process, as a runner
    types it on their machine: with Python's bytecode cache, which it writes the first time (some
    sandboxes turn it off with PYTHONDONTWRITEBYTECODE; a compile of every module then costs
    about 0.15 s a start)."""
    import subprocess

    env = {**os.environ, "MILEPOST_DATA_DIR": str(data_dir)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    milepost = Path(sys.executable).with_name("milepost")
    subprocess.run([str(milepost), "import", "--help"], env=env, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        [str(milepost), "import", str(archive), "--user", user],
        env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - started


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", type=int, default=10, help="Years of history (10).")
    ap.add_argument("--processes", type=int, default=2, help="Parsing processes (2).")
    ap.add_argument("--fresh", action="store_true", help="Rebuild the cached export.")
    args = ap.parse_args(argv)
    archive = export_zip(args.years, args.processes, args.fresh)
    with tempfile.TemporaryDirectory(prefix="milepost-bench-") as tmp:
        tmp = Path(tmp)
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(tmp / "unpacked")
        runs = len(list((tmp / "unpacked" / "activities").iterdir()))
        print(f"{args.years} years: {runs} runs, export {archive.stat().st_size / 2**20:.0f} MB; "
              f"{os.cpu_count()} CPUs, {args.processes} parsing processes")  # fmt: skip

        bare, points_by_path, bare_memory = bare_parse(tmp / "unpacked", args.processes)
        points = sum(points_by_path.values())
        print(
            f"bare parse:   {bare.wall:6.1f} s wall  {bare.cpu:6.1f} s CPU  {points:,} points  "
            f"{points / bare.wall:,.0f} points/s"
        )
        owner = setup_django(tmp / "data")
        first, report, import_memory = import_once(owner, archive, args.processes)
        print(
            f"end to end:   {first.wall:6.1f} s wall  {first.cpu:6.1f} s CPU  "
            f"{report.points:,} points  {report.points / first.wall:,.0f} points/s  "
            f"{report.totals}"
        )
        again, second, again_memory = import_once(owner, archive, args.processes)
        print(f"re-import:    {again.wall:6.1f} s wall  {again.cpu:6.1f} s CPU  {second.totals}")
        command = import_command(tmp / "data", archive)
        print(
            f"re-import by `milepost import` (its own process, start-up included): {command:.1f} s"
        )
        gpx_seconds, gpx_points = gpx_command(tmp / "data", tmp / "unpacked", points_by_path)
        gpx_rate = gpx_points / gpx_seconds
        print(
            f"GPX files by `milepost import` (its own process, start-up included): "
            f"{gpx_seconds:.1f} s, {gpx_points:,} points, {gpx_rate:,.0f} points/s"
        )
        db = Path(tmp / "data" / "milepost.sqlite3")
        print(f"database after import: {db.stat().st_size / 2**20:.0f} MB (originals included)")
        for title, memory in [
            ("bare parse", bare_memory),
            ("end-to-end import", import_memory),
            ("re-import", again_memory),
        ]:
            print(f"peak RSS, {title}:")
            print("\n".join(memory.lines()))

        ratio, cpu_ratio = first.wall / bare.wall, first.cpu / bare.cpu
        share = command / first.wall
        peak = max(bare_memory.peak, import_memory.peak, again_memory.peak)
        ten_years = first.wall * 10 / args.years
        scaled = "" if args.years == 10 else f", scaled from {args.years} years"
        print("targets (wall time; CPU time for comparison, less sensitive to a busy machine):")
        print(
            f"  end to end / bare parse = {ratio:.2f} wall, {cpu_ratio:.2f} CPU "
            f"(<= {TARGET_RATIO}): {verdict(ratio <= TARGET_RATIO)}"
        )
        print(
            f"  10 years in {ten_years:.1f} s{scaled} (< {TARGET_SECONDS:.0f} s): "
            f"{verdict(ten_years < TARGET_SECONDS)}"
        )
        print(
            f"  largest process {peak:.0f} MB (< {TARGET_MB:.0f} MB): {verdict(peak < TARGET_MB)}"
        )
        print(
            f"  re-import / import = {share:.1%} wall by the command, "
            f"{again.wall / first.wall:.1%} wall in process (<= {TARGET_REIMPORT:.0%}): "
            f"{verdict(share <= TARGET_REIMPORT)}"
        )
        print(
            f"  GPX by the command {gpx_rate:,.0f} points/s (>= {TARGET_GPX_RATE:,.0f}, 40x "
            f"FitTrackee's upload): {verdict(gpx_rate >= TARGET_GPX_RATE)}"
        )
        if second.totals["imported"] or report.totals["rejected"]:
            print("UNEXPECTED: the re-import imported something, or files were rejected")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
