"""A fast path for the track points of GPX and TCX files: one compiled regular expression per
file instead of a Python object per XML element.

Why (measured, ``benchmarks/parsers_bench.py``): lxml's ``iterparse`` hands Python an element
proxy for every tag, about 10 per point, and that alone caps a reader at ~50 k points/s. A
recording app writes every point of a file the same way, so the first point is a template: its
tags, attributes, their order and where text may come between tags are turned into one pattern
(values become ``[^<&]*``), and ``re.split`` reads every point in C: the values of each point,
and the text between points, which is the skeleton below. Nothing is trusted that the pattern
does not prove:

- the template must be well-formed (balanced tags, no comments, CDATA, entities or
  processing instructions, no point inside the point), so every point it matches is too;
- every point start tag in the file must be matched, and the file must hold no comment or
  CDATA section (a point inside one would be counted wrongly); both are looked for in the
  skeleton, as neither can hide inside a matched point; otherwise ``scan`` returns None
  and the reader takes the ordinary lxml path, which handles anything;
- files over ``FAST_MAX_BYTES`` are read the ordinary, streaming way (memory stays flat);
- the rest of the file, the points cut out (``Scan.skeleton``), still goes through the safe
  lxml parser for the names, sport, device and damage; a damaged file is read the ordinary way.

A field's value is the text right after its start tag, as lxml's ``element.text``, and the last
one in document order wins, as in the readers' element loops; so both paths give the same
columns. ``tests/test_formats_xml.py`` checks that on every sample file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_TOKEN = re.compile(r"<[^<>]*>|[^<]+")
_START = re.compile(
    r"<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:\"[^\"<&]*\"|'[^'<&]*'))*)\s*(/?)>"
)
_ATTR = re.compile(r"""\s+(?P<name>[\w.:-]+)\s*=\s*(?P<q>["'])(?P<value>[^"'<&]*)(?P=q)""")
_END = re.compile(r"</([A-Za-z_][\w.:-]*)\s*>")
PLAIN = "<&\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\uffff"  # not in a value: markup, controls, non-ASCII
TEXT = f"[^{PLAIN}]*"  # plain ASCII text: anything else goes the ordinary way
_TEMPLATE_MAX = 4096  # characters: a real point is a few hundred
# The scan holds the whole file as text and every value as a string at once: about 8x the file.
# Past this size (a 10-hour GPX) the streaming lxml path keeps memory flat instead.
FAST_MAX_BYTES = 8 * 2**20
TEMPLATES_MAX = 4  # shapes of point in one file (with or without heart rate, position, ...)


@dataclass
class Scan:
    columns: dict[str, list[str]]  # column -> the raw text of each point ("" when empty)
    count: int
    skeleton: bytes  # the file without its points, for the ordinary parser


def read_fast_or_full(data: bytes, fast: Scan | None, read: Callable) -> list:
    """``read(skeleton, fast)`` when the scan worked and the skeleton reads cleanly, else
    ``read(data, None)``: the whole file by the ordinary parser."""
    if fast is not None:
        raws = read(fast.skeleton, fast)
        if raws is not None:
            return raws
    return read(data, None)


def _local(name: str) -> str:
    return name.rpartition(":")[2].lower()


def scan(
    data: bytes, point: str, fields: dict[str, str], attrs: dict[str, str], marker: str = ""
) -> Scan | None:
    """Read every ``point`` element (local name, lower case) of ``data`` by one template, or
    None when the file does not allow it. ``fields`` maps a child element's local name to a
    column, ``attrs`` an attribute of the point element itself to a column. In the skeleton,
    each point is replaced by ``marker`` (an empty element, to know where the points were)."""
    if len(data) > FAST_MAX_BYTES:
        return None
    text = data.decode("latin-1")  # lossless; an ASCII-incompatible encoding matches nothing
    starts = start_tags(point)
    templates: list[tuple] = []  # (pattern text, plain pattern text, closing tag, slots, groups)
    rest = text  # where the next shape of point is looked for: the points not matched yet
    while True:
        first = starts.search(rest)
        built = None if first is None else _template(rest, first.start(), point, fields, attrs)
        if built is None:
            return None
        templates.append(built)
        width = sum(t[4] for t in templates) + 1  # split gives a gap, then a point's groups
        pieces = re.compile("|".join(t[0] for t in templates)).split(text)
        skeleton = _skeleton(pieces[::width], marker)
        if starts.search(skeleton) is None:  # every point was matched
            break
        if len(templates) == TEMPLATES_MAX:
            return None  # more shapes than that: not one app's steady output
        rest = re.compile(built[1]).sub("", rest)
    if "<!--" in skeleton or "<![CDATA[" in skeleton:  # the points hold no "<!"
        return None
    count = (len(pieces) - 1) // width
    return Scan(_columns(pieces, templates), count, skeleton.encode("latin-1"))


def _skeleton(gaps: list[str], marker: str) -> str:
    """The text between the points (``gaps``) put back together: each run of points (apart only
    by white space) left out, or replaced by ``marker`` with its number of points. A point
    start tag the pattern did not match is in a gap, hence in the skeleton."""
    if len(gaps) == 1:
        return gaps[0]
    inner = gaps[1:-1]
    breaks = {gap for gap in set(inner) if gap.strip(" \t\r\n")}  # the runs' ends
    parts, run = [gaps[0]], 1
    if breaks:
        for gap in inner:
            if gap in breaks:
                parts += (marker.format(run), gap)
                run = 0
            run += 1
    else:
        run = len(gaps) - 1
    parts += (marker.format(run), gaps[-1])
    return "".join(parts)


def _columns(pieces: list[str], templates: list[tuple]) -> dict[str, list[str]]:
    """Each column's text per point, from ``re.split``: a gap, then the groups of each point.
    Only one template matches a point and the others' groups are None, so joining a column's
    groups over all templates gives the value ("" if none, or if its template lacks it)."""
    width = sum(t[4] for t in templates) + 1
    where: dict[str, list[int]] = {}
    offset = 1
    for *_, slots, groups in templates:
        for column, index in slots.items():
            where.setdefault(column, []).append(offset + index)
        offset += groups
    columns = {}
    for column, indices in where.items():
        values = [pieces[i::width] for i in indices]
        if len(templates) == 1:
            columns[column] = values[0]
        else:
            columns[column] = ["".join(filter(None, texts)) for texts in zip(*values, strict=True)]
    return columns


def start_tags(name: str) -> re.Pattern:
    """Start tags of an element by local name (lower case), any prefix or letter case."""
    return re.compile(rf"<(?:[A-Za-z_][\w.-]*:)?{name}[\s/>]", re.IGNORECASE)


def _between(text: str, pos: int) -> str:
    """The pattern for what follows a tag ending at ``pos`` in the template: nothing when the
    next tag follows at once there (so in every point it matches; a point spaced otherwise
    gets a template of its own), else any plain text. Empty gaps cost the regex most."""
    return "" if text.startswith("<", pos) else TEXT


def _template(text: str, start: int, point: str, fields: dict, attrs: dict):
    """(compiled pattern, {column: group index}) built from the point element at ``start``."""
    parts: list[str] = []
    slots: dict[str, int] = {}
    groups = 0
    stack: list[str] = []
    pos = start
    end = min(len(text), start + _TEMPLATE_MAX)
    while pos < end:
        token = _TOKEN.match(text, pos)
        if token is None:
            return None
        pos = token.end()
        tok = token.group()
        if tok[0] != "<":
            if "&" in tok:
                return None
            continue  # text is matched by the pattern that follows each tag
        if tok.startswith(("<!", "<?")):
            return None
        closing = _END.fullmatch(tok)
        if closing:
            if not stack or stack.pop() != closing.group(1):
                return None
            parts.append(re.escape(tok))
            if not stack:
                break
            parts.append(_between(text, pos))
            continue
        opening = _START.fullmatch(tok)
        if opening is None:
            return None
        name, attr_text, empty = opening.groups()
        local = _local(name)
        if not stack and (local != point or empty):
            return None
        if stack and local == point:
            return None  # a point inside a point: lxml reads that its own way
        cut = 0  # the tag is copied literally, spacing included, but for attribute values
        covered = opening.start(2)
        for attr in _ATTR.finditer(tok, opening.start(2), opening.end(2)):
            if attr.start() != covered:
                return None
            covered = attr.end()
            value = f"[^{attr.group('q')}{PLAIN}]*"
            column = attrs.get(attr.group("name")) if not stack else None
            if column:
                value = f"({value})"
                slots[column] = groups
                groups += 1
            parts.append(re.escape(tok[cut : attr.start("value")]) + value)
            cut = attr.end("value")
        if covered != opening.end(2):
            return None  # an attribute value holding a quote of the other kind: rare
        parts.append(re.escape(tok[cut:]))
        column = fields.get(local) if stack else None
        if not empty:
            stack.append(name)
            if column:
                parts.append(f"({TEXT})")
                slots[column] = groups  # the last one in document order wins
                groups += 1
            else:
                parts.append(_between(text, pos))
        else:
            if column:  # <ele/>: the value is empty; a later field of the column still wins
                slots.pop(column, None)
            parts.append(_between(text, pos))
    if stack:
        return None
    pattern = "".join(parts)
    # Names and attribute names hold no parenthesis, so every "(" opens one of our groups.
    plain = pattern.replace("(", "(?:")
    return pattern, plain, tok, slots, groups
