"""Garmin Training Center (TCX) files: one RawActivity per <Activity>, several per file."""

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

MARKER = "milepost.points"  # stands for a run of n scanned points in the skeleton, where it was
TAGS = ("{*}Activity", "{*}Trackpoint", "{*}Course", "{*}Author", "{*}" + MARKER)


def read(data: bytes) -> list[RawActivity]:
    fast = scan(data, "trackpoint", FIELDS, {}, marker=f'<{MARKER} n="{{}}"/>')
    return read_fast_or_full(data, fast, _read)


def _read(data: bytes, fast: Scan | None) -> list[RawActivity] | None:
    """The file read by lxml; with ``fast``, ``data`` is its skeleton and the points come from
    the scan (None when the skeleton shows damage: then the whole file is read by lxml)."""
    activities: list[RawActivity] = []
    current: RawActivity | None = None
    course_points = 0
    author = None
    rows: dict[int, list[int]] = {}  # with ``fast``: activity number -> its scanned points
    scanned = 0
    parser = StreamParser(data, TAGS, events=("start", "end"))
    for event, el in parser:
        kind = local(el.tag)
        if kind == MARKER:
            if event == "end":
                count = int(el.get("n"))
                if current is None:
                    course_points += count
                else:
                    rows.setdefault(len(activities) - 1, []).extend(range(scanned, scanned + count))
                scanned += count
                release(el)
        elif kind == "trackpoint":
            if event == "end":
                if current is None:
                    course_points += 1
                else:
                    _trackpoint(el, current)
                release(el)
        elif kind == "activity":
            if event == "start":
                current = RawActivity(fmt="tcx", sport=el.get("Sport"), cadence_per_leg=True)
                activities.append(current)
            elif current is not None:
                _activity_details(el, current)
                current = None
                release(el)
        elif kind == "author" and event == "end":
            author = _name_of(el)
    if fast is not None:
        if parser.damage or scanned != fast.count:
            return None
        for number, points in rows.items():
            _fill(activities[number], fast, points)
    for raw in activities:
        raw.device = raw.device or author
        raw.damaged = parser.damage
    activities = [a for a in activities if len(a)]
    if not activities:
        if course_points:
            raise ActivityFileError(
                "This TCX file holds a course (a planned route), not a recorded activity.",
                "not_activity",
            )
        if parser.damage:
            raise ActivityFileError(
                "The file is damaged or cut short before its first point.", parser.damage
            )
        raise ActivityFileError("The TCX file holds no track points.", "empty")
    return activities


# local tag name -> column of a trackpoint value; "" for everything else
FIELDS = {
    "time": "t",
    "latitudedegrees": "lat",
    "longitudedegrees": "lon",
    "altitudemeters": "alt",
    "distancemeters": "dist",
    "value": "hr",  # HeartRateBpm/Value, the only <Value> inside a trackpoint
    "cadence": "cad",
    "runcadence": "cad",
}
_KIND: dict = {}


def _kind(tag) -> str:
    """Column for a full tag (namespace included), cached: one dict lookup per element."""
    _KIND[tag] = kind = FIELDS.get(local(tag), "") if isinstance(tag, str) else ""
    return kind


def _trackpoint(el, raw: RawActivity) -> None:
    when = la = lo = a = d = h = c = None
    kind_of = _KIND.get
    for sub in el.iter():
        kind = kind_of(sub.tag)
        if kind is None:
            kind = _kind(sub.tag)
        if not kind:
            continue
        text = sub.text
        if kind == "t":
            when = text
        elif kind == "lat":
            la = text
        elif kind == "lon":
            lo = text
        elif kind == "alt":
            a = text
        elif kind == "dist":
            d = text
        elif kind == "hr":
            h = text
        else:
            c = text
    if raw.utc_offset_s is None and not raw.t:
        raw.utc_offset_s = utc_offset(when)
    raw.t.append(parse_time(when))
    raw.lat.append(to_float(la))
    raw.lon.append(to_float(lo))
    raw.alt.append(to_float(a))
    raw.dist.append(to_float(d))
    raw.hr.append(to_float(h))
    raw.cad.append(to_float(c))


def _fill(raw: RawActivity, fast: Scan, rows: list[int]) -> None:
    """The columns of an activity from the scanned points (numbers ``rows``)."""
    cols = fast.columns
    whole = len(rows) == fast.count
    empty = [None] * len(rows)
    for name in ("t", "lat", "lon", "alt", "dist", "hr", "cad"):
        if name not in cols:
            setattr(raw, name, empty[:])
            continue
        texts = cols[name] if whole else [cols[name][k] for k in rows]
        if name == "t":
            raw.utc_offset_s = utc_offset(texts[0] or None)
            raw.t = parse_times(texts)
        else:
            setattr(raw, name, to_floats(texts))


def _activity_details(el, raw: RawActivity) -> None:
    for child in el:
        name = local(child.tag)
        if name == "creator":
            raw.device = _name_of(child)
        elif name == "notes" and child.text and child.text.strip():
            raw.name = child.text.strip()


def _name_of(el) -> str | None:
    for child in el:
        if local(child.tag) == "name" and child.text and child.text.strip():
            return child.text.strip()
    return None
