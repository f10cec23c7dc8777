"""`milepost themes FILE`: detect motivation themes in a round's answers given as JSON."""

import json
import sys

from django.core.management.base import BaseCommand

from milepost.reflection.themes import QUESTION_KEYS, detect_themes


class Command(BaseCommand):
    # Pure reading of notes: no system checks (a second of start-up); `milepost check` runs them.
    requires_system_checks = []
    help = (
        'Read {"answers": {KEY: TEXT or [NOTE, ...]}} from FILE (- for stdin) and print the '
        "themes detected as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A JSON file, or - to read standard input.")

    def handle(self, *args, file, **options):
        try:
            answers = read_answers(file)
            themes = detect_themes(answers)
        except (OSError, ValueError) as error:
            self.stderr.write(f"milepost themes: {error}")
            sys.exit(2)
        payload = {
            "themes": [
                {
                    "key": theme.key,
                    "score": theme.score,
                    "evidence": [{"question": e.question, "text": e.text} for e in theme.evidence],
                }
                for theme in themes
            ]
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))


def read_answers(file: str) -> dict:
    text = sys.stdin.read() if file == "-" else open_text(file)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise ValueError('expected an object like {"answers": {"drive": "..."}}')
    answers = data["answers"]
    for key, value in answers.items():
        if key not in QUESTION_KEYS:
            raise ValueError(f"unknown question {key!r}; use one of {', '.join(QUESTION_KEYS)}")
        notes = value if isinstance(value, list) else [value]
        if not all(isinstance(note, str) for note in notes):
            raise ValueError(f"answer to {key!r} must be text or a list of texts")
    return answers


def open_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise OSError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text") from None
