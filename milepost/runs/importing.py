"""The import pipeline behind ``services.import_paths``.

- items come lazily from ``formats.expand`` (files, folders, zips, whole exports);
- a file whose sha256 the runner already has is a duplicate at once, without being parsed,
  and a zip member whose name, size and CRC-32 (as the zip lists them) are an original's is
  one without even being read, so importing an export again costs little more than opening
  it;
- the others are parsed (``reading.read_file``) in a pool of processes when there are many,
  while this process writes, in file order;
- an activity starting within a minute of one already there, with the same distance (within
  3 % or 200 m), is a duplicate too, whatever its format or export (``matching.py``);
- files are written in groups (``GROUP_FILES`` or ``GROUP_BYTES`` at most, and at least
  every ``FLUSH_SECONDS``), one transaction per group: each file's original, its activities and
  their import items, and the weekly and monthly totals of the group's days, commit
  together or not at all, so a crash leaves only whole files. A group locks the runner's
  profile row first (the one lock order, ``accounts/locking.py``) and is run again on a
  deadlock or a serialisation failure; a group the database refuses (another import wrote
  one of its files just now, a value it cannot store) is written again file by file, each
  in its own transaction, so only the bad file is left out, with its reason.
"""

import hashlib
import logging
import multiprocessing
import os
import time
import zipfile
import zlib
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction
from django.utils.module_loading import import_string

from milepost.accounts.locking import lock_runner, run_retrying

from .formats import (
    ActivitySummary,
    ArchiveLimits,
    ExportIndex,
    FileItem,
    Fingerprint,
    KnownItem,
    ManualItem,
    SkippedItem,
    expand,
    fingerprint,
)
from .matching import MATCH_SECONDS, Starts, same_distance
from .models import (
    NAMING_FIELDS,
    Activity,
    ImportBatch,
    ImportItem,
    ItemStatus,
    Naming,
    Source,
    SourceFile,
    recompute_totals,
)
from .reading import FileResult, read_file, watch_parent

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 0.5  # how often the batch's progress (and the files decided) reach the database
GROUP_FILES = 25  # files written in one transaction at most: a commit each is dear...
GROUP_BYTES = 32 * 2**20  # ...and originals held for it at most (a few long runs)
ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".zip")

Progress = Callable[[int, int], None]  # (files done, files expected: an estimate)


class Entry:
    """What became of one activity of a file (or of a file without any): ``activity`` is the
    new one, or for a duplicate the one already there. A duplicate of a whole file may know
    its run by id alone (an export given again holds thousands): it is loaded when asked for,
    and ``ImportReport.to_dict`` loads them all in one query."""

    __slots__ = ("path", "status", "reason", "code", "activity_id", "_activity")

    def __init__(
        self,
        path: str,
        status: str,
        reason: str = "",
        code: str = "",
        activity: Activity | None = None,
        *,
        activity_id: int | None = None,
    ):
        self.path, self.status, self.reason, self.code = path, status, reason, code
        self._activity, self.activity_id = None, activity_id
        if activity is not None:
            self.activity = activity

    @property
    def activity(self) -> Activity | None:
        if self._activity is None and self.activity_id is not None:
            self._activity = Activity.objects.get(pk=self.activity_id)
        return self._activity

    @activity.setter
    def activity(self, activity: Activity | None) -> None:
        self._activity = activity
        self.activity_id = activity.pk if activity is not None else None

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "status": self.status,
            "reason": self.reason,
            "activity": self.activity.to_dict() if self.activity else None,
        }


@dataclass
class ImportReport:
    batch: ImportBatch
    entries: list[Entry] = field(default_factory=list)
    files: int = 0
    points: int = 0

    @property
    def totals(self) -> dict[str, int]:
        totals = dict.fromkeys(ItemStatus.values, 0)
        for entry in self.entries:
            totals[entry.status] += 1
        return totals

    def to_dict(self) -> dict:
        """One entry per activity: a file holding several (multisport legs) gives several
        entries with the same path; a file with none gives one entry, activity null."""
        by_id = [e for e in self.entries if e._activity is None and e.activity_id is not None]
        loaded = Activity.objects.in_bulk({e.activity_id for e in by_id})
        for entry in by_id:
            entry.activity = loaded.get(entry.activity_id)
        return {"files": [e.to_dict() for e in self.entries], "totals": self.totals}


