"""`milepost remind`: send every reminder that is due, once (for cron)."""

from django.core.management.base import BaseCommand

from milepost.reflection.services import send_due_rest_reminders


class Command(BaseCommand):
    help = "Send due reminders by e-mail (rest periods that are over). Each is sent once."

    def handle(self, *args, **options):
        sent = send_due_rest_reminders()
        self.stdout.write(f"{sent} rest-over reminder{'s' if sent != 1 else ''} sent.")
