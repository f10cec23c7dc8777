from django import forms
from django.conf import settings

from milepost.fields import DistanceField, DurationField

from .feelings import FEELING_CHOICES
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


class ManualRunForm(forms.Form):
    on = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    distance = DistanceField(label="Distance")
    time = DurationField(
        clock=True, label="Time", help_text="How long it took, like 28:30 or 1:05:00."
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
    feeling_note = forms.CharField(
        label="A note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_race = forms.BooleanField(label="This was a race or a timed run", required=False)

    def __init__(self, *args, units: str = "km", today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units, self.today = units, today
        self.fields["distance"].units = units
        example, unit = ("5 km", "kilometres") if units == "km" else ("3.1 mi", "miles")
        help_text = f"For example {example}, half or parkrun; a plain number is in {unit}."
        self.fields["distance"].help_text = help_text

    def clean_on(self):
        on = self.cleaned_data["on"]
        if self.today and on > self.today:
            raise forms.ValidationError("That date is still to come; add the run once it's done.")
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
        return cleaned


class ActivityForm(forms.ModelForm):
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
