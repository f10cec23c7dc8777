import re

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    UserCreationForm,
)
from django.db import transaction

from milepost import clock
from milepost.fields import DistanceField, DurationField, PlainWordsMixin
from milepost.runmath.units import format_distance, format_duration, run_day_problem
from milepost.web import client_address

from .mail import KINDS, verified_address
from .models import LoginFailure, Profile, time_zone_choices


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        required=False,
        help_text=(
            "Optional. For your reminders and for resetting your password; "
            "we send a link to confirm it first."
        ),
    )
    # Filled in by app.js from the browser's own time zone; without JavaScript, UTC.
    time_zone = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""})
    )

    def clean_time_zone(self):
        """The browser's time zone if it is one we know; otherwise UTC (the profile says so)."""
        zone = self.cleaned_data.get("time_zone", "")
        return zone if zone in dict(time_zone_choices()) else "UTC"

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")
        # Django's unique check, in plain words (sign-up is throttled per address).
        error_messages = {"username": {"unique": "That username is taken."}}

    @transaction.atomic
    def save(self, commit=True):
        """The new runner, with their profile."""
        user = super().save(commit=commit)
        if commit:
            Profile.objects.create(user=user, time_zone=self.cleaned_data["time_zone"])
        return user


class LimitedAuthenticationForm(AuthenticationForm):
    """Refuses to check passwords after too many recent failures."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": "Too many sign-in attempts. Please wait a few minutes and try again.",
    }

    def clean(self):
        username = self.cleaned_data.get("username", "")
        address = client_address(self.request) if self.request else None
        if username and LoginFailure.objects.is_locked(username, address):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            LoginFailure.objects.record(username, address)
            raise
        LoginFailure.objects.forget(username, address)
        return cleaned


class LimitedPasswordChangeForm(PasswordChangeForm):
    """The old password is a sign-in of its own: its failures count with the sign-in limits,
    so a session left open on a shared computer cannot be used to guess it."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        username = self.user.get_username()
        address = client_address(self.request) if self.request else None
        if LoginFailure.objects.is_locked(username, address):
            raise forms.ValidationError(
                LimitedAuthenticationForm.error_messages["locked"], code="locked"
            )
        try:
            old = super().clean_old_password()
        except forms.ValidationError:
            LoginFailure.objects.record(username, address)
            raise
        LoginFailure.objects.forget(username, address)
        return old


_HOURS = r"(?P<hours>\d+(?:[.,]\d+)?)\s*(?:h|hrs?|hours?)"
_MINUTES = r"(?P<minutes>\d+)\s*(?:m|mins?|minutes?)"
WEEKLY_TIME = [
    re.compile(rf"{_HOURS}(?:\s*(?:and\s*)?{_MINUTES})?"),
    re.compile(_MINUTES),
    re.compile(r"(?P<hours>\d+(?:[.,]\d+)?)"),  # a bare number is hours
]
MOST_HOURS = 40


class WeeklyTimeField(forms.CharField):
    """Time for running each week, typed as runners say it: "4 hours", "3.5", "3h 30m",
    "3:30", "90 min". A bare number is hours. Cleans to whole minutes (or None)."""

    default_error_messages = {
        "invalid": "Write the time in hours and minutes, for example 4 hours, 3.5 or 3h 30m.",
        "too_much": (
            "That is more than %(most)s hours a week. If you meant minutes, add “min”, "
            "for example %(value)s min."
        ),
    }

    def to_python(self, value):
        text = super().to_python(value).strip().lower()
        if not text:
            return None
        clock = re.fullmatch(r"(\d+):([0-5]\d)", text)
        if clock:
            return int(clock[1]) * 60 + int(clock[2])
        found = next((m for p in WEEKLY_TIME if (m := p.fullmatch(text))), None)
        if not found:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        parts = found.groupdict()
        hours = float((parts.get("hours") or "0").replace(",", "."))
        if hours > MOST_HOURS and re.fullmatch(r"[\d.,]+", text):
            raise forms.ValidationError(
                self.error_messages["too_much"],
                code="too_much",
                params={"most": MOST_HOURS, "value": text},
            )
        minutes = round(hours * 60) + int(parts.get("minutes") or 0)
        if minutes > MOST_HOURS * 60:
            raise forms.ValidationError(
                "That is more than %(most)s hours a week; what can you really give?",
                code="too_much",
                params={"most": MOST_HOURS},
            )
        return minutes

    def prepare_value(self, value):
        return weekly_time_text(value) if isinstance(value, int) else value


def weekly_time_text(minutes: int | None) -> str:
    """180 → "3 hours", 210 → "3 hours 30 min", 45 → "45 min"."""
    if not minutes:
        return "" if minutes is None else "0 hours"
    hours, rest = divmod(minutes, 60)
    words = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    return " ".join(words + ([f"{rest} min"] if rest else []))


class ProfileForm(PlainWordsMixin, forms.ModelForm):
    time_zone = forms.ChoiceField(choices=time_zone_choices)
    birth_year = forms.IntegerField(required=False, min_value=1900, max_value=2025)
    weekly_minutes = WeeklyTimeField(
        required=False,
        label="Time for running each week",
        help_text="What you can really give, on an ordinary week: for example 4 hours, "
        "3.5 or 3h 30m.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.time_zone == "UTC":
            self.fields["time_zone"].help_text = (
                "Set to UTC for now: we could not tell your time zone. Choose yours, so your "
                "weeks and reminders follow your own clock."
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
        if day and (problem := run_day_problem(day, self.instance.today())):
            raise forms.ValidationError(problem.replace("Runs", "Races"))
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


class ApiTokenForm(PlainWordsMixin, forms.Form):
    name = forms.CharField(
        label="What is it for?",
        max_length=100,
        help_text="A name you will recognise later, such as “my spreadsheet” or “coach's script”.",
    )
    write = forms.BooleanField(label="It may add runs and imports (not only read)", required=False)
    expires_in_days = forms.IntegerField(
        label="Stops working after this many days (optional)",
        min_value=1,
        max_value=3650,
        required=False,
    )


class EmailAddressForm(PlainWordsMixin, forms.Form):
    email = forms.EmailField(
        label="Your e-mail address",
        required=False,
        max_length=254,
        help_text="Leave it empty and Milepost will not e-mail you.",
    )


class EmailChoicesForm(forms.Form):
    """A tick box for each kind of e-mail (``mail.KINDS``), for runners and then coaches."""

    def __init__(self, *args, chosen: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, each in KINDS.items():
            self.fields[kind] = forms.BooleanField(
                label=each.label, required=False, initial=chosen[kind]
            )

    def for_runners(self):
        return [self[kind] for kind, each in KINDS.items() if not each.for_coaches]

    def for_coaches(self):
        return [self[kind] for kind, each in KINDS.items() if each.for_coaches]


class VerifiedPasswordResetForm(PasswordResetForm):
    """Sends a reset link only to an address its owner has confirmed; the page says the same
    whether or not there is such an account."""

    email = forms.EmailField(label="Your e-mail address", max_length=254)

    def get_users(self, email):
        return (user for user in super().get_users(email) if verified_address(user))
