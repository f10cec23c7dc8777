"""Shared makings of the runs tests: sample paths, synthetic files, activities."""

import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from milepost.runs.formats.synthetic import fit_bytes, gpx_bytes, run_points, tcx_bytes
from milepost.runs.models import Activity, recompute_totals

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
RUN_FIT = SAMPLES / "fitparse/activity-small-fenix2-run.fit"  # 9.0 km, 2015-08-15
RUN_TCX = SAMPLES / "tcxparser/test.tcx"  # 4.7 km, 2012-12-26
SAME_RUN_TCX = SAMPLES / "tcxparser/no_hr.tcx"  # the same run without heart rate
RUN_GPX = SAMPLES / "togeojson/run.gpx"  # 3.1 km, 2012-10-24
MULTISPORT_FIT = SAMPLES / "fitparse/sample_mulitple_header.fit"  # swim, T1, bike, T2, run


def points(start: datetime, minutes: float = 30, speed: float = 3.0):
    return run_points(start, [(minutes * 60, speed)], cadence={speed: 170})


def fit_run(start: datetime, minutes: float = 30, speed: float = 3.0) -> bytes:
    return fit_bytes(points(start, minutes, speed))


def gpx_run(start: datetime, minutes: float = 30, speed: float = 3.0) -> bytes:
    return gpx_bytes(points(start, minutes, speed), sport="running")


def tcx_run(start: datetime, minutes: float = 30, speed: float = 3.0) -> bytes:
    return tcx_bytes([points(start, minutes, speed)])


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def corrupt_fit(start: datetime) -> bytes:
    """A FIT file whose body is garbage after the first few records."""
    data = bytearray(fit_run(start, minutes=5))
    data[120:] = b"\xff" * (len(data) - 120)
    return bytes(data)


XXE_GPX = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&xxe;</name><trkseg>
<trkpt lat="52.0" lon="4.0"><time>2024-05-01T07:00:00Z</time></trkpt>
<trkpt lat="52.01" lon="4.0"><time>2024-05-01T07:05:00Z</time></trkpt>
</trkseg></trk></gpx>
"""


def make_run(
    owner, start: datetime, distance_m: float | None = 5000.0, minutes: float = 30, **fields
):
    """An activity saved the way the import saves it, with the totals it changes."""
    defaults = dict(sport="run", is_run=True, time_zone="UTC", source="file")
    activity = Activity(
        owner=owner,
        start=start,
        distance_m=distance_m,
        elapsed_s=minutes * 60,
        moving_s=minutes * 60,
        **{**defaults, **fields},
    )
    activity.save()
    recompute_totals(owner.pk, [activity.local_date])
    return activity


def day(y: int, m: int, d: int, hour: int = 7) -> datetime:
    return datetime(y, m, d, hour, tzinfo=UTC)


def days_before(when: datetime, n: int) -> datetime:
    return when - timedelta(days=n)


STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
    "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,"
    "Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,"
    "Average Grade,Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate"
)


def strava_row(aid, when, name, kind, elapsed, km, filename, moving, metres):
    cells = [aid, when, name, kind, "", elapsed, km, "", "", "false", "", "", filename, "", ""]
    cells += [elapsed, moving, metres, "", "", "12.0", "", "", "", "", "", "", "", "", ""]
    return ",".join(f'"{c}"' if "," in c else c for c in cells)
