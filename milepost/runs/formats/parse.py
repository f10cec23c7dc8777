"""``parse_file``: bytes of one uploaded file in, activity summaries out."""

from __future__ import annotations

import zlib
from pathlib import PurePosixPath

from . import fit, gpx, tcx
from .errors import ActivityFileError
from .model import ActivityHint, ActivitySummary
from .summary import summarize
from .xmlsafe import check_safe, prolog

DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # per file, uncompressed: a 24 h TCX is about 40 MB
EXTENSIONS = {".fit": "fit", ".gpx": "gpx", ".tcx": "tcx"}
READERS = {"fit": fit.read, "gpx": gpx.read, "tcx": tcx.read}
FORMAT_NAMES = {"fit": "FIT", "gpx": "GPX", "tcx": "TCX", "zip": "a zip archive"}


def detect_format(data: bytes) -> str | None:
    """ "fit", "gpx", "tcx", "gz", "zip", "xml" (another XML) or None, from content alone."""
    if data[:2] == b"\x1f\x8b":
        return "gz"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if fit.is_fit(data):
        return "fit"
    root, has_dtd = prolog(data)
    if has_dtd:
        return "xml"
    if root == "gpx":
        return "gpx"
    if root == "TrainingCenterDatabase":
        return "tcx"
    return "xml" if root else None


def gunzip(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, bool]:
    """(uncompressed bytes, complete?). Never inflates more than ``max_bytes`` (gzip bombs)."""
    out = bytearray()
    complete = True
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(data, max_bytes + 1 - len(out))
        except zlib.error:
            if not out:
                raise ActivityFileError("The compressed (.gz) file is damaged.") from None
            complete = False
            break
        if len(out) > max_bytes or inflater.unconsumed_tail:
            raise ActivityFileError(
                f"The file is too large once uncompressed (over {max_bytes // 2**20} MB).",
                "too_large",
            )
        if not inflater.eof:
            complete = False
            break
        data = inflater.unused_data.lstrip(b"\x00")
    return bytes(out), complete


def parse_file(
    data: bytes,
    filename: str = "",
    *,
    hint: ActivityHint | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    now: float | None = None,
) -> list[ActivitySummary]:
    """Read one GPX, TCX or FIT file (optionally gzip-compressed) into activity summaries.

    The format is taken from the content, never from ``filename``, which only names the file in
    warnings. A TCX or FIT file can hold several activities (multisport legs). ``hint`` carries
    what an export knows about the file. ``now`` (POSIX seconds) fixes "the future" in tests.
    Raises ActivityFileError with a reason for the runner when nothing usable is in the file.
    """
    if len(data) > max_bytes:
        raise ActivityFileError(
            f"The file is too large (over {max_bytes // 2**20} MB).", "too_large"
        )
    warnings = []
    gz_cut = False
    kind = detect_format(data)
    for _ in range(2):  # .gz, or at most a .gz inside a .gz
        if kind != "gz":
            break
        data, complete = gunzip(data, max_bytes)
        if not complete:
            gz_cut = True
            warnings.append("The compressed file was cut short.")
        kind = detect_format(data)
    if not data.strip(b" \t\r\n\x00"):
        raise ActivityFileError("The file is empty.", "empty")
    if kind == "xml":
        check_safe(data)  # a DTD gets its own reason: it may be an XML bomb
    if kind not in READERS:
        raise ActivityFileError(_unknown_reason(kind, filename), "unknown_format")
    named = EXTENSIONS.get(PurePosixPath(filename.lower().removesuffix(".gz")).suffix)
    if named and named != kind:
        warnings.append(
            f"The file is named .{named} but holds {FORMAT_NAMES[kind]} data; we read it as "
            f"{FORMAT_NAMES[kind]}."
        )
    raws = READERS[kind](data)
    summaries, errors = [], []
    for raw in raws:
        raw.warnings[:0] = warnings
        if gz_cut and raw.damaged is None:
            raw.damaged = "truncated"
        try:
            summaries.append(summarize(raw, hint=hint if len(raws) == 1 else None, now=now))
        except ActivityFileError as exc:
            errors.append(exc)
    if not summaries:
        raise errors[0]
    return summaries


def _unknown_reason(kind: str | None, filename: str) -> str:
    if kind == "zip":
        return "This is a zip archive, not a single activity file; upload it as an archive."
    if kind == "xml":
        return "This XML file is neither GPX nor TCX, so it is not an activity we can read."
    suffix = PurePosixPath(filename).suffix.lower()
    if suffix in EXTENSIONS:
        return f"The file is named {suffix} but its content is not GPX, TCX or FIT data."
    return "This is not a GPX, TCX or FIT activity file."
