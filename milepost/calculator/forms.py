from django import forms

from milepost.accounts.models import Category, Units
from milepost.goals.targets import TargetError, parse_distance, parse_duration
from milepost.runmath import RunmathError
from milepost.runmath.units import parse_pace


class PaceForm(forms.Form):
    """Any two of distance, time and pace give the third."""

    distance = forms.CharField(
        required=False, help_text="For example 10k, half, 5 mi, or a number in your units."
    )
    time = forms.CharField(required=False, help_text="For example 52:30 or 1:58:34.")
    pace = forms.CharField(required=False, help_text="For example 5:15, 5:15/km or 8:27/mi.")
    units = forms.ChoiceField(choices=Units.choices, widget=forms.RadioSelect, initial="km")
    age = forms.IntegerField(
        required=False, min_value=5, max_value=100, help_text="For an age grade (optional)."
    )
    category = forms.ChoiceField(
        choices=Category.choices, required=False, label="Category for age grading"
    )

    def clean_distance(self):
        return self.read(parse_distance, "distance", units=True)

    def clean_time(self):
        return self.read(parse_duration, "time")

    def read(self, parse, name, units=False):
        text = self.cleaned_data.get(name, "").strip()
        if not text:
            return None
        try:
            return parse(text, self.data.get("units") or "km") if units else parse(text)
        except TargetError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_pace(self):
        text = self.cleaned_data.get("pace", "").strip()
        if not text:
            return None
        try:
            return parse_pace(text, self.data.get("units") or "km")
        except RunmathError:
            raise forms.ValidationError(
                f"We couldn't read \u201c{text}\u201d as a pace; try 5:15/km or 8:27/mi."
            ) from None

    def clean(self):
        cleaned = super().clean()
        given = [name for name in ("distance", "time", "pace") if cleaned.get(name)]
        if len(given) < 2 and not self.errors:
            raise forms.ValidationError("Give any two of distance, time and pace.")
        if bool(cleaned.get("age")) != bool(cleaned.get("category")):
            raise forms.ValidationError("For an age grade, give both your age and a category.")
        return cleaned
