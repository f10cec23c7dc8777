"""Fuzz the activity-file parsers with atheris (coverage-guided, libFuzzer underneath).

    .venv/bin/python scripts/fuzz_parsers.py -runs=20000          # a bounded smoke run (CI)
    .venv/bin/python scripts/fuzz_parsers.py -max_total_time=600  # longer, by hand

Starts from the real sample files (../shared/samples) and synthetic runs, mutates them and
feeds each input to ``parse_file`` as a FIT, GPX and TCX file and to ``expand_bytes`` as a zip:
a bad file may only ever raise ``ActivityFileError`` (a clear reason for the runner); any other
exception, a hang or a crash of the process fails the run.
"""

import io
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from milepost.runs.formats import ActivityFileError, expand_bytes, parse_file, synthetic

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
NAMES = ("run.fit", "run.gpx", "run.tcx", "export.zip")
MAX_BYTES = 256 * 1024


def seeds() -> list[bytes]:
    found = [
        p.read_bytes() for p in SAMPLES.rglob("*") if p.is_file() and p.stat().st_size < MAX_BYTES
    ]
    points = synthetic.run_points(datetime(2026, 5, 1, 7, tzinfo=UTC), [(180, 3.0)])
    found += [
        synthetic.fit_bytes(points),
        synthetic.gpx_bytes(points),
        synthetic.tcx_bytes([points]),
        synthetic.gpx_bytes(synthetic.jittered(points)),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for n, data in enumerate(found[:3]):
            zf.writestr(f"activities/{n}.gpx", data)
    return [*found, buffer.getvalue()]


def one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        if name == "export.zip":
            for _item in expand_bytes(data[1:], name):
                pass
        else:
            parse_file(data[1:], name, max_bytes=MAX_BYTES)
    except ActivityFileError:
        pass  # a bad file, refused with a reason: what should happen


def main() -> None:
    corpus = Path(tempfile.mkdtemp(prefix="milepost-fuzz-"))
    for n, seed in enumerate(seeds()):
        for k in range(len(NAMES)):
            (corpus / f"{n}-{k}").write_bytes(bytes([k]) + seed)
    atheris.Setup([sys.argv[0], *sys.argv[1:], str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
