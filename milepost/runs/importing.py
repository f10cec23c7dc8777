"""The import pipeline behind ``services.import_paths``.

- items come lazily from ``formats.expand`` (files, folders, zips, whole exports);
- a file whose sha256 the runner already has is a duplicate at once, without being parsed,
  so importing an export again costs little more than reading it;
- the others are parsed (``reading.read_file``) in a pool of processes when there are many,
  while this process writes, in file order;
- an activity starting within a minute of one already there, with the same distance (within
  3 % or 200 m), is a duplicate too, whatever its format or export;
- each file is one transaction: its original, its activities, their import items and the
  weekly and monthly totals they change commit together or not at all; it locks the
  runner's profile row first (the one lock order, ``accounts/locking.py``) and is run again
  on a deadlock or a serialisation failure.
"""

import hashlib
import logging
import multiprocessing
import os
import time
import zipfile
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils.module_loading import import_string

from milepost.accounts.locking import lock_runner, run_retrying

from .formats import (
    ActivitySummary,
    ArchiveLimits,
    ExportIndex,
    FileItem,
    ManualItem,
    SkippedItem,
    expand,
)
from .models import (
    Activity,
    ImportBatch,
    ImportItem,
    ItemStatus,
    Source,
    SourceFile,
    recompute_totals,
)
from .reading import FileResult, read_file, watch_parent

logger = logging.getLogger(__name__)

MATCH_SECONDS = 60  # same run: starts within a minute...
MATCH_SHARE = 0.03  # ...and distances within 3 %...
MATCH_METRES = 200.0  # ...or within 200 m, whichever is more
FLUSH_SECONDS = 0.5  # how often the batch's progress reaches the database
ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".zip")

Progress = Callable[[int, int], None]  # (files done, files expected: an estimate)


@dataclass
class Entry:
    """What became of one activity of a file (or of a file without any)."""

    path: str
    status: str
    reason: str = ""
    code: str = ""
    activity: Activity | None = None  # the new one, or for a duplicate the one already there

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


def same_distance(a: float | None, b: float | None) -> bool:
    """Within 3 % or 200 m, whichever is more; an activity without distance matches any."""
    if a is None or b is None:
        return True
    return abs(a - b) <= max(MATCH_SHARE * max(a, b), MATCH_METRES)


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
            was_gzip=result.was_gzip,
            data=self.data if result.was_gzip else result.compressed,
        )


