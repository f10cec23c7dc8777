"""A streaming FIT decoder that reads only the messages and fields an activity summary needs.

Why our own decoder (measured, see ``benchmarks/parsers_bench.py`` and IMPORT_NOTES):
fitdecode is correct but decodes every field of every message in pure Python (~15k points/s);
pyfitparsernative is fast but grows by 300+ MB on a big file, turns relative timestamps into
1990 dates, drops compressed speed/distance and loses everything on a truncated file. Here
each definition message is compiled once into a ``struct.Struct`` that unpacks the few wanted
fields and skips the rest (unknown fields, developer fields) as padding, so a record costs one
``unpack_from`` call. Most of a file is one long run of records with the same normal header
(one local message type, its fields of the usual types): such a run is read at once as a numpy
record array, with the same values and the same Python types; anything else (compressed
timestamps, compressed speed/distance, unusual field types, the last few records) goes record by
record.

Handled: normal and compressed-timestamp headers, both byte orders, developer fields, chained
files (several headers in one file), ``compressed_speed_distance`` (old foot pods),
device-relative timestamps (< 0x10000000), malformed field sizes (the field is ignored), and
damage: decoding stops at the first broken message and keeps what was read, marking the
result ``truncated`` or ``corrupt``. CRCs are not checked (a structural error is what stops
us; a bad value inside a well-formed message would pass, as it does for most readers).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from .errors import ActivityFileError
from .fit_profile import FILE_TYPES, GARMIN_PRODUCTS, MANUFACTURERS, SPORTS, SUB_SPORTS
from .model import RawActivity

FIT_EPOCH = 631065600  # 1989-12-31T00:00:00Z in POSIX seconds
RELATIVE_LIMIT = 0x10000000  # FIT timestamps below this count seconds since power-on
SEMICIRCLE = 180.0 / 2**31
FILE_TYPE_ACTIVITY = 4
GARMIN_MANUFACTURERS = {1, 13, 15}  # garmin, dynastream_oem, dynastream share product numbers

# FIT base type number (low 5 bits of the base type byte) -> (struct code, size, invalid value)
BASE_TYPES: dict[int, tuple[str, int, int | None]] = {
    0: ("B", 1, 0xFF),  # enum
    1: ("b", 1, 0x7F),  # sint8
    2: ("B", 1, 0xFF),  # uint8
    3: ("h", 2, 0x7FFF),  # sint16
    4: ("H", 2, 0xFFFF),  # uint16
    5: ("i", 4, 0x7FFFFFFF),  # sint32
    6: ("I", 4, 0xFFFFFFFF),  # uint32
    8: ("f", 4, None),  # float32 (invalid: NaN, filtered by the reader)
    9: ("d", 8, None),  # float64
    10: ("B", 1, 0),  # uint8z
    11: ("H", 2, 0),  # uint16z
    12: ("I", 4, 0),  # uint32z
    13: ("B", 1, 0xFF),  # byte
    14: ("q", 8, 0x7FFFFFFFFFFFFFFF),  # sint64
    15: ("Q", 8, 0xFFFFFFFFFFFFFFFF),  # uint64
    16: ("Q", 8, 0),  # uint64z
}

RECORD = 20
# global message number -> {field number: our name}. Field 253 (timestamp) is read from every
# message that has it, because compressed-timestamp headers count from the last one seen.
WANTED: dict[int, dict[int, str]] = {
    0: {0: "type", 1: "manufacturer", 2: "product", 4: "time_created"},  # file_id
    12: {0: "sport", 1: "sub_sport"},  # sport
    18: {  # session
        2: "start_time",
        5: "sport",
        6: "sub_sport",
        7: "total_elapsed_time",
        9: "total_distance",
        22: "total_ascent",
    },
    23: {0: "device_index", 2: "manufacturer", 4: "product"},  # device_info
    34: {5: "local_timestamp"},  # activity
    RECORD: {
        0: "lat",
        1: "lon",
        2: "alt",
        3: "hr",
        4: "cad",
        5: "dist",
        8: "csd",
        53: "fcad",
        78: "ealt",
    },
}
RECORD_FIELDS = ("ts", "lat", "lon", "alt", "ealt", "hr", "cad", "fcad", "dist", "csd")
# The base type each record field has in every file we know; a record definition whose fields
# all have theirs is decoded a run at a time with numpy (``_record_run``), others one by one.
RECORD_CODES = {
    "ts": "I",
    "lat": "i",
    "lon": "i",
    "alt": "H",
    "ealt": "I",
    "hr": "B",
    "cad": "B",
    "fcad": "B",
    "dist": "I",
}
RUN_MIN = 8  # records in a row, one definition, before the run is read as one array


@dataclass
class _Definition:
    global_num: int
    size: int
    unpack: object  # bound Struct.unpack_from, or None when no wanted field is present
    names: tuple[str, ...]  # wanted field names in unpacked order
    invalid: tuple[int | None, ...]
    ts_index: int  # position of the timestamp in the unpacked tuple, or -1
    rec_index: tuple[int, ...] = ()  # for records: position of each RECORD_FIELDS name or -1
    layout: dict[str, tuple[str, int]] | None = None  # records: name -> (struct code, offset)
    little: bool = True
    _dtype: object = None  # numpy dtype of [header byte, message], built on first use


@dataclass
class FitData:
    """What the decoder read from one FIT file (all chained parts together)."""

    file_type: int | None = None
    manufacturer: int | None = None
    product: int | None = None
    creator: dict = field(default_factory=dict)  # device_info of the creator device
    sessions: list[dict] = field(default_factory=list)
    sport: dict = field(default_factory=dict)
    activity: dict = field(default_factory=dict)
    t: list = field(default_factory=list)  # raw FIT timestamps
    lat: list = field(default_factory=list)
    lon: list = field(default_factory=list)
    alt: list = field(default_factory=list)
    hr: list = field(default_factory=list)
    cad: list = field(default_factory=list)
    dist: list = field(default_factory=list)
    damaged: str | None = None  # "truncated" or "corrupt"
    damage_detail: str = ""
    parts: int = 0  # chained FIT files

    @property
    def device(self) -> str | None:
        return device_name(self.manufacturer, self.product) or device_name(
            self.creator.get("manufacturer"), self.creator.get("product")
        )


def is_fit(data: bytes) -> bool:
    return len(data) >= 12 and data[0] >= 12 and data[8:12] == b".FIT"


def device_name(manufacturer: int | None, product: int | None) -> str | None:
    if manufacturer is None:
        return None
    name = MANUFACTURERS.get(manufacturer, f"manufacturer_{manufacturer}")
    if product is None:
        return name
    if manufacturer in GARMIN_MANUFACTURERS:
        return f"{name} {GARMIN_PRODUCTS.get(product, product)}"
    return f"{name} {product}"


def _compile(global_num: int, little: bool, fields: list[tuple[int, int, int]], dev_size: int):
    wanted = WANTED.get(global_num)
    fmt = ["<" if little else ">"]
    names: list[str] = []
    invalid: list[int | None] = []
    layout: dict[str, tuple[str, int]] = {}
    size = 0
    for num, fsize, base in fields:
        name = "ts" if num == 253 else (wanted.get(num) if wanted else None)
        bt = BASE_TYPES.get(base & 0x1F)
        if name == "csd" and fsize == 3:
            fmt.append("3s")
            names.append(name)
            invalid.append(None)
            layout[name] = ("3s", size)
        elif name and bt and fsize == bt[1] and name != "csd":
            fmt.append(bt[0])
            names.append(name)
            invalid.append(bt[2])
            layout[name] = (bt[0], size)
        elif fsize:
            fmt.append(f"{fsize}x")
        size += fsize
    size += dev_size
    if dev_size:
        fmt.append(f"{dev_size}x")
    keep = names or global_num == RECORD  # a record counts even with only a compressed time
    unpack = struct.Struct("".join(fmt)).unpack_from if keep else None
    ts_index = names.index("ts") if "ts" in names else -1
    rec_index = ()
    if global_num == RECORD:
        rec_index = tuple(names.index(n) if n in names else -1 for n in RECORD_FIELDS)
    d = _Definition(global_num, size, unpack, tuple(names), tuple(invalid), ts_index, rec_index)
    if global_num == RECORD and _regular(layout, names):
        d.layout, d.little = layout, little
    return d


def _regular(layout: dict[str, tuple[str, int]], names: list[str]) -> bool:
    """Whether records of this definition can be read as arrays: every field of its usual
    type, none named twice (the per-record path reads the first one)."""
    return len(layout) == len(names) and all(
        RECORD_CODES.get(name) == code for name, (code, _) in layout.items()
    )


def _as_dict(d: _Definition, values: tuple) -> dict:
    out = {}
    for name, inv, v in zip(d.names, d.invalid, values, strict=True):
        if v != inv and v == v:  # v == v filters float NaN
            out[name] = v
    return out


def decode(data: bytes) -> FitData:
    """Decode a FIT file (possibly several chained ones). Raises ActivityFileError if the very
    first header is not FIT; later damage is recorded in ``FitData.damaged`` instead."""
    fit = FitData()
    pos, n = 0, len(data)
    while pos < n:
        if n - pos < 12 or data[pos] < 12 or data[pos + 8 : pos + 12] != b".FIT":
            if fit.parts == 0:
                raise ActivityFileError("This is not a FIT file we can read.", "corrupt")
            break  # padding or junk after the last chained file: ignore it
        header_size = data[pos]
        data_size = int.from_bytes(data[pos + 4 : pos + 8], "little")
        start = pos + header_size
        end = start + data_size if data_size else n
        fit.parts += 1
        if end > n:
            end = n
            fit.damaged, fit.damage_detail = "truncated", "the file ends early"
        _decode_part(data, start, end, fit)
        if fit.damaged:
            break
        pos = end + 2  # skip the CRC
        if pos > n:
            fit.damaged, fit.damage_detail = "truncated", "the file ends before its checksum"
    return fit


def _decode_part(data: bytes, pos: int, end: int, fit: FitData) -> None:  # noqa: C901
    defs: dict[int, _Definition] = {}
    last_ts = None
    csd_last = None
    csd_total = 0
    t_append, lat_append, lon_append = fit.t.append, fit.lat.append, fit.lon.append
    alt_append, hr_append, cad_append = fit.alt.append, fit.hr.append, fit.cad.append
    dist_append = fit.dist.append
    while pos < end:
        header = data[pos]
        pos += 1
        if header & 0x80:  # compressed timestamp header: data message, local type 0-3
            d = defs.get((header >> 5) & 0x03)
            if d is None or last_ts is None:
                fit.damaged = "corrupt"
                fit.damage_detail = "a message refers to a definition that was never given"
                return
            offset = header & 0x1F
            ts = (last_ts & ~0x1F) + offset
            if offset < (last_ts & 0x1F):
                ts += 0x20
            last_ts = ts
            compressed = True
        elif header & 0x40:  # definition message
            if pos + 5 > end:
                fit.damaged, fit.damage_detail = "truncated", "the file ends inside a definition"
                return
            little = data[pos + 1] == 0
            if data[pos + 1] > 1:
                fit.damaged, fit.damage_detail = "corrupt", "a definition has a bad byte order"
                return
            global_num = int.from_bytes(data[pos + 2 : pos + 4], "little" if little else "big")
            count = data[pos + 4]
            pos += 5
            fend = pos + 3 * count
            if fend > end:
                fit.damaged, fit.damage_detail = "truncated", "the file ends inside a definition"
                return
            fields = [(data[i], data[i + 1], data[i + 2]) for i in range(pos, fend, 3)]
            pos = fend
            dev_size = 0
            if header & 0x20:  # developer fields follow
                if pos >= end:
                    fit.damaged = "truncated"
                    fit.damage_detail = "the file ends inside a definition"
                    return
                dcount = data[pos]
                dend = pos + 1 + 3 * dcount
                if dend > end:
                    fit.damaged = "truncated"
                    fit.damage_detail = "the file ends inside a definition"
                    return
                dev_size = sum(data[i + 1] for i in range(pos + 1, dend, 3))
                pos = dend
            defs[header & 0x0F] = _compile(global_num, little, fields, dev_size)
            continue
        else:  # normal data message
            d = defs.get(header & 0x0F)
            if d is None:
                fit.damaged = "corrupt"
                fit.damage_detail = f"local message {header & 0x0F} is not defined"
                return
            if d.layout is not None and _run_ahead(data, pos - 1, d.size + 1, end, header):
                pos, run_ts = _record_run(data, pos - 1, end, d, fit)
                last_ts = run_ts if run_ts is not None else last_ts
                continue
            compressed = False
            ts = None
        if pos + d.size > end:
            fit.damaged, fit.damage_detail = "truncated", "the file ends inside a message"
            return
        if d.unpack is None:
            pos += d.size
            continue
        v = d.unpack(data, pos)
        pos += d.size
        if not compressed and d.ts_index >= 0:
            raw_ts = v[d.ts_index]
            if raw_ts != 0xFFFFFFFF:
                ts = last_ts = raw_ts
        if d.global_num == RECORD:
            i_ts, i_lat, i_lon, i_alt, i_ealt, i_hr, i_cad, i_fcad, i_dist, i_csd = d.rec_index
            t_append(ts)
            lat = v[i_lat] if i_lat >= 0 else 0x7FFFFFFF
            lon = v[i_lon] if i_lon >= 0 else 0x7FFFFFFF
            if lat == 0x7FFFFFFF or lon == 0x7FFFFFFF:
                lat_append(None)
                lon_append(None)
            else:
                lat_append(lat * SEMICIRCLE)
                lon_append(lon * SEMICIRCLE)
            alt = v[i_ealt] if i_ealt >= 0 else 0xFFFFFFFF
            if alt == 0xFFFFFFFF:
                alt = v[i_alt] if i_alt >= 0 else 0xFFFF
                alt = None if alt == 0xFFFF else alt / 5.0 - 500.0
            else:
                alt = alt / 5.0 - 500.0
            alt_append(alt)
            hr = v[i_hr] if i_hr >= 0 else 0xFF
            hr_append(None if hr == 0xFF else hr)
            cad = v[i_cad] if i_cad >= 0 else 0xFF
            if cad == 0xFF:
                cad_append(None)
            else:
                frac = v[i_fcad] if i_fcad >= 0 else 0xFF
                cad_append(cad if frac == 0xFF else cad + frac / 128.0)
            dist = v[i_dist] if i_dist >= 0 else 0xFFFFFFFF
            if dist != 0xFFFFFFFF:
                dist_append(dist / 100.0)
            elif i_csd >= 0:
                b = v[i_csd]
                raw = (b[1] >> 4) | (b[2] << 4)
                if csd_last is not None:
                    csd_total += (raw - csd_last) & 0xFFF
                else:
                    csd_total = raw
                csd_last = raw
                dist_append(csd_total / 16.0)
            else:
                dist_append(None)
        else:
            _store_message(fit, d, v, ts)


def _run_ahead(data: bytes, start: int, stride: int, end: int, header: int) -> bool:
    """Whether ``RUN_MIN`` whole messages fit before ``end`` and the last of them, too, looks
    like one more message of this definition (cheap: worth trying ``_record_run``)."""
    last = start + (RUN_MIN - 1) * stride
    return last + stride <= end and data[last] == header


def _record_run(data: bytes, start: int, end: int, d: _Definition, fit: FitData):
    """Decode the run of records at ``start`` (header byte included) that all share its
    header byte, as arrays: the same values the per-record path appends, one column at a
    time. Returns (where the run ends, its last valid timestamp or None)."""
    import numpy as np  # here: commands that measure nothing start without it

    stride = d.size + 1
    count = _run_length(np.frombuffer(data, np.uint8), start, stride, (end - start) // stride)
    recs = np.frombuffer(data, _record_dtype(d), count, start)
    fields = recs.dtype.names
    t, last_ts = _times(recs["ts"]) if "ts" in fields else ([None] * count, None)
    fit.t.extend(t)
    lat, lon = _semicircles(recs) if "lat" in fields and "lon" in fields else (None, None)
    fit.lat.extend(lat or [None] * count)
    fit.lon.extend(lon or [None] * count)
    fit.alt.extend(_altitudes(recs))
    fit.hr.extend(_with_none(recs["hr"], recs["hr"] == 0xFF) if "hr" in fields else [None] * count)
    fit.cad.extend(_cadences(recs) if "cad" in fields else [None] * count)
    dist = recs["dist"] if "dist" in fields else None
    fit.dist.extend(
        [None] * count if dist is None else _with_none(dist / 100.0, dist == 0xFFFFFFFF)
    )
    return start + count * stride, last_ts


def _run_length(octets, start: int, stride: int, most: int) -> int:
    """How many messages from ``start`` (at most ``most``) share the header byte at
    ``start``: each is then a whole data message of that definition, so the next starts one
    stride later. Looked at in growing windows, so a short run costs little."""
    import numpy as np  # here: commands that measure nothing start without it

    header = octets[start]
    done, window = 0, 64
    while done < most:
        stop = min(most, done + window)
        heads = octets[start + done * stride : start + stop * stride : stride]
        other = np.flatnonzero(heads != header)
        if len(other):
            return done + int(other[0])
        done, window = stop, window * 4
    return most


def _record_dtype(d: _Definition):
    """A numpy record of one message: its header byte, then the wanted fields at their
    offsets, in the definition's byte order."""
    if d._dtype is None:
        import numpy as np  # here: commands that measure nothing start without it

        order = "<" if d.little else ">"
        names = list(d.layout)
        d._dtype = np.dtype(
            {
                "names": names,
                "formats": [order + d.layout[name][0] for name in names],
                "offsets": [1 + d.layout[name][1] for name in names],
                "itemsize": d.size + 1,
            }
        )
    return d._dtype


