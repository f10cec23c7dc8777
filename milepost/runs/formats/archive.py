"""Expand what a runner hands us (a file, a folder, a zip, a .gz, a whole export) into items.

``expand(path)`` and ``expand_bytes(data, name)`` yield, lazily and one file's bytes at a time:

- ``FileItem(path, data, hint)``: a candidate activity file for ``parse_file``; ``hint`` holds
  what a Strava export's activities.csv says about it (name, type, date);
- ``KnownItem(path, fingerprint)``: a zip member the caller said it knows (``known``: its
  name, size and CRC-32 as the zip lists them), not read at all;
- ``SkippedItem(path, reason, code)``: a member we did not read, with a reason for the runner
  (path traversal, zip bomb, too large, not an activity, damaged archive, ...); the other
  members still go through;
- ``ManualItem(path, summary)``: an activity the export knows only from its CSV (entered by
  hand on Strava) or its summaries (``manualActivity`` on Garmin Connect), already summarised;
- ``ExportIndex(path, index)``: a Garmin export's summaries (``garmin.GarminIndex``), yielded
  before its files, which are linked to them by start time once read (names and types).

Limits (``ArchiveLimits``) bound total and per-file uncompressed size, the compression ratio,
the number of files and how deeply archives nest. Sizes are counted while inflating, never
trusted from headers, and nested archives are spooled to temporary files rather than memory.
Nothing is ever written under a member's own name, but names that climb out of the archive
(``../``, absolute paths) are refused anyway: they only appear in hostile archives.

Layouts recognised: Strava's bulk export (``activities.csv`` + ``activities/``; ``routes/`` are
plans, not activities) and Garmin Connect's (``DI_CONNECT/...Uploaded-Files/UploadedFiles_*.zip``
nested zips of original uploads, where wellness and settings FIT files are skipped, and
``DI-Connect-Fitness/*_summarizedActivities.json``).
"""

from __future__ import annotations

import io
import lzma
import os
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Container, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import fit, garmin
from .model import ActivityHint, ActivitySummary
from .parse import DEFAULT_MAX_BYTES, detect_format
from .strava import StravaRow, manual_summary, read_activities_csv

CHUNK = 1 << 20
# what zipfile and its decompressors raise on damaged or unsupported archives
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    OSError,  # also bz2's "Invalid data stream"
    EOFError,
    NotImplementedError,  # unsupported compression method
    ValueError,
    IndexError,
    RuntimeError,
    struct.error,
    UnicodeError,
)
ACTIVITY_SUFFIXES = {".fit", ".gpx", ".tcx"}
IGNORED_SUFFIXES = {
    ".csv", ".json", ".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp", ".mp4", ".mov",
    ".txt", ".md", ".html", ".htm", ".pdf", ".xlsx", ".db", ".sqlite", ".ds_store", ".ini",
}  # fmt: skip


@dataclass(frozen=True)
class ArchiveLimits:
    max_total_bytes: int = 8 * 2**30  # everything inflated from one upload
    max_member_bytes: int = DEFAULT_MAX_BYTES  # one activity file, uncompressed
    max_nested_bytes: int = 4 * 2**30  # one archive inside an archive, uncompressed
    max_ratio: float = 200.0  # uncompressed / compressed; GPX/TCX reach ~20-40
    ratio_floor_bytes: int = 1 << 20  # smaller members are never called bombs
    max_files: int = 100_000
    max_depth: int = 4  # zip in zip in zip in zip


@dataclass(frozen=True)
class FileItem:
    path: str
    data: bytes
    hint: ActivityHint | None = None


@dataclass(frozen=True)
class SkippedItem:
    path: str
    reason: str
    code: str


@dataclass(frozen=True)
class KnownItem:
    """A zip member already imported, recognised by ``fingerprint`` without reading it."""

    path: str
    fingerprint: Fingerprint


@dataclass(frozen=True)
class ManualItem:
    path: str
    summary: ActivitySummary


@dataclass(frozen=True)
class ExportIndex:
    path: str
    index: garmin.GarminIndex