class Importer:
    def __init__(self, owner, batch: ImportBatch, progress: Progress | None, expected: int):
        self.owner = owner
        self.profile = owner.profile
        self.batch = batch
        self.progress = progress
        self.expected = expected
        self.report = ImportReport(batch)
        self.files_done = 0
        self.unsaved: list[ImportItem] = []
        self.last_flush = time.monotonic()
        self.limits = archive_limits()
        self.index = None  # a Garmin export's summaries, to name and type its files' runs
        self.known: dict[str, list[Activity]] = defaultdict(list)
        known = Activity.objects.owned_by(owner).exclude(source_hash="")
        for activity in known.order_by("source_hash", "source_index"):
            self.known[activity.source_hash].append(activity)

    # --- the pipeline ---------------------------------------------------------------------

    def run(self, paths: list[Path], executor, window: int) -> None:
        """Reads ahead up to ``window`` files while it writes the oldest, in file order."""
        pending: deque = deque()
        for path in paths:
            if path.is_file() and self._restored(path):  # a pipe or a device is refused below
                continue
            for item in expand(path, limits=self.limits):
                pending.append(self._start(item, executor))
                while pending and (len(pending) > window or pending[0][2].done()):
                    self._finish(*pending.popleft())
        while pending:
            self._finish(*pending.popleft())

    def _restored(self, path: Path) -> bool:
        """Whether ``path`` was a whole Milepost export, given to the restorer
        (``settings.IMPORT_EXPORT_RESTORER``: it lives above the apps an export holds)."""
        if not settings.IMPORT_EXPORT_RESTORER:
            return False
        entries = import_string(settings.IMPORT_EXPORT_RESTORER)(self.owner, path)
        if entries is None:
            return False
        for entry in entries:
            self._add(entry)
            activity = entry.activity
            if entry.status == ItemStatus.IMPORTED and activity and activity.source_hash:
                self.known[activity.source_hash].append(activity)
        self.files_done += 1
        self.report.files = self.files_done
        self.flush()
        return True

    def _start(self, item, executor) -> tuple:
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
        elif digest in self.known:
            self._add_duplicates_of_file(item.path, digest)
        else:
            result: FileResult = future.result()
            if result.code:
                self._add(_problem(item.path, result.reason, result.code))
            else:
                summaries = result.summaries
                if self.index is not None:
                    summaries = [self.index.link(summary) for summary in summaries]
                original = _Original(item.path, item.data, digest, result)
                self._summaries(item.path, summaries, original)
        self.files_done += 1
        self.report.files = self.files_done
        if time.monotonic() - self.last_flush >= FLUSH_SECONDS:
            self.flush()
        if self.progress:
            self.progress(self.files_done, max(self.expected, self.files_done))

    # --- deciding ---------------------------------------------------------------------------

    def _add_duplicates_of_file(self, path: str, digest: str) -> None:
        for activity in self.known[digest]:
            reason = (
                f"This file is already in your runs: {self._describe(activity)}, imported "
                "from the very same file."
            )
            self._add(Entry(path, ItemStatus.DUPLICATE, reason, "same_file", activity))

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
            self._write(new, original)
        for entry in entries:
            self._add(entry, saved=entry.status == ItemStatus.IMPORTED)

    def _match(self, summary: ActivitySummary) -> Activity | None:
        nearby = Activity.objects.owned_by(self.owner).near(summary.start, MATCH_SECONDS)
        for pk, metres in nearby.order_by("start").values_list("pk", "distance_m"):
            if same_distance(metres, summary.distance_m):
                return Activity.objects.get(pk=pk)
        return None

    def _describe(self, activity: Activity) -> str:
        return activity.describe(self.profile.units)

    # --- writing ----------------------------------------------------------------------------

    def _write(self, new: list, original: _Original | None) -> None:
        """One file, one transaction: original, activities, their items and totals (run
        again on a deadlock or a serialisation failure)."""
        try:
            activities = run_retrying(self._store, new, original)
        except (IntegrityError, ValidationError) as exc:
            self._unwritten(new, original, exc)
            return
        if original:
            self.known[original.sha256] = activities

    def _store(self, new: list, original: _Original | None) -> list[Activity]:
        lock_runner(self.owner.pk)  # the one lock order: accounts/locking.py
        source_file = original.source_file(self.owner) if original else None
        if source_file:
            source_file.save()
        activities = [
            Activity.from_summary(
                summary,
                owner=self.owner,
                runner_zone=self.profile.zone,
                source=Source.FILE if original else _SUMMARY_SOURCES[summary.source_format],
                source_file_id=source_file.pk if source_file else None,
                source_hash=original.sha256 if original else "",
                source_index=index,
            )
            for index, summary, _, _ in new
        ]
        for activity in activities:
            activity.full_clean(
                exclude=["owner", "source_file"],  # known good; skips two queries
                validate_unique=False,
                validate_constraints=False,
            )
        Activity.objects.bulk_create(activities)
        items = []
        for (_, _, entry, position), activity in zip(new, activities, strict=True):
            entry.activity = activity
            items.append(self._item(entry, position))
        ImportItem.objects.bulk_create(items)
        recompute_totals(self.owner.pk, [a.local_date for a in activities if a.is_run])
        return activities

    def _unwritten(self, new: list, original: _Original | None, exc: Exception) -> None:
        for _, _, entry, _ in new:
            entry.activity = None
            if isinstance(exc, IntegrityError):  # another import wrote the same file just now
                entry.status, entry.code = ItemStatus.DUPLICATE, "same_file"
                entry.reason = "This file was imported by another import running at the same time."
            else:
                entry.status, entry.code = ItemStatus.REJECTED, "invalid"
                entry.reason = f"The file holds values Milepost cannot store: {_messages(exc)}"

    def _add(self, entry: Entry, saved: bool = False) -> None:
        position = len(self.report.entries)
        self.report.entries.append(entry)
        if not saved:
            self.unsaved.append(self._item(entry, position))

    def _item(self, entry: Entry, position: int) -> ImportItem:
        return ImportItem(
            batch=self.batch,
            position=position,
            path=entry.path[-1000:],
            status=entry.status,
            code=entry.code,
            reason=entry.reason,
            activity=entry.activity,
        )

    def flush(self) -> None:
        """Saves the items not saved with their activity, and the batch's progress."""
        ImportItem.objects.bulk_create(self.unsaved)
        self.unsaved = []
        self.batch.record_progress(self.files_done, self.report.totals)
        self.last_flush = time.monotonic()


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
