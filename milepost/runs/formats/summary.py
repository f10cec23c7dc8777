"""Turn the points a parser read (``RawActivity``) into an ``ActivitySummary``.

Every rule is a named constant below so that tests, docs and the UI can quote it.

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
Distance
    The watch's own total (FIT session) or cumulative distance when the file has one
    (``distance_source="device"``): the device filters it and it is what the runner saw; points
    without a value get one interpolated in time. Otherwise the haversine sum of
    positions (``"gps"``), skipping single steps faster than ``GPS_GLITCH_SPEED`` (a jump).
Moving time
    The sum of the intervals between consecutive points whose average speed is at least
    ``MOVING_SPEED`` m/s (a slow stroll): pauses, auto-pause gaps and standing at lights do not
    count, walking does. Without any distance, an interval counts when cadence is above zero,
    or (no cadence either) when it is at most ``PAUSE_GAP_S`` long.
Elevation gain
    The device's own total ascent (FIT session) when the file has one, as for distance.
    Otherwise altitudes are averaged over a centred ``ELEVATION_WINDOW_S`` window (removes
    per-second jitter), then climbs are counted valley to peak with an
    ``ELEVATION_HYSTERESIS_M`` dead band: a turn counts only once the smoothed altitude has moved
    that far back, so wobbles smaller than the band add nothing while every real climb counts in
    full. On the sample runs this lands within -17 %..+2 % of the watches' own totals (test).
Cadence
    Running cadence is reported in steps per minute. FIT and Garmin extensions record it per
    leg (strides/min), so it is doubled; when the convention is unknown (GPX from other apps)
    values whose median is below ``PER_LEG_CADENCE_BELOW`` are taken as per leg. Averages of
    heart rate and cadence are over the points that have a (non-zero) value.
Best efforts (runs only)
    For each distance, the fastest contiguous stretch covering at least that distance: a
    two-pointer sweep over cumulative distance, the end time interpolated linearly between the
    two points around the target distance. O(n) per distance. An effort faster than the world
    record is a GPS glitch and is dropped.
Longest continuous run (runs only)
    An interval between two points is *walking* when its cadence is below ``WALK_CADENCE``
    steps/min or its speed is below ``STOP_SPEED`` m/s; without cadence, when its speed is below
    ``WALK_SPEED`` m/s. A walk breaks the run only when it lasts ``WALK_MIN_S`` seconds in a row
    (a stumble, a one-second GPS dip or a glance at the watch does not). The result is the
    longest distance covered between two such walks (or the start and end).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from milepost.runmath.units import BEST_EFFORT_DISTANCES, format_minutes

from .errors import ActivityFileError
from .model import ActivityHint, ActivitySummary, RawActivity

EARLIEST = datetime(1980, 1, 1, tzinfo=UTC).timestamp()
FUTURE_SLACK_S = 86400.0
MAX_BACKWARDS_SHARE = 0.10
JITTER_S = 5.0  # a point this much earlier than the latest before it is put back in order
PLAUSIBLE_MIN_S = 60.0  # a damaged file is kept only if it still holds this much activity
PLAUSIBLE_MIN_POINTS = 10

MOVING_SPEED = 0.8  # m/s
PAUSE_GAP_S = 30.0
GPS_GLITCH_SPEED = {True: 12.0, False: 100.0}  # m/s, for runs / other sports
ELEVATION_WINDOW_S = 10.0
ELEVATION_HYSTERESIS_M = 3.0
PER_LEG_CADENCE_BELOW = 120.0
WALK_CADENCE = 130.0  # steps/min
STOP_SPEED = 1.0  # m/s
WALK_SPEED = 1.5  # m/s (5.4 km/h) when there is no cadence
WALK_MIN_S = 10.0
VECTOR_MIN_POINTS = 64  # from this many points a measure runs on numpy arrays (same results)
RUN_GUESS_SPEED = (1.8, 6.0)  # m/s: median moving speed that looks like running
WORLD_RECORD_S = {
    "1k": 131.96,
    "1mi": 223.13,
    "5k": 755.36,
    "10k": 1571.0,
    "half": 3451.0,
    "marathon": 7235.0,
}

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


class _Floats(list):
    """A list of numbers that also gives them as a float64 array (``_floats``), made once and
    read-only: the measures read the same times and distances as arrays many times over.
    Never changed once made (the array would no longer match)."""

    __slots__ = ("array",)

    def __init__(self, values, array=None):
        """``array``, when given, must hold ``values`` as ``_floats`` would make it."""
        super().__init__(values)
        self.array = array
        if array is not None:
            array.flags.writeable = False


def _floats(values: list):
    """``values`` as a float64 array (None becomes nan); one array per ``_Floats``."""
    import numpy as np  # here: commands that measure nothing start without it

    if not isinstance(values, _Floats):
        return np.array(values, dtype=np.float64)
    if values.array is None:
        values.array = np.array(values, dtype=np.float64)
        values.array.flags.writeable = False
    return values.array


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


# --- distance ---------------------------------------------------------------------------------


def _distance(t, dist, lat, lon, glitch_speed) -> tuple[list[float] | None, str | None]:
    """Cumulative distance per point and where it came from, or (None, None)."""
    if len(dist) - dist.count(None) >= 2 and _any_above_zero(dist):
        return _with_array(_device_distance(t, dist)), "device"
    if len(lat) - lat.count(None) >= 2:
        return _with_array(gps_distance(t, lat, lon, glitch_speed)), "gps"
    return None, None


def _any_above_zero(values: list) -> bool:
    """Whether a value (not None) is above zero."""
    if len(values) >= VECTOR_MIN_POINTS:
        import numpy as np  # here: commands that measure nothing start without it

        a = _floats(values)
        missing = np.isnan(a)
        if int(missing.sum()) == values.count(None):  # no nan value, only missing ones
            return bool((a[~missing] > 0).any())
    return max(v for v in values if v is not None) > 0


def _with_array(values: list) -> _Floats:
    return values if isinstance(values, _Floats) else _Floats(values)


def _faster_step(t: list[float], cum: list[float], speed: float) -> bool:
    """Whether a step counted is faster than ``speed``: else measuring again with that
    glitch speed would give the very same distances."""
    import numpy as np  # here: commands that measure nothing start without it

    if len(t) >= VECTOR_MIN_POINTS:
        ta, ca = _floats(t), _floats(cum)
        return bool((np.diff(ca) > speed * np.maximum(np.diff(ta), 1.0)).any())
    return any(cum[k] - cum[k - 1] > speed * max(t[k] - t[k - 1], 1.0) for k in range(1, len(t)))


def _total(cum: list[float] | None, device_total: float | None) -> float | None:
    """The device's own total (FIT session) when it has one, else the span of the points."""
    if device_total:
        return round(device_total, 2)
    return None if cum is None else round(cum[-1] - cum[0], 2)


