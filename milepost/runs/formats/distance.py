"""The distance covered by an activity: cumulative metres per point, from the device's own
count or from the positions (cleaned here too), and the total.

Distance
    The watch's own total (FIT session) or cumulative distance when the file has one
    (``distance_source="device"``): the device filters it and it is what the runner saw; points
    without a value get one interpolated in time. Otherwise the haversine sum of
    positions (``"gps"``), skipping single steps faster than ``GPS_GLITCH_SPEED`` (a jump).
"""

from __future__ import annotations

import math

from .measures import VECTOR_MIN_POINTS, _Floats, _floats

GPS_GLITCH_SPEED = {True: 12.0, False: 100.0}  # m/s, for runs / other sports


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
