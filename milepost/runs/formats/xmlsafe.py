"""Safe, streaming XML for GPX and TCX.

Two layers, so neither has to be perfect:
1. ``prolog`` reads what comes before the root element ourselves and refuses any DTD
   (``<!DOCTYPE``, hence ``<!ENTITY``): activity files never need one, and every XML bomb
   (billion laughs, quadratic blowup) and external-entity attack (XXE) lives in a DTD.
2. lxml parses with ``resolve_entities=False``, ``no_network=True``, ``load_dtd=False`` and
   ``huge_tree=False`` (libxml2's size limits stay on), streaming with ``iterparse`` so memory
   stays flat however long the file. ``recover=True`` reads the real-world files that are
   slightly malformed (undeclared ``gpxdata:`` prefixes, whitespace before ``<?xml``).

The track points themselves are usually read faster by ``pointscan`` (one regular expression
built from the file's first point); what it cannot prove it reads exactly like lxml falls back
here, and the rest of the file (names, sport, damage) always comes through this parser.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from lxml import etree

from .errors import ActivityFileError

PROLOG_WINDOW = 1 << 20  # a real prolog is a few hundred bytes
UTF8_BOM = b"\xef\xbb\xbf"


def _prolog_text(data: bytes) -> str:
    head = data[:PROLOG_WINDOW]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if head.startswith((b"<\x00?\x00", b"<\x00")):
        return head.decode("utf-16-le", errors="ignore")
    if head.startswith((b"\x00<\x00?", b"\x00<")):
        return head.decode("utf-16-be", errors="ignore")
    if head.startswith(UTF8_BOM):
        head = head[3:]
    return head.decode("latin-1")


def prolog(data: bytes) -> tuple[str | None, bool]:
    """(local name of the root element or None, whether a DTD comes before it)."""
    s = _prolog_text(data)
    i, n = 0, len(s)
    while i < n:
        while i < n and s[i] in " \t\r\n\ufeff":
            i += 1
        if s.startswith("<?", i):
            end = s.find("?>", i)
            i = n if end < 0 else end + 2
        elif s.startswith("<!--", i):
            end = s.find("-->", i)
            i = n if end < 0 else end + 3
        elif s.startswith("<!", i):
            return None, True  # <!DOCTYPE ...> (or any other declaration): refused
        elif s.startswith("<", i):
            j = i + 1
            while j < n and s[j] not in " \t\r\n/>":
                j += 1
            return s[i + 1 : j].rpartition(":")[2] or None, False
        else:
            return None, False
    return None, False


def check_safe(data: bytes) -> None:
    if prolog(data)[1]:
        raise ActivityFileError(
            "This XML file declares a DTD (entities), which activity files never need; it could "
            "be an XML bomb, so we did not read it.",
            "unsafe_xml",
        )


def _tidy(data: bytes) -> bytes:
    if data.startswith(UTF8_BOM):
        data = data[3:]
    if data[:1].isspace():
        data = data.lstrip()
    return data


class StreamParser:
    """Iterate (event, element) over the given tags; refuses DTDs first. The caller frees the
    elements it has read (``release``). After iterating, ``damage`` says whether libxml2 had
    to give up part of the file: "truncated" (the root element never closes) or "corrupt"."""

    def __init__(self, data: bytes, tags: tuple[str, ...], events=("end",)):
        check_safe(data)
        self.data = _tidy(data)
        self.tags = tags
        self.events = events
        self.damage: str | None = None

    def __iter__(self) -> Iterator[tuple[str, object]]:
        parser = etree.iterparse(
            io.BytesIO(self.data),
            events=self.events,
            tag=self.tags,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            recover=True,
            remove_comments=True,
            remove_pis=True,
        )
        try:
            yield from parser
        except etree.XMLSyntaxError as exc:  # recover=True rarely gives up; when it does:
            raise ActivityFileError(f"The file is not well-formed XML ({exc.msg}).") from None
        root = parser.root
        if root is not None and root.getroottree().docinfo.internalDTD is not None:
            raise ActivityFileError("This XML file declares a DTD.", "unsafe_xml")
        if any(e.level_name == "FATAL" for e in parser.error_log):
            root_name = local(root.tag) if root is not None else ""
            ending = self.data[-200:].rstrip(b" \t\r\n\x00").lower()
            closed = re.search(rb"</(?:[\w.-]+:)?" + root_name.encode() + rb"\s*>$", ending)
            self.damage = "corrupt" if closed else "truncated"


def release(el) -> None:
    """Free an element that has been read, and the siblings read before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


_LOCAL: dict[str, str] = {}


def local(tag) -> str:
    """Lower-case local name of a tag, without namespace or (undeclared) prefix."""
    try:
        return _LOCAL[tag]
    except KeyError:
        if not isinstance(tag, str):
            return ""
        name = tag.rpartition("}")[2].rpartition(":")[2].lower()
        _LOCAL[tag] = name
        return name
    except TypeError:
        return ""


_HOURS: dict[str, int] = {}  # "YYYY-MM-DDTHH" -> POSIX seconds of that hour (UTC)
_HOURS_KEPT = 4096


