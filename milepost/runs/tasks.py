from django_tasks import task

from . import services
from .models import BatchStatus, ImportBatch


@task()
def import_batch(batch_id: int) -> dict[str, int]:
    """Imports an upload in the background: closing the browser tab does not stop it."""
    batches = ImportBatch.objects.select_related("owner__profile")
    batch = batches.filter(pk=batch_id, status=BatchStatus.QUEUED).first()
    if batch is None:
        return {}
    return services.run_batch(batch).totals
