from django import forms

from milepost.fields import PlainWordsMixin

from .models import Scope


class ScopesForm(forms.Form):
    scopes = forms.MultipleChoiceField(
        label="What your coach can see",
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least one thing to share: goals, reflections or runs. "
            "To share nothing, stop sharing instead."
        },
    )


class InviteCoachForm(ScopesForm):
    email = forms.EmailField(
        label="Your coach's e-mail (optional)",
        required=False,
        help_text="We send them the link. Or leave it empty and send the link yourself.",
    )


class InviteClientForm(forms.Form):
    email = forms.EmailField(
        label="Your client's e-mail (optional)",
        required=False,
        help_text="We send them the link. Or leave it empty and send the link yourself.",
    )


class CoachNoteForm(PlainWordsMixin, forms.Form):
    text = forms.CharField(
        label="A note about this client",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only you can read it, unless you share it.",
    )
    shared = forms.BooleanField(label="Share this note with the runner", required=False)
