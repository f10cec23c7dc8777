"""Turn the points a parser read (``RawActivity``) into an ``ActivitySummary``.

This module cleans the times, names the sport and puts the figures together. Every rule is a
named constant in the module that applies it, so that tests, docs and the UI can quote it; the
rules behind the figures are in the docstrings of ``distance.py`` (distance) and
``measures.py`` (moving time, elevation gain, cadence and heart rate, best efforts, longest
continuous run).

Time
    Points without a time are ignored; a file where most points lack one is refused
    (``no_timestamps``). Times before 1980 (no GPS watch existed; 1901 is a 32-bit clock
    underflow) or more than a day in the future (2085 is a broken clock) are dropped; if that
    leaves less than half of the timed points the file is refused (``bad_timestamps``). Points
    sharing a time are merged (some apps split one instant over two messages). A point at most
    ``JITTER_S`` earlier than the latest before it is clock jitter (Sports Tracker steps back a
    second or two, many times a run): in an activity spanning at least ``PLAUSIBLE_MIN_S`` the
    points are put back in time order, with a warning. A point further back is dropped; if
    more than ``MAX_BACKWARDS_SHARE`` of the points are, the times are scrambled and the file
    is refused. Watches that count seconds from power-on (old FIT) are dated from the export
    (``ActivityHint.start``) or the watch's local clock, with a warning, else refused
    (``no_timestamps``). A damaged file is kept only if what could be read spans at
    least ``PLAUSIBLE_MIN_S`` and ``PLAUSIBLE_MIN_POINTS``, with a warning saying how much.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from milepost.runmath.units import format_minutes

from .distance import GPS_GLITCH_SPEED, _distance, _faster_step, _first_position, _positions, _total
from .errors import ActivityFileError
from .measures import (
    MOVING_SPEED,
    VECTOR_MIN_POINTS,
    _cadence_spm,
    _Floats,
    _floats,
    _mean,
    best_efforts,
    elevation_gain,
    longest_continuous_run,
    moving_time,
)
from .model import ActivityHint, ActivitySummary, RawActivity

EARLIEST = datetime(1980, 1, 1, tzinfo=UTC).timestamp()
FUTURE_SLACK_S = 86400.0
MAX_BACKWARDS_SHARE = 0.10
JITTER_S = 5.0  # a point this much earlier than the latest before it is put back in order
PLAUSIBLE_MIN_S = 60.0  # a damaged file is kept only if it still holds this much activity
PLAUSIBLE_MIN_POINTS = 10
RUN_GUESS_SPEED = (1.8, 6.0)  # m/s: median moving speed that looks like running

RUN_SUB_SPORTS = {
    "trail": "trail",
    "treadmill": "treadmill",
    "track": "track",
    "street": "street",
    "road": "street",
    "indoor": "indoor_running",
    "virtual": "virtual_activity",
    "ultra": "ultra",
}
SPORT_ALIASES = {
    "biking": "cycling",
    "ride": "cycling",
    "bike": "cycling",
    "virtualride": "cycling",
    "walk": "walking",
    "hike": "hiking",
    "swim": "swimming",
    # Strava's numeric <type> in GPX exports
    "1": "cycling",
    "4": "hiking",
    "9": "run",
    "10": "walking",
}
UNKNOWN_SPORTS = {"", "generic", "other", "unknown", "all", "none"}


def summarize(
    raw: RawActivity, *, hint: ActivityHint | None = None, now: float | None = None
) -> ActivitySummary:
    """Measure one activity. Raises ActivityFileError when it cannot be a real activity."""
    warnings = list(raw.warnings)
    try:
        idx, t, dups = _clean_times(raw, hint, now, warnings)
    except ActivityFileError as exc:
        if raw.damaged and exc.code in ("empty", "no_timestamps"):
            _keep_damaged(raw.damaged, [0.0], warnings)  # raises: too little was readable
        raise
    if raw.damaged:
        _keep_damaged(raw.damaged, t, warnings)
    pick = _picker(idx, dups)
    lat, lon = _positions(pick(raw.lat), pick(raw.lon))
    sport, is_run, sub_sport = _sport(raw, hint)
    dist = _Floats(pick(raw.dist))
    cum, source = _distance(t, dist, lat, lon, GPS_GLITCH_SPEED[is_run])
    if sport == "unknown":
        sport, is_run = _guess_sport(t, cum, warnings)
        if is_run and source == "gps" and _faster_step(t, cum, GPS_GLITCH_SPEED[True]):
            cum, source = _distance(t, dist, lat, lon, GPS_GLITCH_SPEED[True])
    cad = _Floats(_cadence_spm(pick(raw.cad), is_run, raw.cadence_per_leg))
    start_lat, start_lon = _first_position(lat, lon)
    return ActivitySummary(
        start=datetime.fromtimestamp(t[0], UTC),
        sport=sport,
        is_run=is_run,
        sub_sport=sub_sport,
        distance_m=_total(cum, raw.total_distance_m),
        elapsed_s=round(t[-1] - t[0], 3),
        moving_s=round(moving_time(t, cum, cad), 3),
        elevation_gain_m=(
            raw.total_ascent_m
            if raw.total_ascent_m is not None
            else elevation_gain(t, pick(raw.alt))
        ),
        avg_hr=_mean(pick(raw.hr), 20, 250),
        avg_cadence=_mean(cad, 1, 400),
        best_efforts=best_efforts(t, cum) if is_run and cum else {},
        longest_continuous_run_m=longest_continuous_run(t, cum, cad) if is_run else None,
        device=raw.device,
        point_count=len(t),
        warnings=tuple(warnings),
        name=(hint.name if hint and hint.name else None) or raw.name,
        source_format=raw.fmt,
        distance_source=source or ("device" if raw.total_distance_m else None),
        utc_offset_s=raw.utc_offset_s,
        start_lat=start_lat,
        start_lon=start_lon,
    )


# --- time -------------------------------------------------------------------------------------


def _clean_times(raw, hint, now, warnings) -> tuple[list[int], _Floats, dict]:
    """Indices of the points kept, their times (POSIX seconds), and for kept points that share
    their time with later ones, those indices (their values fill the kept point's gaps)."""
    if len(raw) == 0:
        raise ActivityFileError("The file holds no recorded points.", "empty")
    times = raw.t
    if raw.relative_time:
        times = _anchor_relative(raw, hint, warnings)
    latest = (now if now is not None else datetime.now(UTC).timestamp()) + FUTURE_SLACK_S
    in_order = _array_if_plainly_in_order(times, latest)
    if in_order is not None:  # nearly every file: nothing to clean
        return list(range(len(times))), _Floats(times, in_order), {}
    timed = [(i, x) for i, x in enumerate(times) if x is not None]
    if not timed:
        raise ActivityFileError(
            "The points in this file have no times, so it is not a recorded activity "
            "(a planned route, perhaps).",
            "no_timestamps",
        )
    if len(timed) * 2 < len(times):
        raise ActivityFileError(
            f"Only {len(timed)} of the {len(times)} points in this file have a time, so it is "
            "not a recorded activity we can trust.",
            "no_timestamps",
        )
    ok = [(i, x) for i, x in timed if EARLIEST <= x <= latest]
    if len(ok) * 2 < len(timed):
        bad = next(x for _, x in timed if not EARLIEST <= x <= latest)
        raise ActivityFileError(
            f"The times in this file are in {_year(bad)}, which cannot be right: the device's "
            "clock was wrong when it recorded.",
            "bad_timestamps",
        )
    if len(ok) < len(timed):
        bad = next(x for _, x in timed if not EARLIEST <= x <= latest)
        warnings.append(
            f"We ignored {len(timed) - len(ok)} points with impossible times (year {_year(bad)})."
        )
    ok, dropped = _in_time_order(ok, warnings)
    if dropped > MAX_BACKWARDS_SHARE * (len(ok) + dropped):
        raise ActivityFileError(
            "The times in this file run backwards, so we cannot tell what happened when.",
            "bad_timestamps",
        )
    if dropped:
        warnings.append(f"We ignored {dropped} points whose times went backwards.")
    idx, t, dups = [], [], {}
    last = -math.inf
    for i, x in ok:
        if x > last:
            idx.append(i)
            t.append(x)
            last = x
        else:  # same instant: one point split over two messages (Strava app)
            dups.setdefault(len(idx) - 1, []).append(i)
    if len(t) < 2 or t[-1] <= t[0]:
        raise ActivityFileError(
            "The file holds a single moment, not an activity (fewer than two distinct times).",
            "empty",
        )
    return idx, _Floats(t), dups


def _array_if_plainly_in_order(times: list, latest: float):
    """The times as an array if every point has a possible time, each later than the one
    before (and there are many): then the rules below keep every point as it is. Else None."""
    if len(times) < VECTOR_MIN_POINTS:
        return None
    import numpy as np  # here: commands that measure nothing start without it

    a = np.array(times, dtype=np.float64)  # a missing time becomes nan, which fails below
    plain = a[0] >= EARLIEST and a[-1] <= latest and (np.diff(a) > 0).all()
    return a if plain else None


def _in_time_order(ok: list, warnings: list[str]) -> tuple[list, int]:
    """The timed points in time order: jitter (``JITTER_S`` back at most) sorted into place,
    points further back dropped; and how many were dropped. Only in an activity that spans
    ``PLAUSIBLE_MIN_S`` can a step back of a few seconds be told from a repeated stretch."""
    times = [x for _, x in ok]
    window = JITTER_S if times and max(times) - min(times) >= PLAUSIBLE_MIN_S else 0.0
    kept, last, jitter, dropped = [], -math.inf, 0, 0
    for point in ok:
        x = point[1]
        if x >= last:
            last = x
        elif last - x <= window:
            jitter += 1
        else:
            dropped += 1
            continue
        kept.append(point)
    if jitter:
        kept.sort(key=lambda point: point[1])  # stable: equal times keep their file order
        warnings.append(
            f"The device's clock jittered back by a few seconds {jitter} times; we put those "
            "points back in time order."
        )
    return kept, dropped


def _anchor_relative(raw: RawActivity, hint: ActivityHint | None, warnings) -> list:
    first = next(x for x in raw.t if x is not None)
    if hint and hint.start:
        shift = hint.start.timestamp() - first
        warnings.append(
            "The watch recorded times from when it was switched on; we dated the activity "
            "from the export's start time."
        )
    elif raw.clock_anchor:
        shift = raw.clock_anchor[1] - raw.clock_anchor[0]
        warnings.append(
            "The watch recorded times from when it was switched on; we dated the activity "
            "from the watch's local clock, so the start time may be off by your time zone."
        )
    else:
        raise ActivityFileError(
            "The watch recorded times only from when it was switched on, so we cannot tell "
            "when this activity happened.",
            "no_timestamps",
        )
    return [None if x is None else x + shift for x in raw.t]


def _year(posix: float) -> int:
    return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=posix)).year


