from django_tasks import task

from milepost.nudges.services import refresh_nudges

from . import services
from .models import BatchStatus, ImportBatch


@task()
def import_batch(batch_id: int) -> dict[str, int]:
    """Imports an upload in the background: closing the browser tab does not stop it."""
    batches = ImportBatch.objects.select_related("owner__profile")
    batch = batches.filter(pk=batch_id, status=BatchStatus.QUEUED).first()
    if batch is None:
        return {}
    report = services.run_batch(batch)
    refresh_nudges(batch.owner)  # what the new runs bring: a welcome back, a goal reached
    return report.totals
