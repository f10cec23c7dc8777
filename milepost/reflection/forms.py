import uuid

from django import forms
from django.db.models import Count, Sum
from django.db.models.functions import Length

from milepost.fields import PlainWordsMixin

from .models import (
    MAX_NOTES_PER_ROUND,
    MAX_ROUND_CHARS,
    Note,
    Reason,
    Round,
    RoundTheme,
    Share,
    ThemeStatus,
    theme_choices,
)
from .questions import QUESTION_CHOICES


class RoundStartForm(PlainWordsMixin, forms.ModelForm):
    reason = forms.ChoiceField(
        label="Why are you setting goals now?", choices=Reason.choices, widget=forms.RadioSelect
    )

    class Meta:
        model = Round
        fields = ("reason", "reason_note")
        widgets = {"reason_note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "reason_note": "Optional, unless you chose \u201cSomething else\u201d: then tell us "
            "in a few words what brings you here."
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == Reason.OTHER and not cleaned.get("reason_note", "").strip():
            self.add_error("reason_note", "Tell us in a few words what brings you here.")
        return cleaned


class NoteForm(PlainWordsMixin, forms.ModelForm):
    """A note on one of the eight questions (its key), or on one of the round's own questions
    (``extra-<id>``, given the round): cleaned into ``question`` or ``extra_question``."""

    question = forms.ChoiceField(choices=QUESTION_CHOICES, widget=forms.HiddenInput)
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, round: Round | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self.extra = {q.key: q for q in round.extra_questions.all()} if round else {}
        self.fields["question"].choices = QUESTION_CHOICES + [
            (key, q.text) for key, q in self.extra.items()
        ]

    class Meta:
        model = Note
        fields = ("question", "text", "client_id")
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "Add a note"}
        error_messages = {
            "text": {"required": "Write a few words first; there is no wrong answer."}
        }

    def check_room(self, length: int) -> None:
        """A round holds so many notes and characters (models.MAX_NOTES_PER_ROUND)."""
        held = self.round.notes.aggregate(notes=Count("id"), chars=Sum(Length("text")))
        chars = held["chars"] or 0
        if held["notes"] >= MAX_NOTES_PER_ROUND:
            self.add_error(
                "text",
                f"This round holds {MAX_NOTES_PER_ROUND} notes and has them all. Close the "
                "brainstorm to see the themes in what you wrote.",
            )
        elif chars + length > MAX_ROUND_CHARS:
            self.add_error(
                "text",
                f"This round's notes hold {MAX_ROUND_CHARS:,} characters in all, and "
                f"{max(MAX_ROUND_CHARS - chars, 0):,} are left: please make this one shorter, "
                "or close the brainstorm to see the themes in what you wrote.",
            )

    def clean_client_id(self):
        return self.cleaned_data.get("client_id") or uuid.uuid4()

    def clean(self):
        cleaned = super().clean()
        if self.round is not None and cleaned.get("text"):
            self.check_room(len(cleaned["text"]))
        extra = self.extra.get(cleaned.get("question"))
        if extra is not None:
            cleaned["question"], cleaned["extra_question"] = "", extra
            self.instance.extra_question = extra
        return cleaned


class ShareForm(forms.Form):
    """Who may read a note, or a round's themes, besides the runner."""

    shared_with = forms.ChoiceField(
        label="Who can read this?", choices=Share.choices, widget=forms.RadioSelect
    )


class ThemeDecisionForm(forms.Form):
    """One radio group per proposed theme, a choice of the one that matters most."""

    def __init__(self, *args, themes: list[RoundTheme], optional=frozenset(), **kwargs):
        """``optional``: the keys of the less clear themes, answered only if the runner likes."""
        super().__init__(*args, **kwargs)
        self.themes = themes
        for theme in themes:
            self.fields[f"theme_{theme.key}"] = forms.ChoiceField(
                required=theme.key not in optional,
                label=theme.get_key_display(),
                choices=[
                    (ThemeStatus.CONFIRMED, "Yes, that's me"),
                    (ThemeStatus.DISMISSED, "Not really"),
                ],
                widget=forms.RadioSelect,
                initial=theme.status if theme.status != ThemeStatus.PROPOSED else None,
                error_messages={"required": "Please say yes or not really."},
            )
        self.fields["most_important"] = forms.ChoiceField(
            label="Which one matters most to you?",
            choices=[(t.key, t.get_key_display()) for t in themes],
            widget=forms.RadioSelect,
            required=False,
            initial=next((t.key for t in themes if t.most_important), None),
        )

    def clean(self):
        cleaned = super().clean()
        most = cleaned.get("most_important")
        if most and cleaned.get(f"theme_{most}") != ThemeStatus.CONFIRMED:
            self.add_error(
                "most_important", "The theme that matters most should be one you said yes to."
            )
        if not any(v == ThemeStatus.CONFIRMED for k, v in cleaned.items() if k != "most_important"):
            raise forms.ValidationError(
                "Say yes to at least one theme, or add one we missed, before you go on."
            )
        return cleaned

    def decisions(self) -> dict[str, str]:
        """{theme key: confirmed or dismissed} for each theme answered."""
        answers = {t.key: self.cleaned_data.get(f"theme_{t.key}") for t in self.themes}
        return {key: status for key, status in answers.items() if status}

    def as_typed(self) -> tuple[dict[str, str], str | None]:
        """The answers given so far, checked one by one but not as a whole: kept when the
        runner leaves the form to add a theme we missed."""
        allowed = {ThemeStatus.CONFIRMED, ThemeStatus.DISMISSED}
        answers = {t.key: self.data.get(f"theme_{t.key}") for t in self.themes}
        most = self.data.get("most_important")
        return (
            {key: status for key, status in answers.items() if status in allowed},
            most if most in answers else None,
        )


class AddThemeForm(PlainWordsMixin, forms.Form):
    key = forms.ChoiceField(label="A theme we missed", choices=theme_choices)
    in_my_words = forms.CharField(
        label="In your own words (optional)", max_length=300, required=False
    )

    def __init__(self, *args, taken: set[str] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [(k, v) for k, v in theme_choices() if k not in taken]