def _device_distance(t: list[float], dist: list) -> list[float]:
    """Never-decreasing cumulative distance. Points without a value get one interpolated in
    time between their neighbours; a reset (a counter restarting from zero) continues from
    where it was; small backward jitter is flattened."""
    if len(dist) >= VECTOR_MIN_POINTS:
        cum = _rising_distance_arrays(t, dist)
        if cum is not None:
            return cum
    out: list[float] = []
    known = [k for k, d in enumerate(dist) if d is not None]
    offset = 0.0
    last = dist[known[0]]
    for k in known:
        value = dist[k] + offset
        if value < last:
            if last - value > 10.0:
                offset += last - value
            value = last
        out.append(value)
        last = value
    cum = [0.0] * len(dist)
    first, final = known[0], known[-1]
    for k in range(first + 1):
        cum[k] = out[0]
    for k in range(final, len(dist)):
        cum[k] = out[-1]
    for a in range(len(known) - 1):
        i, j = known[a], known[a + 1]
        di, dj = out[a], out[a + 1]
        cum[i] = di
        if j - i > 1:
            span = t[j] - t[i]
            for k in range(i + 1, j):
                cum[k] = di + (dj - di) * ((t[k] - t[i]) / span if span > 0 else 0.0)
    return cum


def _rising_distance_arrays(t: list[float], dist: list) -> list[float] | None:
    """``_device_distance`` on arrays, to the last bit, when the recorded distances never go
    back (nearly always): then the loop adds an offset of 0.0 to each and interpolates the
    gaps with the same operations. None when they do go back (a reset or jitter)."""
    import numpy as np  # here: commands that measure nothing start without it

    d = _floats(dist)  # None becomes nan
    missing = np.isnan(d)
    if int(missing.sum()) != dist.count(None):
        return None  # a nan value, not a missing one
    known = np.flatnonzero(~missing)
    out = d[known] + 0.0
    if not (np.diff(out) >= 0).all():
        return None
    cum = np.empty(len(d))
    cum[: known[0] + 1] = out[0]
    cum[known[-1] :] = out[-1]
    cum[known] = out
    gaps = np.flatnonzero(missing[known[0] : known[-1]]) + known[0]
    if len(gaps):
        cum[gaps] = _interpolated(_floats(t), known, out, gaps)
    return _Floats(cum.tolist(), cum)