def _with_none(values, missing) -> list:
    """``values`` as a list of Python numbers, None where ``missing``."""
    if not missing.any():
        return values.tolist()
    out = values.astype(object)
    out[missing] = None
    return out.tolist()


def _times(ts) -> tuple[list, int | None]:
    missing = ts == 0xFFFFFFFF
    valid = ts[~missing]
    return _with_none(ts, missing), int(valid[-1]) if len(valid) else None


def _semicircles(recs) -> tuple[list, list]:
    lat, lon = recs["lat"], recs["lon"]
    missing = (lat == 0x7FFFFFFF) | (lon == 0x7FFFFFFF)
    return _with_none(lat * SEMICIRCLE, missing), _with_none(lon * SEMICIRCLE, missing)


def _altitudes(recs) -> list:
    """Enhanced altitude where valid, else altitude, else None (metres)."""
    import numpy as np  # here: commands that measure nothing start without it

    missing = np.ones(len(recs), dtype=bool)
    metres = np.zeros(len(recs), dtype=np.float64)
    for name, invalid in (("alt", 0xFFFF), ("ealt", 0xFFFFFFFF)):
        if name in recs.dtype.names:
            raw = recs[name]
            valid = raw != invalid
            metres = np.where(valid, raw / 5.0 - 500.0, metres)
            missing &= ~valid
    return _with_none(metres, missing)


