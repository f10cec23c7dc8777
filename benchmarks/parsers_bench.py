"""Measure the parsers: points per CPU second, per format, on real files.

    .venv/bin/python benchmarks/parsers_bench.py [--compare] [--repeat N] [PATH ...]
    .venv/bin/python benchmarks/parsers_bench.py --history 300 --workers 2

PATH defaults to the repo's ``samples/`` plus ``--synthetic`` (3) hour-long synthetic runs per
format. For GPX and TCX it also times a bare lxml pass over the same files, in the same run:
``iterparse`` with a tag filter and ``clear()``, extracting time (``datetime.fromisoformat``),
position, elevation, distance, heart rate and cadence (``float``), and prints our reader's time
as a ratio of it (the target is 1.5x at most). ``--compare`` also times fitdecode (if installed) on
the same FIT files, as the baseline that IMPORT_NOTES measured. ``--history N`` builds N
synthetic 4,000-point runs per format (an hour at 1 s, with cadence, heart rate and altitude)
and parses them in ``--workers`` processes, projecting the time for 10 M points. Figures are
CPU time in this process; print them as ratios when comparing machines (the machine is noisy).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from milepost.runs.formats import fit, gpx, tcx  # noqa: E402
from milepost.runs.formats.errors import ActivityFileError  # noqa: E402
from milepost.runs.formats.parse import detect_format, parse_file  # noqa: E402

READERS = {"fit": fit.read, "gpx": gpx.read, "tcx": tcx.read}


def _files(paths: list[Path]) -> list[tuple[str, Path, bytes]]:
    out = []
    for root in paths:
        for p in sorted(root.rglob("*") if root.is_dir() else [root]):
            if p.is_file():
                data = p.read_bytes()
                kind = detect_format(data)
                if kind in READERS:
                    out.append((kind, p, data))
    return out


def _synthetic(count: int) -> list[tuple[str, Path, bytes]]:
    return [
        (kind, Path(f"synthetic/{n}.{kind}"), _history_file((kind, n)))
        for kind in ("fit", "gpx", "tcx")
        for n in range(count)
    ]


# --- the bare lxml pass: what any reader must at least do ---------------------------------------

BARE_TAGS = {"gpx": "{*}trkpt", "tcx": "{*}Trackpoint"}
BARE_FIELDS = {  # local name -> is a time
    "time": True, "ele": False, "hr": False, "cad": False, "latitudedegrees": False,
    "longitudedegrees": False, "altitudemeters": False, "distancemeters": False,
    "value": False, "runcadence": False,
}  # fmt: skip
_BARE_LOCAL: dict = {}


def _bare_local(tag) -> str:
    _BARE_LOCAL[tag] = name = tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""
    return name


def bare_lxml(kind: str, data: bytes) -> int:
    """Every point's fields, the plainest way lxml allows; returns the number of points."""
    points = []
    local, fields = _BARE_LOCAL.get, BARE_FIELDS
    parse = etree.iterparse(
        io.BytesIO(data.lstrip()), tag=BARE_TAGS[kind], resolve_entities=False,
        no_network=True, load_dtd=False, huge_tree=False, recover=True,
    )  # fmt: skip
    for _, el in parse:
        values = [el.get("lat"), el.get("lon")]
        for sub in el.iter():
            name = local(sub.tag) or _bare_local(sub.tag)
            is_time = fields.get(name)
            if is_time is None or sub.text is None:
                continue
            try:
                values.append(datetime.fromisoformat(sub.text) if is_time else float(sub.text))
            except ValueError:
                values.append(None)
        points.append(values)
        el.clear(keep_tail=False)
    return len(points)


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _points(kind: str, data: bytes) -> int:
    try:
        return sum(len(r) for r in READERS[kind](data))
    except ActivityFileError:
        return 0


def _fitdecode_time(data_files, repeat: int) -> float | None:
    """The same extraction with fitdecode: every record's time, position, distance, altitude,
    heart rate and cadence (as IMPORT_NOTES measured it)."""
    try:
        import fitdecode
    except ImportError:
        return None
    names = ("timestamp", "position_lat", "position_long", "distance", "altitude")
    names += ("heart_rate", "cadence")

    def run():
        for _, _, data in data_files:
            reader = fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED)
            with contextlib.suppress(fitdecode.FitError):
                for frame in reader:
                    if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                        for name in names:
                            frame.get_value(name, fallback=None)

    return _best(run, repeat)


