"""Run every benchmark in turn: what `make bench` calls.

    .venv/bin/python benchmarks/run_all.py [--quick] [NAME ...]

Add a benchmark by adding a line to BENCHMARKS: a name, the command (run from the repository
root with this Python) and the arguments of a quick run (for --quick). Benchmarks print their
own figures; this script only runs them one after the other (never in parallel: they measure
time) and says which failed.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (name, command, extra arguments with --quick)
BENCHMARKS = [
    ("parsers", ["benchmarks/parsers_bench.py"], ["--repeat", "1"]),
    ("import", ["benchmarks/import_bench.py"], ["--years", "1"]),
    ("dashboard", ["benchmarks/dashboard_bench.py"], ["--requests", "5"]),
    ("pages", ["benchmarks/pages_bench.py"], ["--requests", "5"]),
    ("roster", ["benchmarks/roster_bench.py"], ["--clients", "20", "--years", "2"]),
    ("load", ["benchmarks/load_bench.py"], ["--sessions", "3", "--seconds", "10"]),
    ("upload", ["benchmarks/upload_bench.py"], ["--years", "1"]),
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="Small runs, to check they work.")
    ap.add_argument("names", nargs="*", help="Only these benchmarks (default: all).")
    args = ap.parse_args(argv)
    unknown = set(args.names) - {name for name, _, _ in BENCHMARKS}
    if unknown:
        ap.error(f"unknown benchmark: {', '.join(sorted(unknown))}")
    failed = []
    for name, command, quick in BENCHMARKS:
        if args.names and name not in args.names:
            continue
        full = [sys.executable, *command, *(quick if args.quick else [])]
        print(f"== {name}: {' '.join(full[1:])}", flush=True)
        started = time.perf_counter()
        code = subprocess.call(full, cwd=ROOT)
        print(f"== {name}: {'ok' if code == 0 else f'FAILED ({code})'} "
              f"in {time.perf_counter() - started:.0f} s\n", flush=True)  # fmt: skip
        if code:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
