"""How a run felt: a quick 1 to 5 with words and an optional note, offered on the run's page
(so right after a run is added by hand) and on the import result, and editable later.

The same words serve the check-ins on experiential goals (goals.forms).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from milepost.fields import PlainWordsMixin
from milepost.web import redirect_next, safe_next

from . import services
from .models import Activity, Feeling

# One word a runner would say, never a score: 1 is a tough day, not a failure.
FEELING_WORDS = dict(Feeling.choices)
FEELING_CHOICES = Feeling.choices
FEELING_ERROR = "Choose how it felt: Tough, Meh, OK, Good or Great (1 to 5)."
# Imported runs offered a quick rating on the import result: the most recent ones.
RATE_AFTER_IMPORT = 10
NOTE_MAX = 2000


def feeling_field(label: str = "How did it feel?") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=FEELING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "feeling-choice"}),
        error_messages={"invalid_choice": FEELING_ERROR},
    )


def note_field(label: str = "A note (optional)") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FeelingForm(PlainWordsMixin, forms.ModelForm):
    """How one run felt; prefixed with the run's id, so many fit on one page."""

    feeling = feeling_field()
    feeling_note = note_field()

    class Meta:
        model = Activity
        fields = ("feeling", "feeling_note")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", f"run{kwargs['instance'].pk}")
        super().__init__(*args, **kwargs)

    def save(self, commit=True):
        activity = super().save(commit=False)
        if commit:
            services.save_feeling(activity=activity)
        return activity


@login_required
def activity_feeling(request, pk):
    """GET: the feeling form on its own page; POST: saves it and goes back where the runner
    was, or shows the form again with the reason and what they typed."""
    activity = get_object_or_404(Activity, pk=pk, owner=request.user)
    form = FeelingForm(request.POST if request.method == "POST" else None, instance=activity)
    if form.is_valid():
        form.save()
        word = FEELING_WORDS.get(activity.feeling)
        messages.success(request, f"Saved how it felt: {word}." if word else "Saved.")
        return redirect_next(request, activity)
    context = {"activity": activity, "feeling_form": form, "next": safe_next(request)}
    return render(request, "runs/activity_feeling.html", context)
