"""Form fields for what runners type: a distance, a time, a pace.

Each reads the text with ``milepost.runmath.units`` and gives metres, seconds or seconds per
kilometre, or ``None`` when left empty; unreadable text is a ``ValidationError`` that says what
to write instead. A distance or a pace without its own unit is in the field's ``units``, which
the form sets to the runner's (``"km"`` or ``"mi"``).
"""

from django import forms

from milepost.runmath import RunmathError
from milepost.runmath.units import read_clock, read_distance, read_duration, read_pace


class _RunningField(forms.CharField):
    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return self.read(text)
        except RunmathError as error:
            raise forms.ValidationError(str(error), code="invalid") from None

    def read(self, text: str) -> float:
        raise NotImplementedError


class DistanceField(_RunningField):
    """Metres from "20 km", "12 mi", "half" or a bare number in ``units``."""

    def __init__(self, *, units: str = "km", **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def read(self, text: str) -> float:
        return read_distance(text, self.units)


class DurationField(_RunningField):
    """Seconds from "3 hours", "45 min" or "1:58:00"; with ``clock=True``, only "1:58:00"."""

    def __init__(self, *, clock: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.clock = clock

    def read(self, text: str) -> float:
        return read_clock(text) if self.clock else read_duration(text)


class PaceField(_RunningField):
    """Seconds per kilometre from "5:15/km", "8:27/mi" or a bare "5:15" in ``units``."""

    def __init__(self, *, units: str = "km", **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def read(self, text: str) -> float:
        return read_pace(text, self.units)


TOO_LONG = "Please keep this to %(limit_value)d characters or fewer: it has %(show_value)d."


class PlainWordsMixin:
    """For a form: Django's terse "Ensure this value has at most 4000 characters" in plain
    words, on every text field that has no message of its own for it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.setdefault("max_length", TOO_LONG)
