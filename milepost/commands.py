"""What Milepost's own management commands share: argument errors in one plain line."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

# `-o -`: the output goes to standard output (a pipe or a redirect), never to a file named "-".
STDOUT = "-"


class OneLineErrorParser(CommandParser):
    """Argument errors as one line on stderr and exit status 2, without the usage block."""

    def error(self, message):
        if self.called_from_command_line:
            self.exit(2, f"{self.prog}: {message}\n")
        raise CommandError(f"Error: {message}", returncode=2)


class Command(BaseCommand):
    """A management command whose usage errors are one line and exit 2."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = OneLineErrorParser  # Django offers no hook for the parser class.
        return parser

    def binary_stdout(self):
        """Standard output for bytes (`-o -`), refused on a terminal, where a PDF or a zip
        would only garble the screen."""
        out = self.stdout._out
        if out.isatty():
            raise CommandError(
                "-o - writes to standard output: redirect it to a file or a pipe.", returncode=2
            )
        return getattr(out, "buffer", out)
