from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm

from milepost import clock

from .models import LoginFailure, Profile, time_zone_choices


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        required=False, help_text="Optional. We use it only for your reminders."
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")


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
