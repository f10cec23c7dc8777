from django import forms
from django.conf import settings


class RestForm(forms.Form):
    days = forms.IntegerField(
        label="Put the list away for how many days?",
        min_value=1,
        max_value=30,
        initial=settings.DEFAULT_REST_DAYS,
        help_text="Three days is a good start. We'll remind you when it's time to look again.",
    )


class EndRestForm(forms.Form):
    sure = forms.BooleanField(
        label="Yes, I've rested enough and want to look at my list now.",
        error_messages={"required": "Tick the box to end the rest early."},
    )
