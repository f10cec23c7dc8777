"""Run operations shared by the web views, the import task and the CLI: importing files
(the pipeline itself is in ``importing.py``), uploads, runs entered by hand, edits, deletes."""

import os
import secrets
import shutil
from collections.abc import Iterable
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.move import file_move_safe
from django.db import transaction
from django.utils.text import get_valid_filename
from django_tasks import task

from milepost import clock
from milepost.accounts import pagecache
from milepost.accounts.locking import lock_runner, retrying
from milepost.runmath.units import run_day_problem

from .importing import (
    Entry,
    Importer,
    ImportReport,
    Progress,
    estimate_files,
    executor,
    record_failure,
)
from .models import (
    UPLOADED_NAMES_KEPT,
    Activity,
    BatchStatus,
    ImportBatch,
    ItemStatus,
    Source,
    SourceFile,
    recompute_totals,
)

POOL_MIN_FILES = 16  # below this, starting worker processes costs more than it saves


def import_paths(
    *,
    owner,
    paths: Iterable[str | os.PathLike],
    progress: Progress | None = None,
    batch: ImportBatch | None = None,
    processes: int | None = None,
) -> ImportReport:
    """Import files, folders and archives into ``owner``'s runs, recording it in ``batch``
    (a new command-line batch when None). Bad files are reported, never raised."""
    paths = [Path(p) for p in paths]
    if batch is None:
        batch = ImportBatch.objects.create(
            owner=owner, via="cli", uploaded=[p.name for p in paths][:UPLOADED_NAMES_KEPT]
        )
    importer = None
    try:
        expected = estimate_files(paths)
        batch.begin(expected)
        importer = Importer(owner, batch, progress, expected)
        processes = settings.IMPORT_PROCESSES if processes is None else processes
        if expected < POOL_MIN_FILES:
            processes = 1
        with executor(processes) as pool:
            importer.run(paths, pool, window=max(2, 4 * processes))
        importer.flush()
    except BaseException as exc:
        record_failure(batch, importer, exc)
        raise
    batch.finish(importer.report.totals, importer.files_done)
    return importer.report


@transaction.atomic
def start_upload(*, owner, files: list) -> ImportBatch:
    """Keeps the uploaded files in the batch's private folder and queues the import."""
    batch = ImportBatch.objects.create(
        owner=owner,
        via="web",
        uploaded=[f.name[:200] for f in files[:UPLOADED_NAMES_KEPT]],
        folder=f"upload-{secrets.token_hex(12)}",
    )
    folder = batch.upload_dir
    folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.mkdir(mode=0o700)
    try:
        for n, upload in enumerate(files):
            _keep_upload(upload, folder / f"{n:05d}" / upload_name(upload.name))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    # The database backend queues the task in this transaction: both or neither.
    import_batch.enqueue(batch.pk)
    return batch


