from datetime import timedelta

from django import forms

from milepost.fields import PlainWordsMixin

from . import triggers
from .models import CycleStart, Kind

# A cycle start further back than a new-cycle nudge stays open would never show.
PAST_DAYS = triggers.OPEN_DAYS - 1
AHEAD_DAYS = 366


class CycleStartForm(PlainWordsMixin, forms.ModelForm):
    class Meta:
        model = CycleStart
        fields = ("day", "note")
        widgets = {"day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < self.today - timedelta(days=PAST_DAYS):
            raise forms.ValidationError("Choose a day in the last four weeks, or one to come.")
        if day > self.today + timedelta(days=AHEAD_DAYS):
            raise forms.ValidationError("Choose a day within the next year.")
        return day


class NudgeKeyForm(forms.Form):
    """A nudge named by what makes it one (``Nudge``'s unique key), and what to do with it."""

    kind = forms.ChoiceField(choices=Kind.choices)
    since = forms.DateField()
    goal = forms.IntegerField(required=False)
    action = forms.ChoiceField(choices=[("dismiss", "Dismiss"), ("snooze", "Snooze")])
