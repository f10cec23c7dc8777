from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.db import transaction

from milepost import clock
from milepost.fields import DistanceField, DurationField
from milepost.runmath.units import format_distance, format_duration

from .models import LoginFailure, Profile, time_zone_choices


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        required=False, help_text="Optional. We use it only for your reminders."
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    @transaction.atomic
    def save(self, commit=True):
        """The new runner, with their profile."""
        user = super().save(commit=commit)
        if commit:
            Profile.objects.create(user=user)
        return user


class LimitedAuthenticationForm(AuthenticationForm):
    """Refuses to check passwords after too many recent failures."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": "Too many sign-in attempts. Please wait a few minutes and try again.",
    }

    def clean(self):
        username = self.cleaned_data.get("username", "")
        address = self.request.META.get("REMOTE_ADDR") if self.request else None
        if username and LoginFailure.objects.is_locked(username, address or ""):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            return super().clean()
        except forms.ValidationError:
            LoginFailure.objects.create(username=username, address=address, at=clock.now())
            raise


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=time_zone_choices)
    birth_year = forms.IntegerField(required=False, min_value=1900, max_value=2025)
    weekly_minutes = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=3000,
        label="Time for running each week (minutes)",
        help_text="What you can really give, on an ordinary week.",
    )

    class Meta:
        model = Profile
        fields = ("name", "units", "time_zone", "birth_year", "category", "weekly_minutes")
        widgets = {"units": forms.RadioSelect}

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year and year > clock.now().year - 5:
            raise forms.ValidationError("That birth year looks too recent; please check it.")
        return year


class RunningLatelyForm(forms.ModelForm):
    """A recent race and a typical week, typed the way runners say them ("10k", "42:30")."""

    race_distance = DistanceField(
        label="Recent race or timed run: distance",
        required=False,
        help_text="For example 5k, 10 km, half or 6.2 mi.",
    )
    race_time = DurationField(
        clock=True, label="Its time", required=False, help_text="For example 27:30 or 1:58:34."
    )
    week_distance = DistanceField(
        label="A typical week: how far", required=False, help_text="For example 25 km or 15 mi."
    )
    long_run = DistanceField(
        label="Longest run of the last month", required=False, help_text="For example 12 km."
    )

    class Meta:
        model = Profile
        fields = ("recent_race_on", "typical_week_runs")
        labels = {
            "recent_race_on": "Its date",
            "typical_week_runs": "A typical week: how many runs",
        }
        widgets = {"recent_race_on": forms.DateInput(attrs={"type": "date"})}

    field_order = [
        "race_distance",
        "race_time",
        "recent_race_on",
        "week_distance",
        "typical_week_runs",
        "long_run",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile, units = self.instance, self.instance.units
        for name in ("race_distance", "week_distance", "long_run"):
            self.fields[name].units = units
        self.initial.update(
            race_distance=distance_text(profile.recent_race_m, units),
            race_time=format_duration(profile.recent_race_s) if profile.recent_race_s else "",
            week_distance=distance_text(profile.typical_week_m, units),
            long_run=distance_text(profile.recent_long_run_m, units),
        )

    def clean_recent_race_on(self):
        day = self.cleaned_data.get("recent_race_on")
        if day and day > self.instance.today():
            raise forms.ValidationError("That date is in the future; when did you run it?")
        return day

    def clean(self):
        cleaned = super().clean()
        race = [
            cleaned.get("race_distance"),
            cleaned.get("race_time"),
            cleaned.get("recent_race_on"),
        ]
        if any(race) and not all(race):
            raise forms.ValidationError(
                "For a recent race, give its distance, its time and its date."
            )
        return cleaned

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.recent_race_m = self.cleaned_data["race_distance"]
        profile.recent_race_s = self.cleaned_data["race_time"]
        profile.typical_week_m = self.cleaned_data["week_distance"]
        profile.recent_long_run_m = self.cleaned_data["long_run"]
        if commit:
            profile.save()
        return profile


def distance_text(metres: float | None, units: str) -> str:
    return format_distance(metres, units, decimals=1) if metres else ""
