"""Every write of the runner's export and deletion, called alike by the profile page, the
task worker and the commands (`milepost export`, `milepost delete-account`)."""

import logging
import secrets
import shutil
import time
from pathlib import Path

from django.contrib.sessions.models import Session
from django.db import transaction
from django_tasks import task

from milepost import clock
from milepost.accounts import pagecache
from milepost.accounts.models import LoginFailure
from milepost.runs.models import Activity, ImportBatch, ImportItem, SourceFile

from .exporting import write_export
from .models import Export, ExportStatus

logger = logging.getLogger(__name__)
PROGRESS_SECONDS = 0.5  # how often an export's progress reaches the database


@transaction.atomic
def start_export(*, owner) -> Export:
    """Queues a new export of everything the runner keeps (older ones past their days go)."""
    for old in Export.objects.owned_by(owner).expired():
        remove_export(export=old)
    export = Export.objects.create(owner=owner, file_name=f"export-{secrets.token_hex(16)}.zip")
    make_export.enqueue(export.pk)  # the database backend queues it in this transaction
    return export


@task()
def make_export(export_id: int) -> int:
    """Writes the export in the background; the page polls its progress."""
    export = Export.objects.select_related("owner").filter(pk=export_id).first()
    if export is None or export.status != ExportStatus.QUEUED:
        return 0
    return run_export(export)


def run_export(export: Export) -> int:
    Export.objects.filter(pk=export.pk).update(status=ExportStatus.RUNNING)
    export.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        if time.monotonic() - last >= PROGRESS_SECONDS or done == total:
            last = time.monotonic()
            Export.objects.filter(pk=export.pk).update(done_steps=done, total_steps=total)

    try:
        write_export(export.owner, export.path, progress)
    except Exception as exc:
        logger.exception("Export %s failed", export.pk)
        Export.objects.filter(pk=export.pk).update(
            status=ExportStatus.FAILED,
            finished=clock.now(),
            error=f"The export stopped ({type(exc).__name__}). Please try again.",
        )
        return 0
    size = export.path.stat().st_size
    Export.objects.filter(pk=export.pk).update(
        status=ExportStatus.DONE, finished=clock.now(), size=size
    )
    return size


def remove_export(*, export: Export) -> None:
    export.path.unlink(missing_ok=True)
    export.delete()


def export_to(*, owner, target: Path) -> dict:
    """`milepost export`: the export written straight to ``target``; returns its manifest."""
    return write_export(owner, Path(target))


@transaction.atomic
def delete_account(*, user) -> None:
    """Deletes the runner and everything of theirs: every row (their sessions and failed
    logins, coach grants both ways and coaches' notes about them too) and every file
    (exports, uploads not yet read, cached pages). The files go once the deletion has committed."""
    files = [export.path for export in Export.objects.owned_by(user)]
    folders = [batch.upload_dir for batch in ImportBatch.objects.filter(owner=user)]
    for session in Session.objects.filter(expire_date__gt=clock.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
    LoginFailure.objects.filter(username__iexact=user.get_username()).delete()
    # The runs first, lightly: deleting the user would load every original file's bytes.
    ImportItem.objects.filter(batch__owner=user).delete()
    Activity.objects.filter(owner=user).only("pk").delete()
    SourceFile.objects.filter(owner=user).only("pk").delete()
    user.delete()

    def remove_files():
        for path in files:
            path.unlink(missing_ok=True)
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        pagecache.forget_all()  # their rendered pages, kept in files too

    transaction.on_commit(remove_files)
