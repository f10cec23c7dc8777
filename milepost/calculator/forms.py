from django import forms

from milepost.accounts.models import Category, Units
from milepost.fields import DistanceField, DurationField, PaceField


class PaceForm(forms.Form):
    """Any two of distance, time and pace give the third."""

    distance = DistanceField(
        required=False, help_text="For example 10k, half, 5 mi, or a number in your units."
    )
    time = DurationField(required=False, help_text="For example 52:30 or 1:58:34.")
    pace = PaceField(required=False, help_text="For example 5:15, 5:15/km or 8:27/mi.")
    units = forms.ChoiceField(choices=Units.choices, widget=forms.RadioSelect, initial="km")
    age = forms.IntegerField(
        required=False, min_value=5, max_value=100, help_text="For an age grade (optional)."
    )
    category = forms.ChoiceField(
        choices=Category.choices, required=False, label="Category for age grading"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = self.data.get("units") or "km"
        self.fields["distance"].units = self.fields["pace"].units = units

    def clean(self):
        cleaned = super().clean()
        given = [name for name in ("distance", "time", "pace") if cleaned.get(name)]
        if len(given) < 2 and not self.errors:
            raise forms.ValidationError("Give any two of distance, time and pace.")
        if bool(cleaned.get("age")) != bool(cleaned.get("category")):
            raise forms.ValidationError("For an age grade, give both your age and a category.")
        return cleaned
