"""The measures over an activity's points: moving time, elevation gain, cadence and heart
rate, best efforts, longest continuous run; and ``_Floats``, the times and distances they (and
``distance.py``) read as arrays once an activity has ``VECTOR_MIN_POINTS`` points.

Moving time
    The sum of the intervals between consecutive points whose average speed is at least
    ``MOVING_SPEED`` m/s (a slow stroll): pauses, auto-pause gaps and standing at lights do not
    count, walking does. Without any distance, an interval counts when cadence is above zero,
    or (no cadence either) when it is at most ``PAUSE_GAP_S`` long.
Elevation gain
    The device's own total ascent (FIT session) when the file has one, as for distance
    (``distance.py``).
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

from milepost.runmath.units import BEST_EFFORT_DISTANCES

MOVING_SPEED = 0.8  # m/s
PAUSE_GAP_S = 30.0
ELEVATION_WINDOW_S = 10.0
ELEVATION_HYSTERESIS_M = 3.0
PER_LEG_CADENCE_BELOW = 120.0
WALK_CADENCE = 130.0  # steps/min
STOP_SPEED = 1.0  # m/s
WALK_SPEED = 1.5  # m/s (5.4 km/h) when there is no cadence
WALK_MIN_S = 10.0
VECTOR_MIN_POINTS = 64  # from this many points a measure runs on numpy arrays (same results)
WORLD_RECORD_S = {
    "1k": 131.96,
    "1mi": 223.13,
    "5k": 755.36,
    "10k": 1571.0,
    "half": 3451.0,
    "marathon": 7235.0,
}


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