def _interpolated(tt, known, out, gaps):
    """Distances at the points ``gaps``, in time between the known points around each."""
    import numpy as np  # here: commands that measure nothing start without it

    a = np.searchsorted(known, gaps) - 1  # the known point before each gap point
    i, j = known[a], known[a + 1]
    di, dj = out[a], out[a + 1]
    span = tt[j] - tt[i]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(span > 0, (tt[gaps] - tt[i]) / span, 0.0)
    return di + (dj - di) * share


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371008.8 * math.asin(min(1.0, math.sqrt(a)))


def gps_distance(t, lat, lon, glitch_speed: float = 100.0) -> list[float]:
    """Cumulative haversine distance; a step implying more than ``glitch_speed`` is dropped."""
    if len(t) >= VECTOR_MIN_POINTS:
        return _gps_distance_arrays(t, lat, lon, glitch_speed)
    out = []
    total = 0.0
    prev = None  # (phi, lambda, cos phi, t) of the last point counted
    rad, sin, asin, sqrt, cos = math.radians, math.sin, math.asin, math.sqrt, math.cos
    diameter = 2 * 6371008.8
    for k in range(len(t)):
        la, lo = lat[k], lon[k]
        if la is not None and lo is not None:
            phi, lam = rad(la), rad(lo)
            here = (phi, lam, cos(phi), t[k])
            if prev is not None:
                a = (
                    sin((phi - prev[0]) / 2) ** 2
                    + prev[2] * here[2] * sin((lam - prev[1]) / 2) ** 2
                )
                step = diameter * asin(min(1.0, sqrt(a)))
                if step <= glitch_speed * max(t[k] - prev[3], 1.0):
                    total += step
                    prev = here
            else:
                prev = here
        out.append(total)
    return out


def _gps_distance_arrays(t, lat, lon, glitch_speed: float) -> list[float]:
    """The loop of ``gps_distance`` on arrays, to the last bit: the same operations on each
    pair of points (``float_power`` calls the same ``pow`` as ``**``; numpy's sin, cos and
    arcsin are the C library's), and the total summed in order by ``np.cumsum``."""
    import numpy as np  # here: commands that measure nothing start without it

    la, lo = _floats(lat), _floats(lon)  # None: nan
    where = np.flatnonzero(~(np.isnan(la) | np.isnan(lo)))
    phi, lam = np.radians(la[where]), np.radians(lo[where])
    tt = _floats(t)[where]
    gain = np.zeros(len(t))
    gain[where] = _counted_steps((phi, lam, np.cos(phi)), tt, glitch_speed)
    total = np.cumsum(gain)
    return _Floats(total.tolist(), total)


