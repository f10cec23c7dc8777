"""Data shapes shared by the parsers, the summary and the archive walker (no Django here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ActivitySummary:
    """What the app keeps of one activity (DESIGN §3): a summary, never the trackpoints.

    Times are seconds, distances metres. ``best_efforts`` maps a key of
    ``runmath.units.BEST_EFFORT_DISTANCES`` to the fastest time in seconds over that distance
    inside this activity (runs only). The exact rules behind each figure are in the docstrings of
    ``summary.py`` (time), ``distance.py`` and ``measures.py`` (the rest).
    """

    start: datetime  # aware, UTC
    sport: str  # "run" for every running kind, else the file's sport name ("cycling", "unknown")
    is_run: bool
    sub_sport: str | None  # "trail", "treadmill", "track", "street", "indoor_running", ...
    distance_m: float | None
    elapsed_s: float
    moving_s: float
    elevation_gain_m: float | None
    avg_hr: float | None  # beats per minute
    avg_cadence: float | None  # steps per minute for runs (per-leg values doubled); rpm otherwise
    best_efforts: dict[str, float]
    longest_continuous_run_m: float | None
    device: str | None  # "garmin fenix2", "Forerunner 410", "Apple Watch"
    point_count: int
    warnings: tuple[str, ...] = ()
    name: str | None = None  # the activity's title when the file or the export names it
    source_format: str = ""  # "fit", "gpx", "tcx"; "strava_csv", "garmin_json" (manual)
    distance_source: str | None = None  # "device" (recorded by the watch), "gps" or "export"
    utc_offset_s: int | None = None  # local time offset, when the file says it
    start_lat: float | None = None  # first position, to look up the local time zone
    start_lon: float | None = None

    @classmethod
    def without_track(
        cls, *, sport: tuple[str, bool, str | None], warning: str, source_format: str, **figures
    ) -> ActivitySummary:
        """An activity an export knows only from its own figures (a row of Strava's CSV, a
        manual entry on Garmin Connect): no points, no best efforts; ``figures`` are start,
        distance_m, elapsed_s, moving_s (the elapsed time when missing), elevation_gain_m,
        avg_hr, avg_cadence and name."""
        figures["moving_s"] = figures.get("moving_s") or figures["elapsed_s"]
        name, is_run, sub_sport = sport
        return cls(
            sport=name,
            is_run=is_run,
            sub_sport=sub_sport,
            best_efforts={},
            longest_continuous_run_m=None,
            device=None,
            point_count=0,
            warnings=(warning,),
            source_format=source_format,
            distance_source="export" if figures.get("distance_m") is not None else None,
            **figures,
        )


@dataclass(frozen=True)
class ActivityHint:
    """What an export says about a file (Strava's activities.csv): used to fill gaps.

    ``start`` anchors files whose clock is relative to power-on; ``sport`` (the export's type,
    e.g. "Run", "Ride") overrides the file's sport, since the runner may have corrected it.
    """

    name: str | None = None
    sport: str | None = None
    start: datetime | None = None
    external_id: str | None = None


@dataclass
class RawActivity:
    """Columns of one activity's points, in file order, as a parser read them.

    Parsers fill it; ``summary.summarize`` cleans and measures it. Columns have one entry per
    point; ``None`` marks a value the point does not have. ``t`` is POSIX seconds (UTC) or, for
    FIT files from old watches, seconds since the device was switched on (``relative_time``).
    """

    fmt: str
    t: list[float | None] = field(default_factory=list)
    lat: list[float | None] = field(default_factory=list)
    lon: list[float | None] = field(default_factory=list)
    dist: list[float | None] = field(default_factory=list)
    alt: list[float | None] = field(default_factory=list)
    hr: list[float | None] = field(default_factory=list)
    cad: list[float | None] = field(default_factory=list)
    sport: str | None = None  # as the file names it: "running", "Running", "Biking", "9"
    sub_sport: str | None = None
    name: str | None = None
    device: str | None = None
    cadence_per_leg: bool | None = None  # True: FIT/Garmin convention (rpm), None: guess
    utc_offset_s: int | None = None
    total_distance_m: float | None = None  # the device's own totals (FIT session), if any
    total_ascent_m: float | None = None
    relative_time: bool = False
    # For relative clocks: (device seconds, POSIX seconds of the same instant read as UTC) from
    # FIT's activity.local_timestamp, i.e. the watch's local wall clock, time zone unknown.
    clock_anchor: tuple[float, float] | None = None
    damaged: str | None = None  # "truncated" or "corrupt" when the parser stopped early
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.t)