def _keep_damaged(damage: str, t: list[float], warnings: list[str]) -> None:
    span = t[-1] - t[0]
    if span < PLAUSIBLE_MIN_S or len(t) < PLAUSIBLE_MIN_POINTS:
        if damage == "truncated":
            raise ActivityFileError(
                "The file was cut short and too little of it could be read.", "truncated"
            )
        raise ActivityFileError("The file is damaged and too little of it is readable.")
    what = "was cut short" if damage == "truncated" else "is damaged part-way through"
    warnings.append(f"The file {what}; we kept the {format_minutes(span)} we could read.")


def _picker(idx: list[int], dups: dict[int, list[int]]):
    every = bool(idx) and not dups and idx[-1] == len(idx) - 1  # idx is 0, 1, 2, ...

    def pick(column: list) -> list:
        if not column:
            return [None] * len(idx)
        if every and len(column) == len(idx):
            return list(column)
        out = [column[i] for i in idx]
        for pos, extra in dups.items():
            if out[pos] is None:
                out[pos] = next((column[i] for i in extra if column[i] is not None), None)
        return out

    return pick


# --- sport ------------------------------------------------------------------------------------


def _norm(name: str | None) -> str:
    return (name or "").strip().lower().replace(" ", "_").replace("-", "_")


def _sport(raw: RawActivity, hint) -> tuple[str, bool, str | None]:
    return normalize_sport(hint.sport if hint and hint.sport else raw.sport, raw.sub_sport)


