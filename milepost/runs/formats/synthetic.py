"""Small synthetic activity files with known answers, for tests (here and on the Django side).

    points = run_points(start, [(600, 3.0), (60, 1.2), (600, 3.0)])  # (seconds, m/s) pieces
    fit_bytes(points), gpx_bytes(points), tcx_bytes([points, more_points])

A point is a dict with ``t`` (POSIX seconds, or device seconds for ``relative=True`` FIT) and
optional ``lat``, ``lon``, ``dist`` (m), ``alt`` (m), ``hr``, ``cad`` (steps/min; written per
leg, as watches do, in FIT and TCX).
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime

from .fit import FIT_EPOCH

EARTH_M_PER_DEG = 111_195.0


def run_points(
    start: datetime,
    pieces: list[tuple[float, float]],
    *,
    cadence: dict[float, float] | None = None,
    lat0: float = 52.0,
    lon0: float = 4.0,
    alt=None,
    hr: int | None = 150,
) -> list[dict]:
    """One point per second, heading north at the given (duration s, speed m/s) pieces.
    ``cadence`` maps a speed to the steps/min recorded at that speed (else none). ``alt`` is a
    function of elapsed seconds."""
    t0 = start.timestamp()
    points = [_point(t0, 0.0, lat0, lon0, alt, hr, cadence, pieces[0][1] if pieces else 0.0)]
    elapsed, dist = 0, 0.0
    for seconds, speed in pieces:
        for _ in range(int(seconds)):
            elapsed += 1
            dist += speed
            points.append(_point(t0 + elapsed, dist, lat0, lon0, alt, hr, cadence, speed, elapsed))
    return points


def _point(t, dist, lat0, lon0, alt, hr, cadence, speed, elapsed=0) -> dict:
    p = {"t": t, "dist": dist, "lat": lat0 + dist / EARTH_M_PER_DEG, "lon": lon0}
    if alt is not None:
        p["alt"] = alt(elapsed)
    if hr is not None:
        p["hr"] = hr
    if cadence is not None and speed in cadence:
        p["cad"] = cadence[speed]
    return p


# --- FIT --------------------------------------------------------------------------------------


def _crc(data: bytes, crc: int = 0) -> int:
    table = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)  # fmt: skip
    for byte in data:
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[byte & 0xF]
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[(byte >> 4) & 0xF]
    return crc


def _definition(local: int, global_num: int, fields: list[tuple[int, int, int]]) -> bytes:
    out = bytes([0x40 | local, 0, 0]) + struct.pack("<HB", global_num, len(fields))
    return out + b"".join(bytes(f) for f in fields)


def _fit_time(t: float, relative: bool) -> int:
    return int(t) if relative else int(t) - FIT_EPOCH


def fit_bytes(
    points: list[dict],
    *,
    sport: int = 1,
    sub_sport: int = 0,
    file_type: int = 4,
    manufacturer: int = 1,
    product: int = 1967,
    relative: bool = False,
    local_end: datetime | None = None,
    session: bool = True,
) -> bytes:
    """A FIT activity file (file_id, records, session, activity) with a valid CRC."""
    body = bytearray()
    body += _definition(0, 0, [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84), (4, 4, 0x86)])
    created = _fit_time(points[0]["t"], relative) if points else 0
    body += bytes([0]) + struct.pack("<BHHI", file_type, manufacturer, product, created)
    record_fields = [(253, 4, 0x86), (0, 4, 0x85), (1, 4, 0x85), (5, 4, 0x86), (2, 2, 0x84)]
    record_fields += [(3, 1, 0x02), (4, 1, 0x02)]
    body += _definition(1, 20, record_fields)
    for p in points:
        lat = round(p["lat"] * 2**31 / 180) if p.get("lat") is not None else 0x7FFFFFFF
        lon = round(p["lon"] * 2**31 / 180) if p.get("lon") is not None else 0x7FFFFFFF
        dist = round(p["dist"] * 100) if p.get("dist") is not None else 0xFFFFFFFF
        alt = round((p["alt"] + 500) * 5) if p.get("alt") is not None else 0xFFFF
        hr = int(p["hr"]) if p.get("hr") is not None else 0xFF
        cad = int(p["cad"] / 2) if p.get("cad") is not None else 0xFF
        ts = _fit_time(p["t"], relative)
        body += bytes([1]) + struct.pack("<IiiIHBB", ts, lat, lon, dist, alt, hr, cad)
    if session and points:
        body += _definition(2, 18, [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (6, 1, 0x00)])
        first, last = _fit_time(points[0]["t"], relative), _fit_time(points[-1]["t"], relative)
        body += bytes([2]) + struct.pack("<IIBB", last, first, sport, sub_sport)
    if local_end is not None and points:
        body += _definition(3, 34, [(253, 4, 0x86), (5, 4, 0x86)])
        local = int(local_end.replace(tzinfo=UTC).timestamp()) - FIT_EPOCH
        body += bytes([3]) + struct.pack("<II", _fit_time(points[-1]["t"], relative), local)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", _crc(header))
    data = header + bytes(body)
    return data + struct.pack("<H", _crc(data))


# --- GPX and TCX ------------------------------------------------------------------------------


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx_bytes(points: list[dict], *, sport: str | None = None, creator: str = "Test") -> bytes:
    """A GPX 1.1 track with Garmin TrackPointExtension heart rate and cadence (per leg)."""
    rows = []
    for p in points:
        ext = ""
        if p.get("hr") is not None or p.get("cad") is not None:
            inner = ""
            if p.get("hr") is not None:
                inner += f"<gpxtpx:hr>{int(p['hr'])}</gpxtpx:hr>"
            if p.get("cad") is not None:
                inner += f"<gpxtpx:cad>{int(p['cad'] / 2)}</gpxtpx:cad>"
            ext = f"<extensions><gpxtpx:TrackPointExtension>{inner}</gpxtpx:TrackPointExtension>"
            ext += "</extensions>"
        ele = f"<ele>{p['alt']:.1f}</ele>" if p.get("alt") is not None else ""
        rows.append(
            f'<trkpt lat="{p["lat"]:.7f}" lon="{p["lon"]:.7f}">{ele}'
            f"<time>{_iso(p['t'])}</time>{ext}</trkpt>"
        )
    kind = f"<type>{sport}</type>" if sport else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="1.1" creator="{creator}" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><name>Test run</name>{kind}<trkseg>{''.join(rows)}</trkseg></trk></gpx>\n"
    ).encode()


def tcx_bytes(activities: list[list[dict]], *, sport: str = "Running") -> bytes:
    """A TCX file with one <Activity> per list of points (positions optional: treadmill)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
        'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities>'
    ]
    for points in activities:
        start = _iso(points[0]["t"])
        out.append(f'<Activity Sport="{sport}"><Id>{start}</Id><Lap StartTime="{start}"><Track>')
        for p in points:
            out.append(f"<Trackpoint><Time>{_iso(p['t'])}</Time>")
            if p.get("lat") is not None:
                out.append(
                    f"<Position><LatitudeDegrees>{p['lat']:.7f}</LatitudeDegrees>"
                    f"<LongitudeDegrees>{p['lon']:.7f}</LongitudeDegrees></Position>"
                )
            if p.get("dist") is not None:
                out.append(f"<DistanceMeters>{p['dist']:.2f}</DistanceMeters>")
            if p.get("hr") is not None:
                out.append(f"<HeartRateBpm><Value>{int(p['hr'])}</Value></HeartRateBpm>")
            if p.get("cad") is not None:
                out.append(
                    f"<Extensions><ns3:TPX><ns3:RunCadence>{int(p['cad'] / 2)}</ns3:RunCadence>"
                    "</ns3:TPX></Extensions>"
                )
            out.append("</Trackpoint>")
        out.append("</Track></Lap><Creator><Name>Test Watch</Name></Creator></Activity>")
    out.append("</Activities></TrainingCenterDatabase>\n")
    return "".join(out).encode()


def jittered(points: list[dict], every: int = 4) -> list[dict]:
    """The points with every ``every``-th time moved back 1 or 2 seconds (alternately), so
    that it comes before the one before it: how Sports Tracker writes its GPX times."""
    out = [dict(p) for p in points]
    for k in range(every, len(out), every):
        out[k]["t"] -= 1 + (k // every) % 2 + 0.5  # 1.5 or 2.5 s: earlier than point k - 1
    return out


def without_positions(points: list[dict]) -> list[dict]:
    return [{k: v for k, v in p.items() if k not in ("lat", "lon")} for p in points]


def degrees_for(metres: float) -> float:
    return metres / EARTH_M_PER_DEG


__all__ = ["fit_bytes", "gpx_bytes", "jittered", "run_points", "tcx_bytes", "without_positions"]
