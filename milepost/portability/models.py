"""An export the runner asked for on their profile page: made by a background task, kept
on disk for its download link (``settings.EXPORT_KEEP_DAYS``), removed with the account."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse

from milepost import clock


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being made"
    DONE = "done", "Ready"
    FAILED = "failed", "Stopped by an error"


class ExportQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)

    def expired(self):
        return self.filter(created__lt=clock.now() - timedelta(days=settings.EXPORT_KEEP_DAYS))


class Export(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports"
    )
    created = models.DateTimeField(default=clock.now)
    finished = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=ExportStatus, default=ExportStatus.QUEUED)
    done_steps = models.PositiveIntegerField(default=0)
    total_steps = models.PositiveIntegerField(default=0)
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    # The zip's name under MILEPOST_DATA_DIR/exports (random: never guessed from the id).
    file_name = models.CharField(max_length=64)

    objects = ExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"Export {self.pk} ({self.status})"

    def get_absolute_url(self):
        return reverse("portability:export", args=[self.pk])

    @property
    def path(self):
        return settings.DATA_DIR / "exports" / self.file_name

    @property
    def is_active(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def is_ready(self) -> bool:
        return self.status == ExportStatus.DONE and self.path.is_file()

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        return min(99, round(100 * self.done_steps / max(self.total_steps, 1)))

    @property
    def download_name(self) -> str:
        return f"milepost-{self.owner.get_username()}-{self.created:%Y-%m-%d}.zip"