def normalize_sport(name: str | None, sub_sport: str | None = None) -> tuple[str, bool, str | None]:
    """(sport, is_run, sub_sport) from any file's or export's sport name: "run" for every
    running kind (FIT running, TCX Running, Strava Trail Run, treadmill, ...), "unknown" when
    the name says nothing (generic, Other, missing), else the lower-case name."""
    given = _norm(name)
    sub = _norm(sub_sport) or None
    if sub == "generic":
        sub = None
    given = SPORT_ALIASES.get(given.replace("_", ""), SPORT_ALIASES.get(given, given))
    if given in UNKNOWN_SPORTS:
        return "unknown", False, sub
    if ("run" in given and "wheelchair" not in given) or given == "treadmill":
        for key, value in RUN_SUB_SPORTS.items():
            if key in given:
                sub = sub or value
        return "run", True, sub
    return given, False, sub


def _guess_sport(t, cum, warnings) -> tuple[str, bool]:
    import numpy as np  # here: commands that measure nothing start without it

    speeds = []
    if cum and len(t) >= VECTOR_MIN_POINTS:
        ta, ca = _floats(t), _floats(cum)
        dt = np.diff(ta)
        with np.errstate(divide="ignore", invalid="ignore"):
            v = np.diff(ca) / dt
        speeds = v[(dt > 0) & (v >= MOVING_SPEED)].tolist()
    elif cum:
        for k in range(1, len(t)):
            dt = t[k] - t[k - 1]
            if dt > 0:
                v = (cum[k] - cum[k - 1]) / dt
                if v >= MOVING_SPEED:
                    speeds.append(v)
    if len(speeds) >= 5:
        median = sorted(speeds)[len(speeds) // 2]
        if RUN_GUESS_SPEED[0] <= median <= RUN_GUESS_SPEED[1]:
            warnings.append(
                "The file does not say which sport this was; its pace looks like a run."
            )
            return "run", True
    warnings.append("The file does not say which sport this was, and it does not look like a run.")
    return "unknown", False
