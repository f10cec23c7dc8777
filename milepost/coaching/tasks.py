from datetime import timedelta

from django_tasks import task

from milepost import clock

from .emails import send_due_emails

INTERVAL = timedelta(minutes=15)


@task()
def send_coaching_emails(repeat: bool = True) -> dict[str, int]:
    """Sends the coaching e-mails that are due (messages, answers, the coaches' morning
    digests), then (by default) queues itself again: the worker's own schedule."""
    sent = send_due_emails()
    if repeat:
        send_coaching_emails.using(run_after=clock.now() + INTERVAL).enqueue()
    return sent


def schedule_coaching_emails() -> None:
    """Queues the coaching e-mail job unless it is already waiting."""
    from django_tasks_db.models import DBTaskResult

    pending = DBTaskResult.objects.filter(
        task_path=send_coaching_emails.module_path, status__in=["READY", "RUNNING"]
    )
    if not pending.exists():
        send_coaching_emails.enqueue()