def parse_time(text: str | None) -> float | None:
    """POSIX seconds of an ISO 8601 time; naive times are taken as UTC.

    The form nearly every file uses, ``YYYY-MM-DDTHH:MM:SSZ`` (with ``.fff`` or ``.ffffff``),
    is read by slicing, the hour's POSIX seconds cached: a file's points share a few hours.
    Anything else goes through ``datetime.fromisoformat``; both give the same float."""
    if text is None:
        return None
    n = len(text)
    if (n == 20 or n == 24 or n == 27) and text[-1] == "Z" and text[13] == ":" == text[16]:
        hour = _HOURS.get(text[:13])
        if hour is None:
            hour = _hour(text[:13])
        minute, second = text[14:16], text[17:19]
        if hour is not None and minute.isdigit() and second.isdigit():
            m, s = int(minute), int(second)
            if m < 60 and s < 60:
                if n == 20:
                    return float(hour + m * 60 + s)
                fraction = text[20:-1]
                if text[19] == "." and fraction.isdigit():
                    micro = int(fraction) * (1000 if n == 24 else 1)
                    return ((hour + m * 60 + s) * 1_000_000 + micro) / 1e6
    return _parse_time_slow(text)


def _hour(key: str) -> int | None:
    """POSIX seconds of "YYYY-MM-DDTHH" read as UTC, cached; None if it is not one."""
    if key[4] != "-" or key[7] != "-" or key[10] not in "Tt" or not key.isascii():
        return None
    try:
        value = int(
            datetime.strptime(key[:10] + key[11:], "%Y-%m-%d%H").replace(tzinfo=UTC).timestamp()
        )
    except ValueError:
        return None
    if len(_HOURS) >= _HOURS_KEPT:
        _HOURS.clear()
    _HOURS[key] = value
    return value


def _parse_time_slow(text: str) -> float | None:
    try:
        dt = datetime.fromisoformat(text.strip())
    except (AttributeError, ValueError):
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def utc_offset(text: str | None) -> int | None:
    """The UTC offset (seconds) an ISO 8601 time was written in, None if naive or "Z"."""
    try:
        offset = datetime.fromisoformat(text.strip()).utcoffset()
    except (AttributeError, ValueError):
        return None
    return int(offset.total_seconds()) or None if offset is not None else None


def to_float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value - value == 0 else None  # rejects nan and inf


def to_floats(texts: list[str]) -> list[float | None]:
    """``to_float`` of each text, at C speed when every one is a finite number (the rule). A
    column of few distinct texts (heart rate, cadence, elevation) is read once per text."""
    distinct = texts if len(set(texts[:64])) > 32 else list(dict.fromkeys(texts))
    try:
        values = list(map(float, distinct))
    except (TypeError, ValueError):
        return [to_float(x) for x in texts]
    total = sum(values)
    if total - total != 0:  # a nan or inf among them (an overflow only sends us the slow way)
        return [to_float(x) for x in texts]
    if distinct is texts:
        return values
    return list(map(dict(zip(distinct, values, strict=True)).__getitem__, texts))


_DIGITS = (14, 15, 17, 18)


def parse_times(texts: list[str]) -> list[float | None]:
    """``parse_time`` of each text. When all are ``YYYY-MM-DDTHH:MM:SSZ`` (or with ``.fff``),
    the whole column is read at once with numpy: hours looked up once a run, as ``parse_time``
    does, minutes and seconds as arrays; the floats are the same. Else text by text."""
    import numpy as np  # here: commands that measure nothing start without it

    n = len(texts)
    lengths = set(map(len, texts))
    if n < 16 or len(lengths) != 1 or not lengths <= {20, 24}:
        return [parse_time(x) for x in texts]
    width = lengths.pop()
    try:
        raw = "".join(texts).encode("ascii")
    except UnicodeEncodeError:
        return [parse_time(x) for x in texts]
    b = np.frombuffer(raw, np.uint8).reshape(n, width)
    digits = b[:, _DIGITS] - 48
    ok = (b[:, -1] == 90) & (b[:, 13] == 58) & (b[:, 16] == 58) & (digits <= 9).all(axis=1)
    minutes = digits[:, 0].astype(np.int64) * 10 + digits[:, 1]
    seconds = digits[:, 2].astype(np.int64) * 10 + digits[:, 3]
    ok &= (minutes < 60) & (seconds < 60)
    if width == 24:
        fraction = b[:, 20:23] - 48
        ok &= (b[:, 19] == 46) & (fraction <= 9).all(axis=1)
    if not ok.all():
        return [parse_time(x) for x in texts]
    hour_keys = np.ascontiguousarray(b[:, :13]).view("S13").ravel()
    starts = np.flatnonzero(np.concatenate([[True], hour_keys[1:] != hour_keys[:-1]]))
    keys = hour_keys[starts]  # each run of points in the same hour (no sort: they are in order)
    hours = []
    for key in keys.tolist():
        key = key.decode("ascii")
        hour = _HOURS.get(key)
        if hour is None:
            hour = _hour(key) if len(key) == 13 else None  # a NUL byte would shorten it
        if hour is None:
            return [parse_time(x) for x in texts]
        hours.append(hour)
    run_lengths = np.diff(np.append(starts, n))
    whole = np.repeat(np.array(hours, dtype=np.int64), run_lengths) + minutes * 60 + seconds
    if width == 20:
        return whole.astype(np.float64).tolist()
    micro = (fraction[:, 0].astype(np.int64) * 100 + fraction[:, 1] * 10 + fraction[:, 2]) * 1000
    return ((whole * 1_000_000 + micro) / 1e6).tolist()
