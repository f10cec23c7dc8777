from django import forms
from django.conf import settings

from milepost.fields import DistanceField, DurationField, PlainWordsMixin
from milepost.runmath.units import (
    EARLIEST_RUN_DAY,
    format_distance,
    format_duration,
    run_day_problem,
)

from .feelings import FEELING_CHOICES, note_field
from .models import Activity

SPORTS = [
    ("run", "Run"),
    ("walking", "Walk"),
    ("hiking", "Hike"),
    ("cycling", "Ride"),
    ("swimming", "Swim"),
    ("other", "Something else"),
]
# Faster than any human has run 5 km (about 6.6 m/s): a typo, not a run.
FASTEST_M_PER_S = 6.7


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class UploadsField(forms.Field):
    """Many files in one field; empty or odd files are judged by the import, not here."""

    widget = MultipleFileInput

    def to_python(self, value):
        return [f for f in value or [] if f is not None]


class ImportForm(forms.Form):
    files = UploadsField(
        label="Activity files or an export archive",
        help_text=(
            "GPX, TCX or FIT files (also .gz), or a whole Strava or Garmin export (.zip): up "
            f"to {settings.MAX_UPLOAD_MB} MB at once."
        ),
    )


class ManualRunForm(PlainWordsMixin, forms.Form):
    on = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    distance = DistanceField(label="Distance")
    time = DurationField(
        clock=True, label="Time", help_text="How long it took, like 28:30 or 1:05:00."
    )
    without_walking = forms.BooleanField(label="I ran it all without walking", required=False)
    longest_stretch = DistanceField(
        label="Or the longest stretch without walking (optional)", required=False
    )
    start_time = forms.TimeField(
        label="Start time (optional)",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    name = forms.CharField(label="Name (optional)", max_length=200, required=False)
    feeling = forms.TypedChoiceField(
        label="How did it feel? (optional)",
        choices=FEELING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    feeling_note = note_field()
    is_race = forms.BooleanField(label="This was a race or a timed run", required=False)

    def __init__(self, *args, units: str = "km", today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units, self.today = units, today
        self.fields["on"].widget.attrs["min"] = EARLIEST_RUN_DAY.isoformat()
        if today:
            self.fields["on"].widget.attrs["max"] = today.isoformat()
        self.fields["distance"].units = units
        self.fields["longest_stretch"].units = units
        example, unit = ("5 km", "kilometres") if units == "km" else ("3.1 mi", "miles")
        help_text = f"For example {example}, half or parkrun; a plain number is in {unit}."
        self.fields["distance"].help_text = help_text
        self.fields["longest_stretch"].help_text = (
            "If you walked some of it: the furthest you ran in one go, like "
            f"{'2 km' if units == 'km' else '1.5 mi'}."
        )

    def clean_on(self):
        on = self.cleaned_data["on"]
        if self.today and on > self.today:
            raise forms.ValidationError("That date is still to come; add the run once it's done.")
        if self.today and (problem := run_day_problem(on, self.today)):
            raise forms.ValidationError(problem)
        return on

    def clean_time(self):
        seconds = self.cleaned_data["time"]
        if seconds <= 0:
            raise forms.ValidationError("The time must be more than zero.")
        return seconds

    def clean(self):
        cleaned = super().clean()
        distance, seconds = cleaned.get("distance"), cleaned.get("time")
        if distance and seconds and distance / seconds > FASTEST_M_PER_S:
            self.add_error("time", "That is faster than the world record; please check the time.")
        stretch = cleaned.get("longest_stretch")
        if cleaned.get("without_walking"):
            stretch = distance
        elif stretch and distance and stretch > distance + 1:
            self.add_error(
                "longest_stretch",
                "The stretch without walking can't be longer than the whole run; please "
                "check it, or tick \u201cI ran it all without walking\u201d.",
            )
        cleaned["longest_continuous_m"] = stretch
        return cleaned


class ManualRunEditForm(ManualRunForm):
    """A run entered by hand, corrected on its page: its date, distance and time too."""

    sport = forms.ChoiceField(label="Sport", choices=SPORTS)
    field_order = [
        "on",
        "distance",
        "time",
        "without_walking",
        "longest_stretch",
        "start_time",
        "name",
        "sport",
        "is_race",
    ]

    def __init__(self, *args, activity, units: str = "km", **kwargs):
        self.activity = activity
        local = activity.local_start
        longest = activity.longest_continuous_run_m
        whole = bool(longest and activity.distance_m and longest >= activity.distance_m - 1)
        kwargs["initial"] = {
            "on": local.date(),
            "distance": _distance_text(activity.distance_m, units),
            "time": format_duration(activity.moving_s),
            "without_walking": whole,
            "longest_stretch": "" if whole or not longest else _distance_text(longest, units),
            "start_time": local.time().replace(second=0, microsecond=0),
            "name": activity.name,
            "sport": activity.sport,
            "is_race": activity.is_race,
        }
        super().__init__(*args, units=units, **kwargs)
        del self.fields["feeling"], self.fields["feeling_note"]
        self.fields["start_time"].label = "Start time"

    def corrections(self) -> dict:
        """What the service changes: typed values where the text changed, else the run's own
        (a distance shown rounded and saved unchanged keeps its exact metres)."""
        data, run = self.cleaned_data, self.activity
        changed = {name for name in self.changed_data if self._typed_anew(name)}
        distance = data["distance"] if "distance" in changed else run.distance_m
        longest = data["longest_continuous_m"]
        if not changed & {"distance", "without_walking", "longest_stretch"}:
            longest = run.longest_continuous_run_m
        elif data["without_walking"]:
            longest = distance
        return {
            "on": data["on"],
            "distance_m": distance,
            "duration_s": data["time"] if "time" in changed else run.moving_s,
            "start_time": data["start_time"],
            "name": data["name"],
            "sport": data["sport"],
            "is_race": data["is_race"],
            "longest_continuous_m": longest,
        }

    def _typed_anew(self, name: str) -> bool:
        """False when the text typed reads as the value shown (Django compares the shown text
        with the value read from it)."""
        field = self.fields[name]
        if not isinstance(field, DistanceField | DurationField):
            return True
        return field.to_python(self.initial.get(name)) != self.cleaned_data.get(name)


def _distance_text(metres: float | None, units: str) -> str:
    return format_distance(metres, units, decimals=3) if metres else ""


class ActivityForm(PlainWordsMixin, forms.ModelForm):
    sport = forms.ChoiceField(label="Sport", choices=SPORTS)

    class Meta:
        model = Activity
        fields = ("name", "sport", "is_race")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sport = self.instance.sport
        if sport and sport not in dict(SPORTS):
            label = sport.replace("_", " ").capitalize()
            self.fields["sport"].choices = [*SPORTS[:-1], (sport, label), SPORTS[-1]]
