"""GPX 1.0 and 1.1 tracks, with Garmin/Strava/Cluetrust heart-rate and cadence extensions."""

from __future__ import annotations

from .errors import ActivityFileError
from .model import RawActivity
from .pointscan import Scan, read_fast_or_full, scan
from .xmlsafe import (
    StreamParser,
    local,
    parse_time,
    parse_times,
    release,
    to_float,
    to_floats,
    utc_offset,
)

# local tag name inside a <trkpt> -> column; extensions from Garmin (gpxtpx:hr, gpxtpx:cad),
# Cluetrust (gpxdata:hr, gpxdata:cadence) and others
FIELDS = {
    "time": "t",
    "ele": "alt",
    "hr": "hr",
    "heartrate": "hr",
    "cad": "cad",
    "cadence": "cad",
    "runcadence": "cad",
}
_KIND: dict = {}


def _kind(tag) -> str:
    """Column for a full tag (namespace included), cached: one dict lookup per element."""
    _KIND[tag] = kind = FIELDS.get(local(tag), "") if isinstance(tag, str) else ""
    return kind


TAGS = ("{*}trkpt", "{*}type", "{*}name", "{*}rtept", "{*}wpt", "{*}gpx")


def read(data: bytes) -> list[RawActivity]:
    return read_fast_or_full(data, scan(data, "trkpt", FIELDS, {"lat": "lat", "lon": "lon"}), _read)


def _read(data: bytes, fast: Scan | None) -> list[RawActivity] | None:
    """The file read by lxml; with ``fast``, ``data`` is its skeleton and the points come from
    the scan (None when the skeleton shows damage: then the whole file is read by lxml)."""
    raw = RawActivity(fmt="gpx")
    t, lat, lon, alt, hr, cad = raw.t, raw.lat, raw.lon, raw.alt, raw.hr, raw.cad
    kind_of, num, when_of = _KIND.get, to_float, parse_time
    other_points = 0
    first_time = None
    parser = StreamParser(data, TAGS)
    for _, el in parser:
        kind = local(el.tag)
        if kind == "trkpt":
            if raw.device is None:
                raw.device = el.getroottree().getroot().get("creator") or ""
            lat.append(num(el.get("lat")))
            lon.append(num(el.get("lon")))
            when = a = h = c = None
            for sub in el.iter():
                field = kind_of(sub.tag)
                if field is None:
                    field = _kind(sub.tag)
                if not field:
                    continue
                if field == "t":
                    when = sub.text
                elif field == "alt":
                    a = sub.text
                elif field == "hr":
                    h = sub.text
                else:
                    c = sub.text
            if first_time is None:
                first_time = when
            t.append(when_of(when))
            alt.append(num(a))
            hr.append(num(h))
            cad.append(num(c))
            release(el)
        elif kind in ("type", "name"):
            parent = el.getparent()
            if parent is not None and local(parent.tag) == "trk" and el.text:
                if kind == "type":
                    raw.sport = raw.sport or el.text.strip()
                else:
                    raw.name = raw.name or el.text.strip()
        elif kind in ("rtept", "wpt"):
            other_points += 1
            release(el)
        elif kind == "gpx":
            raw.device = raw.device or el.get("creator")
    if fast is not None:
        if parser.damage:
            return None
        _fill(raw, fast)
        first_time = next((when for when in fast.columns.get("t", ()) if when), None)
    if not t:
        if other_points:
            raise ActivityFileError(
                "This GPX holds a planned route or waypoints, not a recorded activity.",
                "not_activity",
            )
        if parser.damage:
            raise ActivityFileError(
                "The file is damaged or cut short before its first point.", parser.damage
            )
        raise ActivityFileError("The GPX file holds no track points.", "empty")
    raw.device = raw.device or None
    raw.utc_offset_s = utc_offset(first_time)
    raw.damaged = parser.damage
    return [raw]


def _fill(raw: RawActivity, fast: Scan) -> None:
    """Extend the columns from a scan (the readers' local names keep pointing at them)."""
    empty = [None] * fast.count
    cols = fast.columns
    raw.t.extend(parse_times(cols["t"]) if "t" in cols else empty)
    for name in ("lat", "lon", "alt", "hr", "cad"):
        getattr(raw, name).extend(to_floats(cols[name]) if name in cols else empty)