def _cadences(recs) -> list:
    """Whole cadence (an int) or with its fraction (a float), as the per-record path."""
    cad = recs["cad"]
    out = cad.astype(object)
    if "fcad" in recs.dtype.names:
        frac = recs["fcad"]
        with_frac = (frac != 0xFF) & (cad != 0xFF)
        out[with_frac] = (cad[with_frac] + frac[with_frac] / 128.0).tolist()
    out[cad == 0xFF] = None
    return out.tolist()


def _store_message(fit: FitData, d: _Definition, values: tuple, ts: int | None) -> None:
    g = d.global_num
    if g not in WANTED:
        return
    msg = _as_dict(d, values)
    if ts is not None:
        msg["ts"] = ts
    if g == 0:
        if fit.file_type is None and "type" in msg:
            fit.file_type = msg["type"]
        if fit.manufacturer is None:
            fit.manufacturer = msg.get("manufacturer")
            fit.product = msg.get("product")
    elif g == 18:
        fit.sessions.append(msg)
    elif g == 12:
        fit.sport = fit.sport or msg
    elif g == 34:
        fit.activity = fit.activity or msg
    elif g == 23 and msg.get("device_index") == 0 and not fit.creator:
        fit.creator = msg


def peek_file_type(data: bytes) -> str | None:
    """The FIT file type ("activity", "monitoring_b", ...) from the first file_id message, or
    None when the file does not say. Cheap: used to skip wellness files in Garmin exports."""
    fit = FitData()
    try:
        _decode_part(data, data[0], min(len(data), data[0] + 512), fit)
    except (IndexError, struct.error):
        return None
    if fit.file_type is None:
        return None
    return FILE_TYPES.get(fit.file_type, f"type_{fit.file_type}")