def _history_file(args: tuple[str, int]) -> bytes:
    from datetime import UTC, datetime, timedelta

    from milepost.runs.formats.synthetic import fit_bytes, gpx_bytes, run_points, tcx_bytes

    kind, n = args
    start = datetime(2015, 1, 1, 7, tzinfo=UTC) + timedelta(days=n)
    points = run_points(start, [(3999, 2.9)], cadence={2.9: 168}, alt=lambda s: 30 + (s % 900) / 30)
    return {"fit": fit_bytes, "gpx": gpx_bytes, "tcx": lambda p: tcx_bytes([p])}[kind](points)


def _timed_parse(args: tuple[str, int]) -> tuple[int, float]:
    """Build one synthetic file, then parse it: (points, CPU seconds of the parse alone)."""
    data = _history_file(args)
    t0 = time.process_time()
    points = sum(s.point_count for s in parse_file(data, "history"))
    return points, time.process_time() - t0


def history(files: int, workers: int) -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        for kind in ("fit", "gpx", "tcx"):
            jobs = [(kind, n) for n in range(files)]
            results = list(pool.map(_timed_parse, jobs, chunksize=8))
            points = sum(p for p, _ in results)
            cpu = sum(c for _, c in results)
            rate = points / cpu * workers  # parse throughput of ``workers`` busy processes
            print(
                f"{kind}: {files} files, {points:,} points, {cpu:.2f} CPU s = "
                f"{points / cpu:,.0f} pts/s per process; with {workers} processes 10 M points "
                f"take ~{10_000_000 / rate:.0f} s"
            )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare", action="store_true")
    ap.add_argument("--history", type=int, default=0, metavar="N")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--synthetic", type=int, default=3, metavar="N")
    args = ap.parse_args(argv)
    if args.history:
        history(args.history, args.workers)
        return
    paths = args.paths or [ROOT / "samples"]
    files = _files(paths) + ([] if args.paths else _synthetic(args.synthetic))
    print(
        f"{'format':6} {'files':>5} {'points':>9} {'MB':>6} {'read s':>7} {'read pts/s':>11} "
        f"{'+summary s':>10} {'all pts/s':>10}"
    )
    for kind in ("fit", "gpx", "tcx"):
        group = [f for f in files if f[0] == kind]
        if not group:
            continue
        points = sum(_points(kind, data) for _, _, data in group)
        mb = sum(len(d) for _, _, d in group) / 2**20

        def read_all(group=group, kind=kind):
            for _, _, data in group:
                with contextlib.suppress(ActivityFileError):
                    READERS[kind](data)

        def parse_all(group=group):
            for _, p, data in group:
                with contextlib.suppress(ActivityFileError):
                    parse_file(data, p.name)

        t_read = _best(read_all, args.repeat)
        t_all = _best(parse_all, args.repeat)
        print(
            f"{kind:6} {len(group):5d} {points:9d} {mb:6.1f} {t_read:7.3f} "
            f"{points / t_read:11,.0f} {t_all:10.3f} {points / t_all:10,.0f}"
        )
        if kind in BARE_TAGS:

            def bare_all(group=group, kind=kind):
                for _, _, data in group:
                    bare_lxml(kind, data)

            t_bare = _best(bare_all, args.repeat)
            print(
                f"{'':6} bare lxml pass: {t_bare:.3f} s = {points / t_bare:,.0f} pts/s; "
                f"our reader takes {t_read / t_bare:.2f}x its time (target <= 1.5x)"
            )
        if kind == "fit" and args.compare:
            t_fd = _fitdecode_time(group, args.repeat)
            if t_fd is not None:
                print(
                    f"{'':6} fitdecode 0.11 (CRC off, records only): {t_fd:.3f} s = "
                    f"{points / t_fd:,.0f} pts/s; ours reads {t_fd / t_read:.0f}x faster"
                )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MB")


if __name__ == "__main__":
    main()
