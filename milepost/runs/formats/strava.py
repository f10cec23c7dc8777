"""Strava bulk export: ``activities.csv`` rows, matched to the files in ``activities/``.

The CSV repeats column names (the first "Distance" is in the runner's units, km or miles, the
second in metres; "Elapsed Time" twice, in seconds) and may come with localised headers, so
columns are found by header name and occurrence, falling back to their usual positions.
"Activity Date" ("Jan 1, 2024, 8:00:00 AM") is read as UTC, as Strava writes it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property

from .measures import PER_LEG_CADENCE_BELOW
from .model import ActivityHint, ActivitySummary
from .summary import normalize_sport

# our key -> (English header, occurrence, usual position)
COLUMNS = {
    "id": ("Activity ID", 0, 0),
    "date": ("Activity Date", 0, 1),
    "name": ("Activity Name", 0, 2),
    "type": ("Activity Type", 0, 3),
    "elapsed": ("Elapsed Time", 0, 5),
    "distance_units": ("Distance", 0, 6),
    "filename": ("Filename", 0, 12),
    "moving": ("Moving Time", 0, 16),
    "distance_m": ("Distance", 1, 17),
    "elevation_gain": ("Elevation Gain", 0, 20),
    "avg_hr": ("Average Heart Rate", 0, None),
    "avg_cadence": ("Average Cadence", 0, None),
}
DATE_FORMATS = (
    "%b %d, %Y, %I:%M:%S %p",
    "%b %d, %Y %I:%M:%S %p",
    "%d %b %Y, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
)


@dataclass(frozen=True)
class StravaRow:
    line: int
    activity_id: str
    name: str | None
    type: str | None
    date: str  # as written: read into ``start`` only when asked (strptime is the dear part)
    filename: str  # "activities/123.fit.gz", "" for manual entries
    elapsed_s: float | None
    moving_s: float | None
    distance_m: float | None
    elevation_gain_m: float | None
    avg_hr: float | None
    avg_cadence: float | None

    @cached_property
    def start(self) -> datetime | None:
        return parse_date(self.date)

    @property
    def hint(self) -> ActivityHint:
        return ActivityHint(
            name=self.name, sport=self.type, start=self.start, external_id=self.activity_id
        )


def read_activities_csv(data: bytes) -> list[StravaRow]:
    text = data.decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    index = _column_index(header, body)
    out = []
    for line, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row=row) -> str:
            i = index.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        distance = _number(cell("distance_m"))
        if distance is None and _number(cell("distance_units")) is not None:
            distance = _number(cell("distance_units")) * 1000.0  # assume km
        out.append(
            StravaRow(
                line=line,
                activity_id=cell("id"),
                name=cell("name") or None,
                type=cell("type") or None,
                date=cell("date"),
                filename=cell("filename"),
                elapsed_s=_number(cell("elapsed")),
                moving_s=_number(cell("moving")),
                distance_m=distance,
                elevation_gain_m=_number(cell("elevation_gain")),
                avg_hr=_number(cell("avg_hr")),
                avg_cadence=_number(cell("avg_cadence")),
            )
        )
    return out


def _column_index(header: list[str], body: list[list[str]]) -> dict[str, int]:
    names = [h.strip() for h in header]
    english = "Activity ID" in names and "Filename" in names
    index = {}
    for key, (title, occurrence, position) in COLUMNS.items():
        found = [i for i, h in enumerate(names) if h == title]
        if english:
            if len(found) > occurrence:
                index[key] = found[occurrence]
        elif position is not None and position < len(names):
            index[key] = position
    if not english:  # localised headers: trust the content for the file column
        for i in range(len(names)):
            if any(len(r) > i and r[i].startswith("activities/") for r in body[:50]):
                index["filename"] = i
                break
    return index


def parse_date(text: str) -> datetime | None:
    text = text.replace("\u202f", " ").replace("\xa0", " ").strip()
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _number(text: str) -> float | None:
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if value == value else None


def manual_summary(row: StravaRow, warning: str) -> ActivitySummary | None:
    """The summary of an activity the export knows only from its CSV row, or None when the row
    lacks a date or a duration."""
    if row.start is None or not row.elapsed_s:
        return None
    sport, is_run, sub_sport = normalize_sport(row.type)
    cadence = row.avg_cadence
    if is_run and cadence and cadence < PER_LEG_CADENCE_BELOW:
        cadence *= 2  # Strava keeps run cadence per leg
    return ActivitySummary.without_track(
        sport=(sport, is_run, sub_sport),
        warning=warning,
        source_format="strava_csv",
        start=row.start,
        distance_m=row.distance_m,
        elapsed_s=row.elapsed_s,
        moving_s=row.moving_s,
        elevation_gain_m=row.elevation_gain_m,
        avg_hr=row.avg_hr,
        avg_cadence=cadence,
        name=row.name,
    )
