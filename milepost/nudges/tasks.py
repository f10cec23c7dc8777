from datetime import timedelta

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


def schedule_reminders() -> None:
    """Queues the reminder job unless it is already waiting."""
    from django_tasks_db.models import DBTaskResult

    pending = DBTaskResult.objects.filter(
        task_path=send_reminders.module_path, status__in=["READY", "RUNNING"]
    )
    if not pending.exists():
        send_reminders.enqueue()