def archive_limits() -> ArchiveLimits:
    return ArchiveLimits(
        max_total_bytes=settings.IMPORT_MAX_UNPACKED_MB * 2**20,
        max_member_bytes=settings.IMPORT_MAX_FILE_MB * 2**20,
        max_files=settings.IMPORT_MAX_FILES,
    )


def estimate_files(paths: list[Path]) -> int:
    """About how many files the paths hold (archives nested in archives count as one)."""
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if _activity_name(p.name) and p.is_file())
        elif path.is_file() and zipfile.is_zipfile(path):  # never opens a pipe or a device
            try:
                with zipfile.ZipFile(path) as zf:
                    names = [i.filename for i in zf.infolist() if not i.is_dir()]
            except (zipfile.BadZipFile, OSError, ValueError):
                names = [path.name]
            total += sum(1 for n in names if _activity_name(n))
        else:
            total += 1
    return total


def _activity_name(name: str) -> bool:
    return PurePosixPath(name.lower().removesuffix(".gz")).suffix in ACTIVITY_SUFFIXES


def record_failure(batch: ImportBatch, importer: "Importer | None", exc: BaseException) -> None:
    try:
        if importer:
            importer.flush()
    except Exception:
        logger.exception("Could not save the last items of import %s", batch.pk)
    reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"{type(exc).__name__}"
    try:
        batch.fail(f"The import stopped ({reason}); the files before it are in.")
    except Exception:
        logger.exception("Could not mark import %s as failed", batch.pk)


class _InlineExecutor:
    """Runs each job at once in this process: the pool for small imports and tests."""

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:
            future.set_exception(exc)
        return future


@contextmanager
def executor(processes: int) -> Iterator:
    if processes <= 1:
        yield _InlineExecutor()
        return
    # spawn: fresh processes hold no copy of this one's database connection or threads.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        processes, mp_context=context, initializer=watch_parent, initargs=(os.getpid(),)
    )
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


@dataclass(frozen=True)
class _Original:
    path: str
    data: bytes
    sha256: str
    result: FileResult

    def source_file(self, owner) -> SourceFile:
        result = self.result
        return SourceFile(
            owner=owner,
            sha256=self.sha256,
            name=self.path[-1000:],
            size=len(self.data),
            crc32=zlib.crc32(self.data),
            was_gzip=result.was_gzip,
            data=self.data if result.was_gzip else result.compressed,
        )


@dataclass
class _Decided:
    """A file whose activities are built and checked, waiting for its group's transaction:
    ``activities[i]`` is written with the item of ``entries[i]``, at ``positions[i]``."""

    original: _Original | None
    activities: list[Activity]
    entries: list[Entry]
    positions: list[int]
    first_position: int  # of the file's first entry in the report
    files_before: int  # files done before it