def _keep_upload(upload, target: Path) -> None:
    target.parent.mkdir(mode=0o700)
    if hasattr(upload, "temporary_file_path"):
        file_move_safe(upload.temporary_file_path(), target)
    else:
        with open(target, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    target.chmod(0o600)


def upload_name(name: str) -> str:
    """A safe file name for an upload, keeping what the runner will recognise."""
    base = PurePosixPath(name.replace("\\", "/")).name
    try:
        safe = get_valid_filename(base)
    except Exception:  # SuspiciousFileOperation for "", "." and ".."
        safe = ""
    if not safe or safe.startswith("."):
        safe = "upload" + safe
    if len(safe) > 120:
        stem, dot, suffix = safe.rpartition(".")
        safe = f"{stem[:100]}.{suffix[:15]}" if dot else safe[:120]
    return safe


def upload_paths(batch: ImportBatch) -> list[Path]:
    folder = batch.upload_dir
    if not folder.is_dir():
        return []
    return [p for d in sorted(folder.iterdir()) if d.is_dir() for p in sorted(d.iterdir())]


@task()
def import_batch(batch_id: int) -> dict[str, int]:
    """Imports an upload in the background: closing the browser tab does not stop it. The
    runner's nudges are worked out again by the worker's next periodic check (the dashboard
    works them out as it reads until then)."""
    batches = ImportBatch.objects.select_related("owner__profile")
    batch = batches.filter(pk=batch_id, status=BatchStatus.QUEUED).first()
    if batch is None:
        return {}
    return run_batch(batch).totals


@transaction.atomic
def resume_batch(*, batch: ImportBatch) -> bool:
    """Queues an interrupted upload again, from the start: what the interrupted run imported
    is in the runner's runs already, so this time it shows as already there, never twice.
    False when the batch is not one to resume (finished, still alive, its files gone)."""
    if not batch.resumable:
        return False
    claimed = ImportBatch.objects.filter(
        pk=batch.pk, status=BatchStatus.RUNNING, heartbeat=batch.heartbeat
    ).update(status=BatchStatus.QUEUED, heartbeat=clock.now(), done_files=0, error="")
    if not claimed:
        return False  # resumed just now by another click, or it came back to life
    batch.items.all().delete()
    ImportBatch.objects.filter(pk=batch.pk).update(**dict.fromkeys(ItemStatus.values, 0))
    import_batch.enqueue(batch.pk)
    return True


def run_batch(batch: ImportBatch) -> ImportReport:
    """The upload task: import what was uploaded, then remove the uploaded copies."""
    try:
        paths = upload_paths(batch)
        return import_paths(owner=batch.owner, paths=paths, batch=batch)
    finally:
        shutil.rmtree(batch.upload_dir, ignore_errors=True)


# One activity ------------------------------------------------------------------------------


@retrying
def record_run(
    *,
    owner,
    on: date,
    distance_m: float,
    duration_s: float,
    start_time: clock_time | None = None,
    name: str = "",
    feeling: int | None = None,
    feeling_note: str = "",
    is_race: bool = False,
    longest_continuous_m: float | None = None,
) -> Activity:
    """A run entered by hand (no watch): on ``on`` in the runner's time zone;
    ``longest_continuous_m`` is the furthest run without walking (the whole run, or a part)."""
    lock_runner(owner.pk)  # the one lock order: accounts/locking.py
    check_run_day(on, owner.profile)
    zone = owner.profile.zone
    start = datetime.combine(on, start_time or clock_time(12, 0), tzinfo=zone).astimezone(UTC)
    activity = Activity(
        owner=owner,
        start=start,
        time_zone=zone.key,
        sport="run",
        is_run=True,
        distance_m=distance_m,
        elapsed_s=duration_s,
        moving_s=duration_s,
        name=name,
        source=Source.MANUAL,
        feeling=feeling,
        feeling_note=feeling_note,
        is_race=is_race,
        longest_continuous_run_m=longest_continuous_m,
        created=clock.now(),
    )
    activity.fill_local_date()
    # Field checks only: the database holds the constraints, and the owner is the logged-in
    # runner (checking either again costs a query each).
    activity.full_clean(exclude=["owner"], validate_unique=False, validate_constraints=False)
    activity.save()
    recompute_totals(owner.pk, [activity.local_date])
    return activity


def check_run_day(on: date, profile) -> None:
    """A run's day: from 1980 to the runner's tomorrow; else a ``ValidationError``."""
    if problem := run_day_problem(on, profile.today()):
        raise ValidationError({"on": problem})


@transaction.atomic
def save_activity(*, activity: Activity, fields: Iterable[str]) -> Activity:
    """Saves edited fields (name, sport, is_race) and the totals they change."""
    lock_runner(activity.owner_id)
    activity.is_run = activity.sport == "run"
    activity.full_clean(validate_unique=False)
    activity.save(update_fields={*fields, "is_run"})
    recompute_totals(activity.owner_id, [activity.local_date])
    return activity


@transaction.atomic
def correct_run(
    *,
    activity: Activity,
    on: date,
    distance_m: float,
    duration_s: float,
    start_time: clock_time | None,
    name: str,
    sport: str,
    is_race: bool,
    longest_continuous_m: float | None,
) -> Activity:
    """A run entered by hand, corrected: its day, distance and time too, and the totals of
    both the day it was on and the day it is on now."""
    lock_runner(activity.owner_id)
    if on != activity.local_date:
        check_run_day(on, activity.owner.profile)
    old_day = activity.local_date
    zone = activity.zone
    start = datetime.combine(on, start_time or activity.local_start.time(), tzinfo=zone)
    activity.start = start.astimezone(UTC)
    activity.distance_m = distance_m
    activity.elapsed_s = activity.moving_s = duration_s
    activity.name, activity.sport, activity.is_race = name, sport, is_race
    activity.is_run = sport == "run"
    activity.longest_continuous_run_m = longest_continuous_m
    activity.fill_local_date()
    activity.full_clean(validate_unique=False)
    activity.save()
    recompute_totals(activity.owner_id, [old_day, activity.local_date])
    return activity


@transaction.atomic
def answer_race(*, activity: Activity, was_race: bool) -> Activity:
    """The runner's answer to "Was this a race?": a race counts as one (feasibility, progress
    toward race goals, nudges); either way the question is not asked again."""
    lock_runner(activity.owner_id)
    activity.is_race, activity.race_answered = was_race, True
    activity.save(update_fields=["is_race", "race_answered"])
    pagecache.mark_changed(activity.owner_id)
    return activity


@transaction.atomic
def save_feeling(*, activity: Activity) -> Activity:
    """How the run felt: it changes no total, only these two columns (and what the runner's
    pages and nudges read from them)."""
    lock_runner(activity.owner_id)
    activity.save(update_fields=["feeling", "feeling_note"])
    pagecache.mark_changed(activity.owner_id)
    return activity


@transaction.atomic
def delete_activity(*, activity: Activity) -> None:
    """Deletes the activity, its original file once no activity needs it, and fixes totals."""
    lock_runner(activity.owner_id)
    owner_id, day, source_file_id = activity.owner_id, activity.local_date, activity.source_file_id
    activity.delete()
    if source_file_id and not Activity.objects.filter(source_file_id=source_file_id).exists():
        SourceFile.objects.filter(pk=source_file_id).delete()
    recompute_totals(owner_id, [day])


__all__ = [
    "Entry",
    "ImportReport",
    "correct_run",
    "delete_activity",
    "estimate_files",
    "import_paths",
    "record_run",
    "run_batch",
    "save_activity",
    "start_upload",
]
