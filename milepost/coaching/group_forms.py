"""The forms of the group pages and of the coach's own questions."""

from django import forms

from milepost import clock
from milepost.fields import PlainWordsMixin

from .groups import MAX_PROMPTS


class GroupForm(PlainWordsMixin, forms.Form):
    name = forms.CharField(
        label="The group's name",
        max_length=100,
        help_text="Runners see it when they join, for example \u201cSpring 10K group\u201d.",
    )


class GroupRoundForm(PlainWordsMixin, forms.Form):
    prompts = forms.CharField(
        label="Your own questions (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"One a line, up to {MAX_PROMPTS}. Each member sees them after the eight "
        "questions; their answers stay private unless they choose to share them.",
    )
    brainstorm_by = forms.DateField(
        label="Reflect by", widget=forms.DateInput(attrs={"type": "date"})
    )
    rest_until = forms.DateField(
        label="Rest until (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The day the goals come out again after their rest.",
    )

    def clean_brainstorm_by(self):
        day = self.cleaned_data["brainstorm_by"]
        if day < clock.now().date():
            raise forms.ValidationError("Choose today or a day ahead.")
        return day

    def clean_prompts(self):
        lines = [line.strip() for line in self.cleaned_data["prompts"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_PROMPTS:
            raise forms.ValidationError(f"Ask at most {MAX_PROMPTS} questions, one a line.")
        if any(len(line) > 500 for line in lines):
            raise forms.ValidationError("Keep each question under 500 characters.")
        return lines

    def clean(self):
        cleaned = super().clean()
        start, rest = cleaned.get("brainstorm_by"), cleaned.get("rest_until")
        if start and rest and rest < start:
            self.add_error("rest_until", "The rest should end after the day to reflect by.")
        return cleaned


class QuestionForm(PlainWordsMixin, forms.Form):
    text = forms.CharField(
        label="Your question",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your client sees it after the eight questions, and answers it in notes.",
    )