def _counted_steps(points: tuple, tt, glitch_speed: float):
    """Metres each positioned point adds to the total, as the loop counts them: the step from
    the last point counted, or 0 for the first point and for a jump (too fast a step)."""
    import numpy as np  # here: commands that measure nothing start without it

    n = len(tt)
    gain = np.zeros(n)
    if n < 2:
        return gain
    every = np.arange(n)
    step = _haversine_steps(points, every[:-1], every[1:])
    jumps = np.flatnonzero(step > glitch_speed * np.maximum(np.diff(tt), 1.0))
    prev = 0  # the last point counted
    while prev is not None:
        k = int(np.searchsorted(jumps, prev))  # the next jump from a point that counts
        stop = int(jumps[k]) if k < len(jumps) else n - 1
        gain[prev + 1 : stop + 1] = step[prev:stop]
        if stop == n - 1:
            break
        prev = _next_counted(points, tt, stop, glitch_speed, gain)
    return gain


def _next_counted(points: tuple, tt, prev: int, glitch_speed: float, gain) -> int | None:
    """After a jump from point ``prev``: the first later point within reach of it, with its
    step put in ``gain``; None when there is none (looked for in growing windows)."""
    import numpy as np  # here: commands that measure nothing start without it

    n = len(tt)
    start, window = prev + 2, 16
    while start < n:
        later = np.arange(start, min(n, start + window))
        step = _haversine_steps(points, prev, later)
        fine = np.flatnonzero(step <= glitch_speed * np.maximum(tt[later] - tt[prev], 1.0))
        if len(fine):
            here = int(later[fine[0]])
            gain[here] = step[fine[0]]
            return here
        start, window = start + window, window * 4
    return None


def _haversine_steps(points: tuple, i, j):
    """Metres from points ``i`` to points ``j`` (indices), as ``gps_distance`` computes them."""
    import numpy as np  # here: commands that measure nothing start without it

    phi, lam, cos_phi = points
    a = np.float_power(np.sin((phi[j] - phi[i]) / 2), 2.0) + cos_phi[i] * cos_phi[j] * (
        np.float_power(np.sin((lam[j] - lam[i]) / 2), 2.0)
    )
    return 2 * 6371008.8 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def _positions(lat: list, lon: list) -> tuple[list, list]:
    """Positions with impossible coordinates and (0, 0) ("null island", an unset fix) blanked."""
    if len(lat) >= VECTOR_MIN_POINTS:
        import numpy as np  # here: commands that measure nothing start without it

        la, lo = np.array(lat, dtype=np.float64), np.array(lon, dtype=np.float64)  # None: nan
        fine = (la >= -90) & (la <= 90) & (lo >= -180) & (lo <= 180) & ((la != 0) | (lo != 0))
        if fine.all():  # nothing to blank (nan fails every comparison)
            return _Floats(lat, la), _Floats(lon, lo)
    for k in range(len(lat)):
        la, lo = lat[k], lon[k]
        if la is None or lo is None or not (-90 <= la <= 90 and -180 <= lo <= 180):
            lat[k] = lon[k] = None
        elif la == 0 == lo:
            lat[k] = lon[k] = None  # noqa: SIM114 (kept apart: a different reason)
    return lat, lon


def _first_position(lat, lon) -> tuple[float | None, float | None]:
    for la, lo in zip(lat, lon, strict=True):
        if la is not None and lo is not None:
            return round(la, 6), round(lo, 6)
    return None, None


# --- cadence, heart rate ----------------------------------------------------------------------