class Importer:
    def __init__(self, owner, batch: ImportBatch, progress: Progress | None, expected: int):
        self.owner = owner
        self.profile = owner.profile
        self.batch = batch
        self.progress = progress
        self.expected = expected
        self.report = ImportReport(batch)
        self.files_done = 0
        self.unsaved: list[_Item] = []
        self.last_flush = time.monotonic()
        self.limits = archive_limits()
        self.index = None  # a Garmin export's summaries, to name and type its files' runs
        # The runs already here from each original (by its sha256), as (id, naming): plain
        # values, not Activities (3,000 of those take 50 ms to load, for an export given again).
        self.known: dict[str, list[tuple[int, Naming]]] = defaultdict(list)
        known = Activity.objects.owned_by(owner).exclude(source_hash="")
        rows = known.order_by("source_hash", "source_index").values_list(
            "pk", "source_hash", *NAMING_FIELDS
        )
        for pk, digest, *naming in rows:
            self.known[digest].append((pk, Naming(*naming)))
        self.known_members = self._known_members()
        self.starts = Starts(owner)
        self.starts.read()
        self.group: list[_Decided] = []  # decided, not yet written
        self.grouped: set[str] = set()  # the sha256 of the group's originals
        self.group_bytes = 0  # their size, with their compressed copy

    # --- the pipeline ---------------------------------------------------------------------

    def run(self, paths: list[Path], executor, window: int) -> None:
        """Reads ahead up to ``window`` files while it decides the oldest, in file order."""
        pending: deque = deque()
        for path in paths:
            if path.is_file() and self._restored(path):  # a pipe or a device is refused below
                continue
            for item in expand(path, limits=self.limits, known=self.known_members):
                pending.append(self._start(item, executor))
                while pending and (len(pending) > window or pending[0][2].done()):
                    self._finish(*pending.popleft())
        while pending:
            self._finish(*pending.popleft())

    def _known_members(self) -> dict[Fingerprint, str]:
        """The sha256 of each original whose runs are here, by what a zip lists of it: the
        same export given again is recognised without inflating and hashing every file."""
        files = SourceFile.objects.filter(owner=self.owner, crc32__isnull=False)
        return {
            fingerprint(name, size, crc32): sha256
            for name, size, crc32, sha256 in files.values_list("name", "size", "crc32", "sha256")
            if sha256 in self.known
        }

    def _restored(self, path: Path) -> bool:
        """Whether ``path`` was a whole Milepost export, given to the restorer
        (``settings.IMPORT_EXPORT_RESTORER``: it lives above the apps an export holds)."""
        if not settings.IMPORT_EXPORT_RESTORER:
            return False
        if self.group and zipfile.is_zipfile(path):  # maybe an export: what came before
            self._write_group()  # goes in first, for the restorer to match
        entries = import_string(settings.IMPORT_EXPORT_RESTORER)(self.owner, path)
        if entries is None:
            return False
        for entry in entries:
            self._add(entry)
            activity = entry.activity
            if entry.status == ItemStatus.IMPORTED and activity and activity.source_hash:
                self.known[activity.source_hash].append((activity.pk, activity.naming))
        self.starts.read()
        self.files_done += 1
        self.report.files = self.files_done
        self.flush()
        return True

    def _start(self, item, executor) -> tuple:
        if isinstance(item, KnownItem):
            return item, self.known_members[item.fingerprint], _done(None)
        if not isinstance(item, FileItem):
            return item, "", _done(None)
        digest = hashlib.sha256(item.data).hexdigest()
        if digest in self.known:
            return item, digest, _done(None)
        max_bytes = self.limits.max_member_bytes
        return item, digest, executor.submit(read_file, item.path, item.data, item.hint, max_bytes)

    def _finish(self, item, digest: str, future: Future) -> None:
        if isinstance(item, ExportIndex):
            self.index = item.index  # not a file: nothing to report
            return
        if isinstance(item, SkippedItem):
            self._add(_problem(item.path, item.reason, item.code))
        elif isinstance(item, ManualItem):
            self._summaries(item.path, [item.summary], None)
        else:
            if digest in self.grouped:  # the same file earlier in the group: in it goes first
                self._write_group()
            self._file(item, digest, future)
        self.files_done += 1
        self.report.files = self.files_done
        if time.monotonic() - self.last_flush >= FLUSH_SECONDS:
            self.flush()
        elif len(self.group) >= GROUP_FILES or self.group_bytes >= GROUP_BYTES:
            self._write_group()
        if self.progress:
            self.progress(self.files_done, max(self.expected, self.files_done))

    def _file(self, item: FileItem | KnownItem, digest: str, future: Future) -> None:
        if digest in self.known:
            self._add_duplicates_of_file(item.path, digest)
            return
        result: FileResult = future.result()
        if result.code:
            self._add(_problem(item.path, result.reason, result.code))
            return
        summaries = result.summaries
        if self.index is not None:
            summaries = [self.index.link(summary) for summary in summaries]
        self._summaries(item.path, summaries, _Original(item.path, item.data, digest, result))

    # --- deciding ---------------------------------------------------------------------------

    def _add_duplicates_of_file(self, path: str, digest: str) -> None:
        for pk, naming in self.known[digest]:
            reason = (
                f"This file is already in your runs: {naming.describe(self.profile.units)}, "
                "imported from the very same file."
            )
            self._add(Entry(path, ItemStatus.DUPLICATE, reason, "same_file", activity_id=pk))

    def _summaries(
        self, path: str, summaries: Iterable[ActivitySummary], original: _Original | None
    ) -> None:
        entries, new = [], []
        first = len(self.report.entries)
        for index, summary in enumerate(summaries):
            self.report.points += summary.point_count
            if summary.sport == "transition":
                entries.append(
                    Entry(
                        path,
                        ItemStatus.SKIPPED,
                        "A transition between the legs of a multisport activity, not an "
                        "activity of its own.",
                        "transition",
                    )
                )
            elif existing := self._match(summary):
                reason = (
                    f"The same activity as {self._describe(existing)}, already in your runs "
                    "(it starts within a minute of it and is as long)."
                )
                entries.append(Entry(path, ItemStatus.DUPLICATE, reason, "same_run", existing))
            else:
                entry = Entry(path, ItemStatus.IMPORTED, " ".join(summary.warnings))
                new.append((index, summary, entry, first + len(entries)))
                entries.append(entry)
        if new:
            self._decide(new, original, first)
        for entry in entries:
            self._add(entry, saved=entry.status == ItemStatus.IMPORTED)

    def _match(self, summary: ActivitySummary) -> Activity | None:
        """The activity already there that ``summary`` repeats, if any (``matching.py``)."""
        for at, metres, ref in self.starts.near(summary.start, MATCH_SECONDS):
            if not same_distance(metres, summary.distance_m):
                continue
            if isinstance(ref, Activity):
                if ref.pk is None:  # decided earlier in the group: write the group, look again
                    self._write_group()
                    return self._match(summary)
                return ref
            if activity := Activity.objects.filter(pk=ref).first():
                return activity
            self.starts.remove(at, ref)  # deleted meanwhile
        return None

    def _decide(self, new: list, original: _Original | None, first: int) -> None:
        """Builds and checks the file's new activities, and adds it to the group."""
        activities = [
            Activity.from_summary(
                summary,
                owner=self.owner,
                runner_zone=self.profile.zone,
                source=Source.FILE if original else _SUMMARY_SOURCES[summary.source_format],
                source_hash=original.sha256 if original else "",
                source_index=index,
            )
            for index, summary, _, _ in new
        ]
        entries = [entry for _, _, entry, _ in new]
        try:
            for activity in activities:
                activity.full_clean(
                    exclude=["owner", "source_file"],  # known good; skips two queries
                    validate_unique=False,
                    validate_constraints=False,  # the database's, when the group is written
                )
        except ValidationError as exc:
            _refuse(entries, exc)
            return
        positions = [position for _, _, _, position in new]
        self.group.append(
            _Decided(original, activities, entries, positions, first, self.files_done)
        )
        if original:
            self.grouped.add(original.sha256)
            self.group_bytes += len(original.data) + len(original.result.compressed)
        for activity in activities:
            self.starts.add(activity.start, activity.distance_m, activity)

    def _describe(self, activity: Activity) -> str:
        return activity.describe(self.profile.units)

    # --- writing ----------------------------------------------------------------------------

    def _write_group(self) -> None:
        """The files decided so far, in one transaction (run again on a deadlock or a
        serialisation failure); if the database refuses it, file by file."""
        group, self.group = self.group, []
        self.grouped.clear()
        self.group_bytes = 0
        unwritten = group
        try:
            if group and not self._stored(group) and len(group) > 1:
                for n, decided in enumerate(group):
                    unwritten = group[n:]
                    self._stored([decided])
        except BaseException:
            self._lose(unwritten)
            raise

    def _stored(self, group: list[_Decided]) -> bool:
        try:
            run_retrying(self._store, group)
        except (IntegrityError, DataError) as exc:
            if len(group) == 1:
                self._unwritten(group[0], exc)
            return False
        for decided in group:
            if decided.original:
                known = [(activity.pk, activity.naming) for activity in decided.activities]
                self.known[decided.original.sha256] = known
            for activity in decided.activities:
                self.starts.written(activity)
        return True

    def _store(self, group: list[_Decided]) -> None:
        lock_runner(self.owner.pk)  # the one lock order: accounts/locking.py
        self.starts.read()  # runs entered by hand meanwhile, for the files decided next
        files = [decided.original.source_file(self.owner) for decided in group if decided.original]
        SourceFile.objects.bulk_create(files)  # their ids come back (SQLite, PostgreSQL)
        file_ids = iter(source_file.pk for source_file in files)
        activities, items = [], []
        for decided in group:
            file_id = next(file_ids) if decided.original else None
            for activity in decided.activities:
                activity.pk, activity.source_file_id = None, file_id  # afresh on a retry
                activities.append(activity)
        Activity.objects.bulk_create(activities)
        for decided in group:
            for activity, entry, position in zip(
                decided.activities, decided.entries, decided.positions, strict=True
            ):
                entry.activity = activity
                items.append(self._item(entry, position))
        _insert_items(items)
        recompute_totals(self.owner.pk, {a.local_date for a in activities if a.is_run})

    def _unwritten(self, decided: _Decided, exc: Exception) -> None:
        """A file the database refused: reported with the reason, its items saved later."""
        original = decided.original
        if isinstance(exc, IntegrityError) and original:
            there = SourceFile.objects.filter(owner=self.owner, sha256=original.sha256)
            if there.exists():  # another import wrote the same file just now
                exc = _SameFile()
        _refuse(decided.entries, exc)
        for activity in decided.activities:
            self.starts.remove(activity.start.timestamp(), activity)
        for entry, position in zip(decided.entries, decided.positions, strict=True):
            self.unsaved.append(self._item(entry, position))

    def _lose(self, group: list[_Decided]) -> None:
        """A group that could not be written as the import stops: the report ends before
        its first file, as the batch's record does."""
        if not group:
            return
        cut = group[0].first_position
        del self.report.entries[cut:]
        self.unsaved = [item for item in self.unsaved if item.position < cut]
        self.files_done = self.report.files = group[0].files_before

    def _add(self, entry: Entry, saved: bool = False) -> None:
        position = len(self.report.entries)
        self.report.entries.append(entry)
        if not saved:
            self.unsaved.append(self._item(entry, position))

    def _item(self, entry: Entry, position: int) -> "_Item":
        return _Item(
            self.batch.pk,
            position,
            entry.path[-1000:],
            str(entry.status),  # the value, not the enum member: what a driver stores
            entry.code,
            entry.reason,
            entry.activity_id,
        )

    def flush(self) -> None:
        """Writes the files decided, the items not saved with their activity, and the
        batch's progress."""
        self._write_group()
        _insert_items(self.unsaved)
        self.unsaved = []
        self.batch.record_progress(self.files_done, self.report.totals)
        self.last_flush = time.monotonic()


