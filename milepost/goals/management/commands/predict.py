"""``milepost predict``: VDOT, race equivalents, age grade and Boston standard for one race."""

import json

from django.core.management.base import CommandError

from milepost import commands
from milepost.runmath import RunmathError
from milepost.runmath.predict import predict


class Command(commands.Command):
    help = "Predict race equivalents, age grade and Boston standard from one race time."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--distance", required=True, help="5k, 10K, half, marathon, 10mi")
        parser.add_argument("--time", required=True, help="25:00, 1:58:34 or 1h58m")
        parser.add_argument("--to", help="one more distance to predict")
        parser.add_argument("--age", type=int, help="age on race day")
        parser.add_argument("--category", choices=["women", "men", "nonbinary"])
        parser.add_argument("--method", choices=["vdot", "riegel", "cameron"], default="vdot")
        parser.add_argument("--table", choices=["2025", "2020", "2015"], default="2025")

    def handle(self, *args, **options):
        names = ("distance", "time", "to", "age", "category", "method", "table")
        try:
            result = predict(**{name: options[name] for name in names})
        except RunmathError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
