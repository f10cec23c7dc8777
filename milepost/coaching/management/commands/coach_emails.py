"""`milepost coach_emails`: send every coaching e-mail that is due, once (for cron): messages
on goals, suggestions answered, and the coaches' daily check-in digests."""

from django.core.management.base import BaseCommand

from milepost.coaching.emails import send_due_emails
from milepost.nudges.management.commands.remind import plural


class Command(BaseCommand):
    help = "Send due coaching e-mails (messages, answered suggestions, daily digests), once."

    def handle(self, *args, **options):
        sent = send_due_emails()
        self.stdout.write(
            f"{plural(sent['comments'], 'message e-mail')}, "
            f"{plural(sent['answers'], 'answered suggestion')} and "
            f"{plural(sent['digests'], 'digest')} sent."
        )