Item = FileItem | KnownItem | SkippedItem | ManualItem | ExportIndex
# A file's name (without its folders), size and CRC-32: what a zip lists of each member, so an
# export imported again is recognised without inflating and hashing every file.
Fingerprint = tuple[str, int, int]


def fingerprint(path: str, size: int, crc32: int) -> Fingerprint:
    """What a zip lists of a member at ``path`` of ``size`` bytes and this CRC-32."""
    return path.rsplit("/", 1)[-1], size, crc32


class _Stop(Exception):
    """A limit for the whole upload was reached: the item says why, then nothing more."""

    def __init__(self, item: SkippedItem):
        self.item = item


class _Reject(Exception):
    def __init__(self, reason: str, code: str):
        self.reason, self.code = reason, code


def expand(
    source: str | os.PathLike,
    *,
    limits: ArchiveLimits | None = None,
    known: Container[Fingerprint] = frozenset(),
) -> Iterator[Item]:
    """Items from a file or folder on disk (zips are read in place, not loaded whole). A zip
    member whose fingerprint is ``known`` is not read: a ``KnownItem`` says it was seen."""
    walker = _Walker(limits or ArchiveLimits(), known)
    path = Path(source)
    if not (path.is_dir() or path.is_file()):
        yield SkippedItem(path.name, NOT_REGULAR, "not_regular")
        return
    try:
        if path.is_dir():
            yield from walker.directory(path)
        elif zipfile.is_zipfile(path):
            with open(path, "rb") as fh:
                yield from walker.zip(path.name, fh, 1)
        else:
            data = walker.read_file(path, path.name)
            yield from walker.blob(path.name, data, 0)
    except _Stop as stop:
        yield stop.item
    except _Reject as rej:
        yield SkippedItem(path.name, rej.reason, rej.code)


NOT_REGULAR = "This is not a file or a folder (a device or a pipe, say); we did not read it."


def expand_bytes(data: bytes, name: str, *, limits: ArchiveLimits | None = None) -> Iterator[Item]:
    """Items from an upload held in memory (a single file, a .gz or a zip)."""
    walker = _Walker(limits or ArchiveLimits())
    try:
        yield from walker.blob(name, data, 0)
    except _Stop as stop:
        yield stop.item


def unsafe_name(name: str) -> bool:
    """True for member names that would climb out of the folder they are unpacked into."""
    clean = name.replace("\\", "/")
    if clean.startswith("/") or (len(clean) > 1 and clean[1] == ":"):
        return True
    return ".." in PurePosixPath(clean).parts


