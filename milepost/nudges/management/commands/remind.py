"""`milepost remind`: send every reminder that is due, once (for cron)."""

from django.core.management.base import BaseCommand

from milepost.nudges.reminders import send_due_reminders


class Command(BaseCommand):
    # Run from cron: no system checks (a second of start-up); `milepost check` runs them.
    requires_system_checks = []
    help = "Send due e-mail reminders (rest over, steps due today, new nudges). Each is sent once."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(
            f"{plural(sent['rest'], 'rest-over reminder')} and "
            f"{plural(sent['steps'], 'step reminder')} sent. "
            f"{plural(sent['nudges'], 'new nudge')} e-mailed."
        )


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
