"""Garmin Connect's export: ``*_summarizedActivities.json``, linked to the original uploads.

Garmin names its uploaded files by upload id, not activity id, so a file is linked to its
summary by start time: the summary whose ``startTimeGmt`` is within ``MATCH_S`` seconds of the
file's first point gives the activity its name and type, as Strava's ``activities.csv`` does.
Summaries marked ``manualActivity`` (entered by hand, no file) become activities of their own.

The layout, read leniently because it has not been checked against many real exports:
``[{"summarizedActivitiesExport": [{activityId, name, activityType, startTimeGmt (epoch ms),
duration and movingDuration (ms), distance and elevationGain (cm), avgHr, manualActivity}]}]``;
a bare list of summaries, or ``activityType`` as ``{"typeKey": ...}``, are read too.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from .model import ActivityHint, ActivitySummary
from .summary import normalize_sport

SUMMARIES_NAME = "summarizedactivities.json"  # the end of the file's lower-case name
MATCH_S = 5.0


@dataclass(frozen=True)
class GarminActivity:
    activity_id: str
    name: str | None
    type: str | None
    start: datetime | None
    elapsed_s: float | None
    moving_s: float | None
    distance_m: float | None
    elevation_gain_m: float | None
    avg_hr: float | None
    manual: bool

    @property
    def hint(self) -> ActivityHint:
        return ActivityHint(
            name=self.name, sport=self.type, start=self.start, external_id=self.activity_id
        )


def is_summaries(name: str) -> bool:
    return name.lower().endswith(SUMMARIES_NAME)


def read_summarized_activities(data: bytes) -> list[GarminActivity] | None:
    """The summaries in the file; None when it is not JSON."""
    try:
        doc = json.loads(data.decode("utf-8-sig", errors="replace"))
    except ValueError:
        return None
    items = []
    for part in doc if isinstance(doc, list) else [doc]:
        if isinstance(part, dict) and isinstance(part.get("summarizedActivitiesExport"), list):
            items += part["summarizedActivitiesExport"]
        elif isinstance(part, dict) and "activityId" in part:
            items.append(part)
    return [_activity(item) for item in items if isinstance(item, dict)]


def _activity(item: dict) -> GarminActivity:
    kind = item.get("activityType")
    if isinstance(kind, dict):
        kind = kind.get("typeKey")
    return GarminActivity(
        activity_id=str(item.get("activityId") or ""),
        name=(str(item["name"]).strip() or None) if item.get("name") else None,
        type=str(kind) if kind else None,
        start=_time(item.get("startTimeGmt")),
        elapsed_s=_scaled(item.get("elapsedDuration") or item.get("duration"), 1000),
        moving_s=_scaled(item.get("movingDuration"), 1000),
        distance_m=_scaled(item.get("distance"), 100),
        elevation_gain_m=_scaled(item.get("elevationGain"), 100),
        avg_hr=_scaled(item.get("avgHr"), 1),
        manual=bool(item.get("manualActivity")),
    )


def _time(value) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / 1000, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    return None


def _scaled(value, per_unit: float) -> float | None:
    if not isinstance(value, int | float) or isinstance(value, bool) or value != value:
        return None
    return value / per_unit


class GarminIndex:
    """The export's summaries by start time, to name and type the files' activities."""

    def __init__(self, activities: list[GarminActivity]):
        dated = sorted((a for a in activities if a.start), key=lambda a: a.start)
        self.starts = [a.start.timestamp() for a in dated]
        self.activities = dated

    def __len__(self) -> int:
        return len(self.activities)

    def find(self, start: datetime) -> GarminActivity | None:
        at = start.timestamp()
        i = bisect.bisect_left(self.starts, at - MATCH_S)
        best = None
        while i < len(self.starts) and self.starts[i] <= at + MATCH_S:
            if best is None or abs(self.starts[i] - at) < abs(best[0] - at):
                best = (self.starts[i], self.activities[i])
            i += 1
        return best[1] if best else None

    def link(self, summary: ActivitySummary) -> ActivitySummary:
        """The summary with the export's name and type, when one starts with it."""
        found = self.find(summary.start)
        if found is None:
            return summary
        changes: dict = {"name": found.name or summary.name}
        sport, is_run, sub_sport = normalize_sport(found.type)
        if sport != "unknown" and is_run == summary.is_run:  # the figures were measured so
            changes.update(sport=sport, sub_sport=sub_sport or summary.sub_sport)
        return dataclasses.replace(summary, **changes)


def manual_summary(activity: GarminActivity) -> ActivitySummary | None:
    """An activity entered by hand on Garmin Connect, or None without a date or duration."""
    if activity.start is None or not activity.elapsed_s:
        return None
    return ActivitySummary.without_track(
        sport=normalize_sport(activity.type),
        warning="Entered by hand on Garmin Connect: there is no recorded track.",
        source_format="garmin_json",
        start=activity.start,
        distance_m=activity.distance_m,
        elapsed_s=activity.elapsed_s,
        moving_s=activity.moving_s,
        elevation_gain_m=activity.elevation_gain_m,
        avg_hr=activity.avg_hr,
        avg_cadence=None,
        name=activity.name,
    )