def _cadence_spm(cad: list, is_run: bool, per_leg: bool | None) -> list:
    if not is_run:
        return cad
    if not any(cad):  # no cadence above zero
        return cad
    if per_leg is None:
        positive = sorted(filter(None, cad))
        per_leg = positive[len(positive) // 2] < PER_LEG_CADENCE_BELOW
    if per_leg:
        return [None if c is None else c * 2 for c in cad]
    return cad


def _mean(values: list, low: float, high: float) -> float | None:
    import numpy as np  # here: commands that measure nothing start without it

    if len(values) >= VECTOR_MIN_POINTS:
        a = _floats(values)  # None becomes nan, which no test lets through
        kept = a[(a >= low) & (a <= high)]
        # np.cumsum adds in order, as the loop below does: the very same total
        return round(float(np.cumsum(kept)[-1]) / len(kept), 1) if len(kept) else None
    total, count = 0.0, 0
    for v in values:
        if v is not None and low <= v <= high:
            total += v
            count += 1
    return round(total / count, 1) if count else None


# --- the measures -----------------------------------------------------------------------------


def moving_time(t: list[float], cum: list[float] | None, cad: list | None = None) -> float:
    """Seconds spent moving (see the module docstring for the rule)."""
    import numpy as np  # here: commands that measure nothing start without it

    if cum is not None and len(t) >= VECTOR_MIN_POINTS:
        ta, ca = _floats(t), _floats(cum)
        dt = np.diff(ta)
        moving = dt[(dt > 0) & (np.diff(ca) >= MOVING_SPEED * dt)]
        return float(np.cumsum(moving)[-1]) if len(moving) else 0.0  # summed in order
    total = 0.0
    have_cad = cad is not None and any(c is not None for c in cad)
    for k in range(1, len(t)):
        dt = t[k] - t[k - 1]
        if dt <= 0:
            continue
        if cum is not None:
            if cum[k] - cum[k - 1] >= MOVING_SPEED * dt:
                total += dt
        elif have_cad:
            if cad[k]:
                total += dt
        elif dt <= PAUSE_GAP_S:
            total += dt
    return total


def elevation_gain(t: list[float], alt: list) -> float | None:
    """Metres climbed: smoothed altitude, then a hysteresis dead band (module docstring)."""
    if len(alt) - alt.count(None) < 2:
        return None
    half = ELEVATION_WINDOW_S / 2
    known = _known_altitudes(t, alt) if len(alt) >= VECTOR_MIN_POINTS else None
    if known is not None and len(known[0]) >= VECTOR_MIN_POINTS:
        return round(_climbs(_smoothed(*known, half), ELEVATION_HYSTERESIS_M), 1)
    pts = [(x, a) for x, a in zip(t, alt, strict=True) if a is not None]
    if len(pts) < 2:
        return None
    n = len(pts)
    lo = hi = 0
    window_sum = 0.0
    smooth = []
    for i in range(n):
        ti = pts[i][0]
        while hi < n and pts[hi][0] <= ti + half:
            window_sum += pts[hi][1]
            hi += 1
        while pts[lo][0] < ti - half:
            window_sum -= pts[lo][1]
            lo += 1
        smooth.append(window_sum / (hi - lo))
    return round(_climbs(smooth, ELEVATION_HYSTERESIS_M), 1)


def _known_altitudes(t: list[float], alt: list):
    """(times, altitudes) arrays of the points with an altitude; None if ``alt`` holds a nan
    (not the same as a missing value: the loop keeps it)."""
    import numpy as np  # here: commands that measure nothing start without it

    a = np.array(alt, dtype=np.float64)  # None becomes nan
    missing = np.isnan(a)
    if int(missing.sum()) != alt.count(None):
        return None
    return _floats(t)[~missing], a[~missing]


def _smoothed(tt, a, half: float) -> list[float]:
    """The loop of ``elevation_gain`` on arrays (times ``tt``, altitudes ``a``), to the last
    bit: its running window sum is one sequence of additions (a point entering the window) and
    subtractions (one leaving), so the same sequence, put in the loop's order and summed in
    order by ``np.cumsum``, gives the very same sums."""
    import numpy as np  # here: commands that measure nothing start without it

    n = len(tt)
    hi = np.searchsorted(tt, tt + half, side="right")  # the window after step i: [lo, hi)
    lo = np.searchsorted(tt, tt - half, side="left")
    out = lo[-1]  # points that left the window by the end
    adds = np.searchsorted(hi, np.arange(n), side="right")  # the step each point enters at
    subs = np.searchsorted(lo, np.arange(out), side="right")  # and leaves at
    # The loop's order: by step, in a step the additions first, each kind by point. Both
    # kinds are already in that order, so merging them places each operation.
    at_add = np.arange(n) + np.searchsorted(subs, adds, side="left")
    at_sub = np.arange(out) + np.searchsorted(adds, subs, side="right")
    ops, steps = np.empty(n + out), np.empty(n + out, dtype=adds.dtype)
    ops[at_add], ops[at_sub] = a, -a[:out]
    steps[at_add], steps[at_sub] = adds, subs
    sums = np.cumsum(ops)
    last = np.searchsorted(steps, np.arange(n), side="right") - 1  # last op of step i
    return (sums[last] / (hi - lo)).tolist()


def _climbs(alt: list[float], band: float) -> float:
    """Sum of valley-to-peak rises, counting only turns of at least ``band`` metres."""
    gain = 0.0
    low = high = alt[0]
    rising = None  # unknown until the first move of ``band``
    for a in alt:  # (comparisons rather than max and min: the same values, faster)
        if rising is not False:
            if a > high:
                high = a
            if high - a >= band:  # the climb ended at ``high``
                if rising and high - low >= band:
                    gain += high - low
                rising, low = False, a
                continue
        if rising is not True:
            if a < low:
                low = a
            if a - low >= band:
                rising, high = True, a
    if rising and high - low >= band:
        gain += high - low
    return gain


def best_efforts(
    t: list[float], cum: list[float], distances: dict[str, float] = BEST_EFFORT_DISTANCES
) -> dict[str, float]:
    """Fastest time (s) over each distance, for the distances the activity covers."""
    import numpy as np  # here: commands that measure nothing start without it

    if len(t) >= VECTOR_MIN_POINTS:
        ta, ca = _floats(t), _floats(cum)
        if (np.diff(ca) >= 0).all():
            return _best_efforts_sorted(ta, ca, distances)
    return _best_efforts_sweep(t, cum, distances)


def _best_efforts_sorted(t, cum, distances: dict[str, float]) -> dict[str, float]:
    """``_best_efforts_sweep`` for a never-decreasing ``cum``, all start points at once: the end
    point of each is where ``cum`` first reaches the goal (``searchsorted``), the same ``j``
    the sweep finds, and the same float operations give the same times."""
    import numpy as np  # here: commands that measure nothing start without it

    out = {}
    n = len(t)
    for key, target_d in distances.items():
        if n < 2 or cum[-1] - cum[0] < target_d:
            continue
        goal = cum[:-1] + target_d
        j = np.searchsorted(cum, goal, side="left")
        valid = j < n
        if not valid.any():
            continue
        k = int(np.argmin(valid)) if not valid.all() else len(valid)  # the sweep stops there
        i = np.arange(k)
        j, goal = j[:k], goal[:k]
        d0, d1, t0, t1 = cum[j - 1], cum[j], t[j - 1], t[j]
        with np.errstate(divide="ignore", invalid="ignore"):
            end = np.where(d1 <= d0, t1, t0 + (goal - d0) / (d1 - d0) * (t1 - t0))
        best = float((end - t[i]).min())
        if best >= WORLD_RECORD_S.get(key, 0.0):
            out[key] = round(best, 1)
    return out


def _best_efforts_sweep(
    t: list[float], cum: list[float], distances: dict[str, float]
) -> dict[str, float]:
    """The two-pointer sweep, for any ``cum``. O(n) per distance."""
    out = {}
    n = len(t)
    for key, target_d in distances.items():
        if n < 2 or cum[-1] - cum[0] < target_d:
            continue
        best = math.inf
        j = 1
        for i in range(n - 1):
            goal = cum[i] + target_d
            if j <= i:
                j = i + 1
            while j < n and cum[j] < goal:
                j += 1
            if j == n:
                break
            d0, d1 = cum[j - 1], cum[j]
            end = t[j] if d1 <= d0 else t[j - 1] + (goal - d0) / (d1 - d0) * (t[j] - t[j - 1])
            if end - t[i] < best:
                best = end - t[i]
        if best < math.inf and best >= WORLD_RECORD_S.get(key, 0.0):
            out[key] = round(best, 1)
    return out


def longest_continuous_run(
    t: list[float], cum: list[float] | None, cad: list | None
) -> float | None:
    """Longest distance (m) run without a walk of ``WALK_MIN_S`` or more (module docstring)."""
    if cum is None:
        return None
    if len(t) >= VECTOR_MIN_POINTS:
        best = _longest_run_arrays(t, cum, cad)
        if best is not None:
            return round(best, 1)
    have_cad = cad is not None and any(c is not None for c in cad)
    best = 0.0
    start = None  # cumulative distance where the current stretch began
    run_end = 0.0  # cumulative distance at the end of its last running interval
    walked = 0.0  # seconds of the walk in progress
    for k in range(1, len(t)):
        dt = t[k] - t[k - 1]
        if dt <= 0:
            continue
        speed = (cum[k] - cum[k - 1]) / dt
        c = cad[k] if have_cad else None
        walking = speed < WALK_SPEED if c is None else c < WALK_CADENCE or speed < STOP_SPEED
        if walking:
            walked += dt
            if walked >= WALK_MIN_S and start is not None:
                best = max(best, run_end - start)
                start = None
        else:
            if start is None:
                start = cum[k - 1]
            walked = 0.0
            run_end = cum[k]
    if start is not None:
        best = max(best, run_end - start)
    return round(best, 1)


def _longest_run_arrays(t: list[float], cum: list[float], cad: list | None) -> float | None:
    """The loop of ``longest_continuous_run`` on arrays, before rounding: the intervals it
    looks at (time moving forward), which of them are walking, the walks long enough to end a
    stretch, and the longest stretch of running between two of those. None when a cadence is
    nan (the loop treats it as a value, not as missing)."""
    import numpy as np  # here: commands that measure nothing start without it

    ta, ca = _floats(t), _floats(cum)
    dt = np.diff(ta)
    k = np.flatnonzero(dt > 0) + 1  # the interval from point k - 1 to point k
    dt = dt[k - 1]
    walking = _walking(ca, cad, k, dt)
    if walking is None:
        return None
    running = ~walking
    if not running.any():
        return 0.0
    stretch = np.cumsum(_long_walk_ends(walking, dt))[running]  # which stretch each run is in
    ends = k[running]
    first = np.concatenate([[True], stretch[1:] != stretch[:-1]])
    last = np.concatenate([stretch[1:] != stretch[:-1], [True]])
    return max(0.0, float((ca[ends[last]] - ca[ends[first] - 1]).max()))


def _walking(ca, cad: list | None, k, dt):
    """Whether each interval (ending at point ``k``) is walking, by the module's rule."""
    import numpy as np  # here: commands that measure nothing start without it

    speed = (ca[k] - ca[k - 1]) / dt
    if cad is None or cad.count(None) == len(cad):
        return speed < WALK_SPEED
    c = _floats(cad)  # None becomes nan
    if int(np.isnan(c).sum()) != cad.count(None):
        return None
    c = c[k]
    return np.where(np.isnan(c), speed < WALK_SPEED, (c < WALK_CADENCE) | (speed < STOP_SPEED))


def _long_walk_ends(walking, dt):
    """True at the last interval of each walk lasting ``WALK_MIN_S``: its seconds, added up
    in order as the loop does, reach it (checked one by one where an array sum comes close)."""
    import numpy as np  # here: commands that measure nothing start without it

    before = np.concatenate([[False], walking[:-1]])
    after = np.concatenate([walking[1:], [False]])
    starts = np.flatnonzero(walking & ~before)
    ends = np.flatnonzero(walking & ~after)
    total = np.cumsum(np.where(walking, dt, 0.0))
    seconds = total[ends] - total[starts] + dt[starts]  # to within rounding
    long = seconds >= WALK_MIN_S
    for w in np.flatnonzero(np.abs(seconds - WALK_MIN_S) < 1e-3).tolist():
        walked = 0.0
        for x in dt[starts[w] : ends[w] + 1].tolist():
            walked += x
        long[w] = walked >= WALK_MIN_S
    out = np.zeros(len(walking), dtype=bool)
    out[ends[long]] = True
    return out
