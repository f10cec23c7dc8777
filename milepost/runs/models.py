"""Runs: activity summaries (never trackpoints), their original files, weekly and monthly
totals, and the import batches that bring them in (DESIGN §3)."""

import gzip
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import timezone as fixed_zone

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse

from milepost import clock
from milepost.accounts import pagecache
from milepost.runmath.units import BEST_EFFORT_DISTANCES, NAMED, format_distance, week_start

from .formats import ActivitySummary
from .racelike import looks_like_race, named_like_race
from .zones import zone_at

# How far back the runner's usual pace is read, to tell a run done hard.
USUAL_PACE_DAYS = 90
SPORT_WORDS = {"swimming": "swim", "cycling": "ride", "walking": "walk", "hiking": "hike"}


class Source(models.TextChoices):
    FILE = "file", "Activity file"
    MANUAL = "manual", "Entered by hand"
    STRAVA_CSV = "strava_csv", "Strava export (summary only)"
    GARMIN_JSON = "garmin_json", "Garmin export (summary only)"


class Feeling(models.IntegerChoices):
    TOUGH = 1, "Tough"
    MEH = 2, "Meh"
    OK = 3, "OK"
    GOOD = 4, "Good"
    GREAT = 5, "Great"


class SourceFile(models.Model):
    """The original bytes of an imported file, gzip-compressed, so summaries can be recomputed.

    Kept in the database rather than under MILEPOST_DATA_DIR: the file, its activities and the
    weekly totals then commit or roll back together (an import's transaction per group of
    files), a server with a separate task worker needs no shared disk, deleting a runner
    deletes their files, and a backup of the database is a backup of everything. Activity
    queries never read this table.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="source_files"
    )
    sha256 = models.CharField(max_length=64)
    name = models.CharField(max_length=1000)
    size = models.PositiveBigIntegerField(help_text="Bytes of the original file.")
    # With ``size`` and the name, what a zip lists of the original: the same export imported
    # again is recognised without reading its files (None: stored before it was kept).
    crc32 = models.PositiveBigIntegerField(null=True, blank=True)
    # True when the original was itself gzip (Strava's .fit.gz): ``data`` is it, unchanged.
    was_gzip = models.BooleanField(default=False)
    data = models.BinaryField()
    created = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "sha256"], name="source_file_once_per_owner")
        ]
        # An import reads every original's listing (``crc32``) before its first file. On
        # SQLite the owner and crc32 columns sit after ``data`` in each row, so without the
        # index that read walks every original's stored bytes (22 ms for 3,000 files, 5 with).
        indexes = [models.Index(fields=["owner", "crc32"], name="source_file_listing")]

    def __str__(self):
        return self.name

    def original(self) -> bytes:
        data = bytes(self.data)
        return data if self.was_gzip else gzip.decompress(data)


class ActivityQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)

    def runs(self):
        return self.filter(is_run=True)

    def near(self, start: datetime, seconds: float = 60):
        """Activities starting within ``seconds`` of ``start``."""
        delta = timedelta(seconds=seconds)
        return self.filter(start__gte=start - delta, start__lte=start + delta)

    def on_days(self, first: date, after: date):
        """Activities whose local date is in [first, after)."""
        return self.filter(local_date__gte=first, local_date__lt=after)

    def usual_pace(self, owner, before: date, days: int = USUAL_PACE_DAYS) -> float | None:
        """The runner's median pace (seconds per km) over the runs of the ``days`` before
        ``before``: what "run hard" is measured against."""
        rows = self.filter(
            owner=owner, is_run=True, local_date__gte=before - timedelta(days=days)
        ).filter(local_date__lt=before, distance_m__gt=0, moving_s__gt=0)
        paces = sorted(s / m * 1000 for m, s in rows.values_list("distance_m", "moving_s")[:500])
        return paces[len(paces) // 2] if paces else None


class Activity(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities"
    )
    start = models.DateTimeField(help_text="When the activity started (stored in UTC).")
    # An IANA name ("Europe/Paris"), or "UTC+05:30" when the file's offset fits no zone we know.
    time_zone = models.CharField(max_length=64, default="UTC")
    local_date = models.DateField(editable=False)
    sport = models.CharField(max_length=40, default="run")
    is_run = models.BooleanField(default=True)
    sub_sport = models.CharField(max_length=40, blank=True)
    distance_m = models.FloatField(null=True, blank=True)
    elapsed_s = models.FloatField()
    moving_s = models.FloatField()
    elevation_gain_m = models.FloatField(null=True, blank=True)
    avg_hr = models.FloatField(null=True, blank=True)
    avg_cadence = models.FloatField(null=True, blank=True)
    # Seconds per key of runmath.units.BEST_EFFORT_DISTANCES ("1k", "1mi", "5k", ...).
    best_efforts = models.JSONField(default=dict, blank=True)
    longest_continuous_run_m = models.FloatField(null=True, blank=True)
    device = models.CharField(max_length=100, blank=True)
    name = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=12, choices=Source, default=Source.FILE)
    source_file = models.ForeignKey(
        SourceFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="activities"
    )
    source_hash = models.CharField(max_length=64, blank=True)
    source_index = models.PositiveSmallIntegerField(default=0)
    feeling = models.PositiveSmallIntegerField(choices=Feeling, null=True, blank=True)
    feeling_note = models.TextField(
        blank=True, max_length=2000, validators=[MaxLengthValidator(2000)]
    )
    is_race = models.BooleanField("This was a race", default=False)
    # The runner said whether it was a race ("Was this a race?"): never asked again.
    race_answered = models.BooleanField(default=False)
    warnings = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(default=clock.now)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]
        indexes = [
            models.Index(fields=["owner", "start"], name="activity_owner_start"),
            models.Index(fields=["owner", "local_date"], name="activity_owner_local_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(feeling__isnull=True) | Q(feeling__gte=1, feeling__lte=5),
                name="activity_feeling_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(distance_m__isnull=True) | Q(distance_m__gte=0),
                name="activity_distance_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(elapsed_s__gte=0, moving_s__gte=0), name="activity_times_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="activity_source_known"
            ),
            models.UniqueConstraint(
                fields=["owner", "source_hash", "source_index"],
                condition=~Q(source_hash=""),
                name="activity_once_per_file_index",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_local_date()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "local_date"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("runs:detail", args=[self.pk])

    @classmethod
    def from_summary(
        cls,
        summary: ActivitySummary,
        *,
        owner,
        runner_zone: zoneinfo.ZoneInfo,
        source: str = Source.FILE,
        source_file_id: int | None = None,
        source_hash: str = "",
        source_index: int = 0,
    ) -> "Activity":
        """An unsaved activity from what the parsers measured (``local_date`` filled in)."""
        activity = cls(
            owner=owner,
            start=summary.start,
            time_zone=zone_name_for(
                summary.start,
                summary.utc_offset_s,
                runner_zone,
                position=(
                    (summary.start_lat, summary.start_lon)
                    if summary.start_lat is not None and summary.start_lon is not None
                    else None
                ),
            ),
            sport=summary.sport[:40],
            is_run=summary.is_run,
            sub_sport=(summary.sub_sport or "")[:40],
            distance_m=summary.distance_m,
            elapsed_s=summary.elapsed_s,
            moving_s=summary.moving_s,
            elevation_gain_m=summary.elevation_gain_m,
            avg_hr=summary.avg_hr,
            avg_cadence=summary.avg_cadence,
            best_efforts=dict(summary.best_efforts),
            longest_continuous_run_m=summary.longest_continuous_run_m,
            device=(summary.device or "")[:100],
            name=(summary.name or "")[:200],
            source=source,
            source_file_id=source_file_id,  # the id, not the instance: its bytes stay behind
            source_hash=source_hash,
            source_index=source_index,
            warnings=list(summary.warnings),
        )
        activity.fill_local_date()
        return activity

    def fill_local_date(self) -> None:
        self.local_date = self.local_start.date()

    @property
    def zone(self) -> tzinfo:
        return zone_from_name(self.time_zone)

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(self.zone)

    @property
    def naming(self) -> "Naming":
        return Naming(*(getattr(self, name) for name in NAMING_FIELDS))

    @property
    def title(self) -> str:
        return self.naming.title

    @property
    def named_like_race(self) -> bool:
        return named_like_race(self.name)

    def asks_if_race(self, usual_pace: float | None) -> bool:
        """Whether to ask "Was this a race?": an imported run that looks like one, not yet
        marked a race and not yet answered."""
        if self.is_race or self.race_answered or not self.is_run or self.source == Source.MANUAL:
            return False
        return looks_like_race(
            name=self.name,
            metres=self.distance_m,
            pace_s_per_km=self.pace_s_per_km,
            usual_pace=usual_pace,
        )

    @property
    def pace_s_per_km(self) -> float | None:
        """Moving pace, seconds per kilometre."""
        if not self.distance_m or not self.moving_s:
            return None
        return self.moving_s / self.distance_m * 1000

    def effort_rows(self) -> list[tuple[str, float, float]]:
        """(label, seconds, pace in s/km) of each best effort inside the run, shortest first."""
        rows = []
        for key, metres in BEST_EFFORT_DISTANCES.items():
            seconds = self.best_efforts.get(key)
            if seconds:
                rows.append((NAMED[key].label, seconds, seconds / metres * 1000))
        return rows

    def describe(self, units: str = "km") -> str:
        """“Evening run” on 4 May 2024, 10.2 km: how a reason names this activity."""
        return self.naming.describe(units)

    def to_dict(self) -> dict:
        """The activity as the CLI's --json and a future API show it."""
        return {
            "start": self.start.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "sport": self.sport,
            "distance_m": self.distance_m,
            "elapsed_s": self.elapsed_s,
            "moving_s": self.moving_s,
            "elevation_gain_m": self.elevation_gain_m,
            "avg_hr": self.avg_hr,
            "best_efforts": dict(self.best_efforts),
            "longest_continuous_run_m": self.longest_continuous_run_m,
        }