class _Item(NamedTuple):
    """An ImportItem's row, as plain values."""

    batch_id: int
    position: int
    path: str
    status: str
    code: str
    reason: str
    activity_id: int | None


def _insert_items(items: list[_Item]) -> None:
    """ImportItems in one executemany: an export given again writes thousands, and
    bulk_create would prepare each value of each row through its field (20 µs a row, more
    than the rest of the re-import) and read back ids nobody needs."""
    if not items:
        return
    meta, quote = ImportItem._meta, connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in _Item._fields)
    marks = ", ".join(["%s"] * len(_Item._fields))
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:  # one commit
        cursor.executemany(
            f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks})", items
        )


class _SameFile(Exception):
    """Another import wrote the same file just now."""


def _refuse(entries: list[Entry], exc: Exception) -> None:
    for entry in entries:
        entry.activity = None
        if isinstance(exc, _SameFile):
            entry.status, entry.code = ItemStatus.DUPLICATE, "same_file"
            entry.reason = "This file was imported by another import running at the same time."
        else:
            entry.status, entry.code = ItemStatus.REJECTED, "invalid"
            entry.reason = f"The file holds values Milepost cannot store: {_messages(exc)}"


_SUMMARY_SOURCES = {"strava_csv": Source.STRAVA_CSV, "garmin_json": Source.GARMIN_JSON}


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def _problem(path: str, reason: str, code: str) -> Entry:
    # Routes, watch settings and wellness files are fine files, just not activities.
    status = ItemStatus.SKIPPED if code == "not_activity" else ItemStatus.REJECTED
    return Entry(path, status, reason, code)


def _messages(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return str(exc)


# Uploads -----------------------------------------------------------------------------------