def read(data: bytes) -> list[RawActivity]:
    """Decode a FIT file into one RawActivity per session (multisport files give several)."""
    fit = decode(data)
    if fit.file_type is not None and fit.file_type != FILE_TYPE_ACTIVITY:
        kind = FILE_TYPES.get(fit.file_type, f"type {fit.file_type}").replace("_", " ")
        raise ActivityFileError(
            f"This FIT file holds {kind} data from the watch, not a recorded activity.",
            "not_activity",
        )
    if not fit.t:
        raise ActivityFileError("The file holds no recorded points.", "empty")
    relative = _is_relative(fit.t)
    offset = _utc_offset(fit.activity)
    anchor = None
    if relative and "local_timestamp" in fit.activity and "ts" in fit.activity:
        local = fit.activity["local_timestamp"]
        if local >= RELATIVE_LIMIT:
            anchor = (float(fit.activity["ts"]), float(local + FIT_EPOCH))
    out = []
    for session, lo, hi in _segments(fit):
        raw = RawActivity(fmt="fit")
        raw.t = [None if x is None else x if relative else x + FIT_EPOCH for x in fit.t[lo:hi]]
        raw.lat, raw.lon = fit.lat[lo:hi], fit.lon[lo:hi]
        raw.alt, raw.hr, raw.cad = fit.alt[lo:hi], fit.hr[lo:hi], fit.cad[lo:hi]
        raw.dist = _rebase(fit.dist[lo:hi])
        raw.sport, raw.sub_sport = _sport_names(session)
        if not fit.damaged:  # in a damaged file the totals may cover points we lost
            if "total_distance" in session:
                raw.total_distance_m = session["total_distance"] / 100.0
            if "total_ascent" in session:
                raw.total_ascent_m = float(session["total_ascent"])
        raw.device = fit.device
        raw.cadence_per_leg = True
        raw.utc_offset_s = offset
        raw.relative_time = relative
        raw.clock_anchor = anchor
        raw.damaged = fit.damaged
        out.append(raw)
    return out