@dataclass(frozen=True, slots=True)
class Naming:
    """What an activity's title and a reason's words for it come from: read as plain values,
    an import names thousands of runs already there without loading each as an Activity."""

    name: str
    start: datetime
    time_zone: str
    is_run: bool
    sport: str
    source: str
    distance_m: float | None

    @property
    def title(self) -> str:
        if self.name:
            return self.name
        hour = self.local_start.hour
        part = "Morning" if 5 <= hour < 12 else "Afternoon" if hour < 18 else "Evening"
        what = "run" if self.is_run else SPORT_WORDS.get(self.sport, self.sport.replace("_", " "))
        if self.source == Source.MANUAL:
            return what.capitalize()
        return f"{part} {what}"

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(zone_from_name(self.time_zone))

    def describe(self, units: str = "km") -> str:
        """“Evening run” on 4 May 2024, 10.2 km: how a reason names this activity."""
        local = self.local_start
        when = f"{local.day} {local:%b %Y, %H:%M}"
        size = f", {format_distance(self.distance_m, units, 1)}" if self.distance_m else ""
        return f"\u201c{self.title}\u201d on {when}{size}"


NAMING_FIELDS = tuple(f.name for f in dataclass_fields(Naming))


def zone_from_name(name: str) -> tzinfo:
    """The time zone an Activity.time_zone names; UTC when the name is unknown."""
    if name.startswith(("UTC+", "UTC-")) and len(name) == 9:
        sign = 1 if name[3] == "+" else -1
        hours, minutes = int(name[4:6]), int(name[7:9])
        return fixed_zone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_name_for(
    start: datetime,
    utc_offset_s: int | None,
    runner_zone: zoneinfo.ZoneInfo,
    position: tuple[float, float] | None = None,
) -> str:
    """The runner's zone, unless the run was elsewhere: the zone at its first GPS position
    (looked up offline) when that keeps another time than the runner's, else the offset the
    file was written in when it differs from the runner's."""
    found = zone_at(*position) if position is not None else None
    if found:
        try:
            there = zoneinfo.ZoneInfo(found)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            there = None
        if there is not None:
            if start.astimezone(there).utcoffset() != start.astimezone(runner_zone).utcoffset():
                return found
            return runner_zone.key
    if utc_offset_s is None:
        return runner_zone.key
    offset = runner_zone.utcoffset(start.replace(tzinfo=None))
    if offset is not None and offset.total_seconds() == utc_offset_s:
        return runner_zone.key
    sign = "+" if utc_offset_s >= 0 else "-"
    hours, rest = divmod(abs(int(utc_offset_s)), 3600)
    return f"UTC{sign}{hours:02d}:{rest // 60:02d}"