class _Walker:
    def __init__(self, limits: ArchiveLimits, known: Container[Fingerprint] = frozenset()):
        self.limits = limits
        self.known = known
        self.total = 0
        self.files = 0

    # --- accounting ---------------------------------------------------------------------------

    def _count_file(self, path: str) -> None:
        self.files += 1
        if self.files > self.limits.max_files:
            raise _Stop(
                SkippedItem(
                    path,
                    f"The upload holds more than {self.limits.max_files} files; we stopped there.",
                    "too_many_files",
                )
            )

    def _count_bytes(self, path: str, n: int) -> None:
        self.total += n
        if self.total > self.limits.max_total_bytes:
            raise _Stop(
                SkippedItem(
                    path,
                    f"The upload unpacks to more than {self.limits.max_total_bytes // 2**30} GB; "
                    "we stopped there.",
                    "too_large",
                )
            )

    # --- sources ------------------------------------------------------------------------------

    def read_file(self, path: Path, shown: str) -> bytes:
        size = path.stat().st_size
        if size > self.limits.max_member_bytes and not zipfile.is_zipfile(path):
            raise _Reject(_too_large(self.limits.max_member_bytes), "too_large")
        # Read no more than the limit, whatever size the file claims (a growing file, a
        # device that says it is empty).
        most = max(size, self.limits.max_member_bytes)
        with open(path, "rb") as fh:
            data = fh.read(most + 1)
        if len(data) > most:
            raise _Reject(_too_large(self.limits.max_member_bytes), "too_large")
        self._count_bytes(shown, len(data))
        return data

    def directory(self, root: Path) -> Iterator[Item]:
        names = []
        for dirpath, dirnames, filenames in os.walk(root):  # does not follow symlinks
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__MACOSX")))
            for f in sorted(filenames):
                full = Path(dirpath, f)
                if full.is_symlink() or not full.is_file():
                    continue
                if _ignored(f) and not _kept_listing(f):
                    continue
                names.append(full.relative_to(root).as_posix())

        def opener(name: str):
            full = root / name
            if zipfile.is_zipfile(full):
                return ("zip", full)
            return ("bytes", self.read_file(full, f"{root.name}/{name}"))

        yield from self._layout(root.name, names, opener, 0)

    def zip(self, path: str, fh, depth: int) -> Iterator[Item]:
        if depth > self.limits.max_depth:
            yield SkippedItem(path, "Archives are nested too deeply inside each other.", "too_deep")
            return
        try:
            zf = zipfile.ZipFile(fh)
        except ZIP_ERRORS:
            yield SkippedItem(path, "The zip archive is damaged and cannot be opened.", "corrupt")
            return
        with zf:
            infos = [i for i in zf.infolist() if i.filename and not i.is_dir()]
            if _overlapping(zf.infolist()):
                yield SkippedItem(
                    path,
                    "This zip archive is built to expand without end (a zip bomb); we did not "
                    "open it.",
                    "zip_bomb",
                )
                return
            by_name: dict[str, zipfile.ZipInfo] = {}
            rejected = []
            for info in infos:
                problem = self._check_member(info)
                if problem:
                    rejected.append(SkippedItem(f"{path}/{info.filename}", *problem))
                elif not _ignored(info.filename):
                    by_name.setdefault(info.filename.replace("\\", "/"), info)
                elif _kept_listing(info.filename):
                    by_name.setdefault(info.filename, info)
            yield from rejected

            def opener(name: str):
                info = by_name[name]
                seen = fingerprint(name, info.file_size, info.CRC)
                if self.known and _activity_name(name) and seen in self.known:
                    return ("known", seen)
                return self._open_member(zf, info, f"{path}/{name}")

            yield from self._layout(path, sorted(by_name), opener, depth)

    def _check_member(self, info: zipfile.ZipInfo) -> tuple[str, str] | None:
        if unsafe_name(info.filename):
            return (
                "This archive member's name points outside the archive (path traversal); "
                "we skipped it.",
                "path_traversal",
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            return ("Links inside archives are not followed.", "symlink")
        if info.flag_bits & 0x1:
            return ("This file is password-protected.", "encrypted")
        if _bomb_ratio(info.file_size, info.compress_size, self.limits):
            return (_BOMB, "zip_bomb")
        return None

    def _open_member(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str):
        """("zip", seekable file) for a nested archive, else ("bytes", data)."""
        limits = self.limits
        with zf.open(info) as member:
            head = member.read(4)
            nested = head[:4] in (b"PK\x03\x04", b"PK\x05\x06")
            cap = limits.max_nested_bytes if nested else limits.max_member_bytes
            if info.file_size > cap:
                raise _Reject(_too_large(cap), "too_large")
            if nested:
                spool = tempfile.TemporaryFile()  # noqa: SIM115 (returned; the caller closes it)
                spool.write(head)
                self._copy(member, spool, shown, cap, info.compress_size)
                spool.seek(0)
                return ("zip", spool)
            buf = io.BytesIO()
            buf.write(head)
            self._copy(member, buf, shown, cap, info.compress_size)
            return ("bytes", buf.getvalue())

    def _copy(self, src, dst, shown: str, cap: int, compressed: int) -> None:
        n = dst.tell()
        self._count_bytes(shown, n)
        while chunk := src.read(CHUNK):
            n += len(chunk)
            self._count_bytes(shown, len(chunk))
            if n > cap:
                raise _Reject(_too_large(cap), "too_large")
            if _bomb_ratio(n, compressed, self.limits):
                raise _Reject(_BOMB, "zip_bomb")
            dst.write(chunk)

    # --- layouts ------------------------------------------------------------------------------

    def _layout(self, prefix: str, names: list[str], opener, depth: int) -> Iterator[Item]:
        csv_name = next(
            (n for n in names if PurePosixPath(n).name.lower() == "activities.csv"), None
        )
        if csv_name is not None:
            root = str(PurePosixPath(csv_name).parent)
            root = "" if root == "." else root + "/"
            if any(n.startswith(root + "activities/") for n in names):
                yield from self._strava(prefix, names, opener, depth, csv_name, root)
                return
        for name in names:
            if garmin.is_summaries(name):
                yield from self._garmin(prefix, name, opener)
        for name in names:
            if _kept_listing(name):
                continue
            yield from self._member(prefix, name, opener, depth, None)

    def _garmin(self, prefix, name, opener) -> Iterator[Item]:
        shown = f"{prefix}/{name}"
        try:
            kind, value = opener(name)
        except (_Reject, *ZIP_ERRORS):
            kind, value = "bytes", b""
        activities = garmin.read_summarized_activities(value) if kind == "bytes" else None
        if activities is None:
            yield SkippedItem(
                shown, "The export's activity summaries could not be read.", "corrupt"
            )
            return
        yield ExportIndex(shown, garmin.GarminIndex(activities))
        for activity in activities:
            if not activity.manual:
                continue
            summary = garmin.manual_summary(activity)
            where = f"{shown}#{activity.activity_id}"
            if summary is None:
                yield SkippedItem(where, "This activity summary has no date or time.", "corrupt")
            else:
                self._count_file(where)
                yield ManualItem(where, summary)

    def _member(self, prefix, name, opener, depth, row: StravaRow | None) -> Iterator[Item]:
        """One member; ``row`` is its line of a Strava export's activities.csv, if any, read
        for the file's name and type only if the file is (not for one already here)."""
        shown = f"{prefix}/{name}"
        self._count_file(shown)
        try:
            kind, value = opener(name)
        except _Reject as rej:
            yield SkippedItem(shown, rej.reason, rej.code)
            return
        except ZIP_ERRORS:
            yield SkippedItem(shown, "This archive member is damaged.", "corrupt")
            return
        if kind == "known":
            yield KnownItem(shown, value)
            return
        if kind == "zip":
            if isinstance(value, Path):
                with open(value, "rb") as fh:
                    yield from self.zip(shown, fh, depth + 1)
            else:
                with value:
                    yield from self.zip(shown, value, depth + 1)
            return
        yield from self.blob(shown, value, depth, row.hint if row else None, listed=True)

    def blob(self, path: str, data: bytes, depth: int, hint=None, listed=False) -> Iterator[Item]:
        """One file's bytes: a zip or a .gz holding a zip is expanded, anything else passed on."""
        kind = detect_format(data)
        if kind == "zip":
            yield from self.zip(path, io.BytesIO(data), depth + 1)
        elif kind == "gz" and _gz_holds_zip(data):
            try:
                spool = self._gunzip_to_file(path, data)
            except _Reject as rej:
                yield SkippedItem(path, rej.reason, rej.code)
                return
            with spool:
                yield from self.zip(path, spool, depth + 1)
        elif kind == "fit" and (ftype := fit.peek_file_type(data)) not in (None, "activity"):
            yield SkippedItem(
                path,
                f"This FIT file holds {ftype.replace('_', ' ')} data from the watch, not a "
                "recorded activity.",
                "not_activity",
            )
        elif (
            kind is None
            and listed
            and PurePosixPath(path.lower()).suffix not in (ACTIVITY_SUFFIXES | {".gz"})
        ):
            return  # an unknown file inside an archive or folder: not ours, say nothing
        else:
            yield FileItem(path, data, hint)

    def _gunzip_to_file(self, path: str, data: bytes):
        """A .gz holding a zip, inflated to a temporary file within the limits."""
        spool = tempfile.TemporaryFile()  # noqa: SIM115 (returned; the caller closes it)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        cap = self.limits.max_nested_bytes
        n = 0
        pending = data
        try:
            while pending and not inflater.eof:
                chunk = inflater.decompress(pending, CHUNK)
                pending = inflater.unconsumed_tail
                n += len(chunk)
                self._count_bytes(path, len(chunk))
                if n > cap:
                    raise _Reject(_too_large(cap), "too_large")
                if _bomb_ratio(n, len(data), self.limits):
                    raise _Reject(_BOMB, "zip_bomb")
                spool.write(chunk)
            spool.write(inflater.flush())
        except zlib.error:
            spool.close()
            raise _Reject("The compressed (.gz) file is damaged.", "corrupt") from None
        except BaseException:
            spool.close()
            raise
        spool.seek(0)
        return spool

    def _strava(self, prefix, names, opener, depth, csv_name, root) -> Iterator[Item]:
        try:
            kind, value = opener(csv_name)
        except (_Reject, *ZIP_ERRORS) as exc:
            reason = getattr(exc, "reason", "activities.csv is damaged.")
            yield SkippedItem(f"{prefix}/{csv_name}", reason, "corrupt")
            kind, value = "bytes", b""
        rows = read_activities_csv(value) if kind == "bytes" else []
        by_file = {root + r.filename: r for r in rows if r.filename}
        present = set(names)
        for row in rows:
            if row.filename and root + row.filename in present:
                continue
            shown = f"{prefix}/{csv_name}#line {row.line}"
            if row.filename:
                warning = (
                    "The export lists a file for this activity but it is missing; we used the "
                    "summary from activities.csv."
                )
            else:
                warning = "Entered by hand on Strava: there is no recorded track."
            summary = manual_summary(row, warning)
            if summary is None:
                yield SkippedItem(shown, "This activities.csv row has no date or time.", "corrupt")
            else:
                self._count_file(shown)
                yield ManualItem(shown, summary)
        for name in names:
            if name.startswith(root + "routes/"):
                yield SkippedItem(
                    f"{prefix}/{name}", "A planned route, not a recorded activity.", "not_activity"
                )
            elif name.startswith(root + "activities/"):
                yield from self._member(prefix, name, opener, depth, by_file.get(name))


_BOMB = "This file expands far more than any activity file does (a zip bomb); we did not unpack it."


def _too_large(cap: int) -> str:
    return f"This file is too large once unpacked (over {cap // 2**20} MB)."


def _bomb_ratio(size: int, compressed: int, limits: ArchiveLimits) -> bool:
    return size > limits.ratio_floor_bytes and size > limits.max_ratio * max(compressed, 1)


def _ignored(name: str) -> bool:
    p = PurePosixPath(name.replace("\\", "/"))
    if any(part.startswith(".") or part == "__MACOSX" for part in p.parts):
        return True
    return p.suffix.lower() in IGNORED_SUFFIXES


def _activity_name(name: str) -> bool:
    """A name an activity file has (``.fit``, ``.gpx.gz``...): the only members ever known."""
    base = name.lower().removesuffix(".gz").rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return dot > 0 and base[dot:] in ACTIVITY_SUFFIXES


def _kept_listing(name: str) -> bool:
    """An export's listing of its activities: Strava's activities.csv, Garmin's summaries."""
    return name.lower().endswith(".csv") or garmin.is_summaries(name)


def _overlapping(infos: list[zipfile.ZipInfo]) -> bool:
    """Members whose data overlap: the trick behind non-recursive zip bombs."""
    spans = sorted((i.header_offset, i.header_offset + 30 + i.compress_size) for i in infos)
    return any(nxt[0] < cur[1] for cur, nxt in zip(spans, spans[1:], strict=False))


def _gz_holds_zip(data: bytes) -> bool:
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 8)
    except zlib.error:
        return False
    return head[:4] in (b"PK\x03\x04", b"PK\x05\x06")


__all__ = [
    "ArchiveLimits",
    "ExportIndex",
    "FileItem",
    "Item",
    "ManualItem",
    "SkippedItem",
    "expand",
    "expand_bytes",
]
