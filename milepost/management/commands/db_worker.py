"""`milepost db_worker`: django-tasks-db's worker, which first queues Milepost's periodic job
(the reminder check, ``nudges.tasks.send_reminders``, and the coaching e-mails,
``coaching.tasks.send_coaching_emails``) unless it is already waiting. So the
reminders go however the worker is started: by `milepost serve`, a systemd unit or by hand.
A `--batch` run (process what is queued, then stop) queues nothing."""

from django_tasks_db.management.commands import db_worker

from milepost.coaching.tasks import schedule_coaching_emails
from milepost.nudges.tasks import schedule_reminders


class Command(db_worker.Command):
    help = "Run the background task worker, with Milepost's periodic jobs queued."

    def handle(self, *args, **options):
        if not options.get("batch"):
            schedule_reminders()
            schedule_coaching_emails()
        return super().handle(*args, **options)