# Weekly and monthly totals ---------------------------------------------------------------------


class PeriodTotal(models.Model):
    """Runs only, in the local calendar of each run. Recomputed from the activities of the
    period (``recompute``) in the transaction that changes them, never edited by hand."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField()
    runs = models.PositiveIntegerField(default=0)
    distance_m = models.FloatField(default=0)
    moving_s = models.FloatField(default=0)
    elevation_gain_m = models.FloatField(default=0)
    longest_m = models.FloatField(default=0)

    class Meta:
        abstract = True
        ordering = ["period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "period_start"], name="%(class)s_one_per_period"
            )
        ]

    def __str__(self):
        return f"{self.owner_id} {self.period_start}: {self.runs} runs"

    @staticmethod
    def period_of(day: date) -> date:
        raise NotImplementedError

    @staticmethod
    def period_after(start: date) -> date:
        raise NotImplementedError

    @classmethod
    def recompute(cls, owner_id: int, days: Iterable[date]) -> None:
        """Bring the totals of the periods holding ``days`` in line with the activities.

        One upsert per period, in SQL that SQLite and PostgreSQL share: it runs once per
        group of imported files, and the ORM's aggregate-then-save cost more than the parse of
        a FIT file.
        """
        ops = connection.ops
        with connection.cursor() as cursor:
            for start in sorted({cls.period_of(d) for d in days}):
                first = ops.adapt_datefield_value(start)
                after = ops.adapt_datefield_value(cls.period_after(start))
                cursor.execute(cls._upsert_sql(), [owner_id, first, owner_id, True, first, after])
                cursor.execute(cls._empty_sql(), [owner_id, first])

    @classmethod
    def _upsert_sql(cls) -> str:
        table, activities = cls._meta.db_table, Activity._meta.db_table
        return f"""
            INSERT INTO {table}
                (owner_id, period_start, runs, distance_m, moving_s, elevation_gain_m, longest_m)
            SELECT %s, %s, COUNT(*), COALESCE(SUM(distance_m), 0), COALESCE(SUM(moving_s), 0),
                COALESCE(SUM(elevation_gain_m), 0), COALESCE(MAX(distance_m), 0)
            FROM {activities}
            WHERE owner_id = %s AND is_run = %s AND local_date >= %s AND local_date < %s
            ON CONFLICT (owner_id, period_start) DO UPDATE SET
                runs = excluded.runs, distance_m = excluded.distance_m,
                moving_s = excluded.moving_s, elevation_gain_m = excluded.elevation_gain_m,
                longest_m = excluded.longest_m
        """

    @classmethod
    def _empty_sql(cls) -> str:
        table = cls._meta.db_table
        return f"DELETE FROM {table} WHERE owner_id = %s AND period_start = %s AND runs = 0"


class WeeklyTotal(PeriodTotal):
    """A week of runs, Monday to Sunday."""

    class Meta(PeriodTotal.Meta):
        pass

    @staticmethod
    def period_of(day: date) -> date:
        return week_start(day)

    @staticmethod
    def period_after(start: date) -> date:
        return start + timedelta(days=7)


class MonthlyTotal(PeriodTotal):
    """A calendar month of runs."""

    class Meta(PeriodTotal.Meta):
        pass

    @staticmethod
    def period_of(day: date) -> date:
        return day.replace(day=1)

    @staticmethod
    def period_after(start: date) -> date:
        return (start + timedelta(days=32)).replace(day=1)


def recompute_totals(owner_id: int, days: Iterable[date]) -> None:
    """Called by every write of runs, bulk ones included: it also marks the runner's pages
    as changed."""
    days = set(days)
    WeeklyTotal.recompute(owner_id, days)
    MonthlyTotal.recompute(owner_id, days)
    pagecache.mark_changed(owner_id)


# Imports ---------------------------------------------------------------------------------------


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Importing"
    DONE = "done", "Finished"
    FAILED = "failed", "Stopped by an error"


class ItemStatus(models.TextChoices):
    IMPORTED = "imported", "Imported"
    DUPLICATE = "duplicate", "Already there"
    SKIPPED = "skipped", "Skipped"
    REJECTED = "rejected", "Not imported"


UPLOADED_NAMES_KEPT = 100


class ImportBatch(models.Model):
    """One upload (web) or one `milepost import` run: its progress and what became of each file."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches"
    )
    created = models.DateTimeField(default=clock.now)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=BatchStatus, default=BatchStatus.QUEUED)
    via = models.CharField(max_length=3, default="web")  # "web" or "cli"
    uploaded = models.JSONField(default=list, blank=True)  # the names the runner gave us
    expected_files = models.PositiveIntegerField(default=0)  # an estimate, for the progress bar
    done_files = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    duplicate = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    # The private folder under MILEPOST_DATA_DIR/imports holding the upload until it is read.
    folder = models.CharField(max_length=64, blank=True)
    # When the importer last said it was alive (as it starts and as files are done): a running
    # batch silent for IMPORT_STALE_MINUTES was interrupted (a worker killed, a machine off).
    heartbeat = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"Import {self.pk} ({self.status})"

    def get_absolute_url(self):
        return reverse("runs:batch", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in (BatchStatus.QUEUED, BatchStatus.RUNNING)

    @property
    def interrupted(self) -> bool:
        """Running, as far as the database knows, but not heard from for a while."""
        if self.status != BatchStatus.RUNNING:
            return False
        last = self.heartbeat or self.started or self.created
        return last < clock.now() - timedelta(minutes=settings.IMPORT_STALE_MINUTES)

    @property
    def resumable(self) -> bool:
        """An interrupted upload whose files are still here: it can be queued again."""
        return self.interrupted and self.via == "web" and self.upload_dir.is_dir()

    @property
    def upload_dir(self):
        return settings.DATA_DIR / "imports" / (self.folder or f"batch-{self.pk}")

    @property
    def percent(self) -> int:
        if self.status == BatchStatus.DONE:
            return 100
        expected = max(self.expected_files, self.done_files, 1)
        return min(99, round(100 * self.done_files / expected))

    @property
    def uploaded_summary(self) -> str:
        """ "a.fit, b.gpx, c.zip and 4 more": what the runner sent, in a line."""
        names = self.uploaded
        if len(names) <= 3:
            return ", ".join(names)
        more = f"{len(names) - 3} more" if len(names) < UPLOADED_NAMES_KEPT else "more"
        return f"{', '.join(names[:3])} and {more}"

    def counts(self) -> dict[str, int]:
        return {s: getattr(self, s) for s in ItemStatus.values}

    def begin(self, expected_files: int) -> None:
        self.status, self.started = BatchStatus.RUNNING, clock.now()
        self.expected_files, self.heartbeat = expected_files, self.started
        self.save(update_fields=["status", "started", "expected_files", "heartbeat"])

    def record_progress(self, done_files: int, counts: dict[str, int]) -> None:
        self.done_files, self.heartbeat = done_files, clock.now()
        for status, n in counts.items():
            setattr(self, status, n)
        self.save(update_fields=["done_files", "heartbeat", *counts])

    def finish(self, counts: dict[str, int], done_files: int) -> None:
        self.status, self.finished = BatchStatus.DONE, clock.now()
        self.record_progress(done_files, counts)
        self.save(update_fields=["status", "finished"])

    def fail(self, error: str) -> None:
        self.status, self.finished, self.error = BatchStatus.FAILED, clock.now(), error
        self.save(update_fields=["status", "finished", "error"])


class ImportItem(models.Model):
    """What became of one activity (or one file without any) of a batch."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    path = models.CharField(max_length=1000)
    status = models.CharField(max_length=10, choices=ItemStatus)
    code = models.CharField(max_length=30, blank=True)  # the parser's or the archive's key
    reason = models.TextField(blank=True)
    # The new activity, or for a duplicate the one already in the runner's history.
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position"]
        indexes = [models.Index(fields=["batch", "position"], name="importitem_batch_position")]

    def __str__(self):
        return f"{self.path}: {self.status}"
