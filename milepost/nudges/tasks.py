from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from milepost import clock

from .reminders import send_due_reminders

INTERVAL = timedelta(minutes=15)


@task()
def send_reminders(repeat: bool = True) -> dict[str, int]:
    """Does the runners' daily nudge check and sends what is due, then (by default) queues
    itself again: the worker's own schedule."""
    try:
        return send_due_reminders()
    finally:
        # Whatever happened this time, the next check is queued: a failure never ends them.
        if repeat:
            send_reminders.using(run_after=clock.now() + INTERVAL).enqueue()


# A reminder job still marked running after this long was left by a worker that died.
STALE_AFTER = timedelta(hours=1)


def schedule_reminders() -> None:
    """Queues the reminder job unless it is already waiting or running (`milepost db_worker`
    calls this as it starts). One marked running for over ``STALE_AFTER`` does not count: its
    worker was killed before it could queue the next."""
    from django_tasks_db.models import DBTaskResult

    mine = DBTaskResult.objects.filter(task_path=send_reminders.module_path)
    pending = mine.filter(status="READY") | mine.filter(
        # The worker stamps started_at with the real time, not Milepost's clock.
        status="RUNNING",
        started_at__gte=timezone.now() - STALE_AFTER,
    )
    if not pending.exists():
        send_reminders.enqueue()