def _is_relative(ts: list) -> bool:
    first = next((x for x in ts if x is not None), None)
    return first is not None and first < RELATIVE_LIMIT


def _utc_offset(activity: dict) -> int | None:
    ts, local = activity.get("ts"), activity.get("local_timestamp")
    if ts is None or local is None or ts < RELATIVE_LIMIT or local < RELATIVE_LIMIT:
        return None
    offset = round((local - ts) / 900) * 900  # time zones are whole quarter hours
    return offset if abs(offset) <= 14 * 3600 else None


def _segments(fit: FitData):
    """Yield (session, lo, hi): record index ranges, one per session with points."""
    n = len(fit.t)
    sessions = []
    for s in fit.sessions:
        start = s.get("start_time")
        if start is None and "ts" in s and "total_elapsed_time" in s:
            start = s["ts"] - s["total_elapsed_time"] // 1000
        sessions.append((start if start is not None else -1, s))
    sessions.sort(key=lambda pair: pair[0])
    if len(sessions) <= 1:
        s = sessions[0][1] if sessions else fit.sport
        yield (s or fit.sport), 0, n
        return
    bounds = [start for start, _ in sessions[1:]]
    lo = 0
    for k, (_, s) in enumerate(sessions):
        hi = n
        if k < len(bounds):
            hi = lo
            while hi < n and (fit.t[hi] is None or fit.t[hi] < bounds[k]):
                hi += 1
        if hi > lo:
            yield s, lo, hi
        lo = hi


def _sport_names(msg: dict) -> tuple[str | None, str | None]:
    sport, sub = msg.get("sport"), msg.get("sub_sport")
    return (
        None if sport is None else SPORTS.get(sport, f"sport_{sport}"),
        None if sub is None else SUB_SPORTS.get(sub, f"sub_sport_{sub}"),
    )


def _rebase(dist: list) -> list:
    """Distances of one session, counted from its first recorded value (multisport files keep
    counting across legs)."""
    base = next((d for d in dist if d is not None), None)
    if not base:
        return dist
    return [None if d is None else d - base for d in dist]
