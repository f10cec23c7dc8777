from datetime import date

from django import forms
from django.conf import settings

from milepost.fields import PlainWordsMixin
from milepost.reflection.models import theme_choices
from milepost.runmath.units import (
    format_day,
    latest_plan_day,
    plan_day_problem,
    run_day_problem,
)
from milepost.runs.feelings import feeling_field, note_field

from .metrics import PERIODIC_METRICS, parse_target
from .models import (
    CheckIn,
    Goal,
    GoalComment,
    GoalPause,
    GoalSuggestion,
    Horizon,
    Kind,
    PauseReason,
    Step,
)
from .targets import TargetError, race_distance_choices, target_initial


class GoalForm(PlainWordsMixin, forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label="Which of your themes does it serve?",
        choices=theme_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    target = forms.CharField(
        label="Target",
        required=False,
        max_length=60,
        help_text="For example 20 km, 12 mi, 3 hours, 4 runs, 30 days, or a time like 1:58:00.",
    )
    race = forms.ChoiceField(label="Race distance", choices=race_distance_choices, required=False)

    class Meta:
        model = Goal
        fields = (
            "title",
            "size",
            "horizon",
            "target_date",
            "feeling",
            "themes",
            "why",
            "kind",
            "metric",
            "period",
        )
        widgets = {
            "size": forms.RadioSelect,
            "horizon": forms.RadioSelect,
            "feeling": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "target_date": forms.DateInput(attrs={"type": "date"}),
            "why": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(
        self,
        *args,
        units: str = "km",
        confirmed: list[str] | None = None,
        today: date | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.units = units
        self.today = today
        self.kept_date = self.instance.target_date if self.instance.pk else None
        if confirmed:
            labels = dict(theme_choices())
            self.fields["themes"].choices = [(k, labels[k]) for k in confirmed if k in labels]
        if self.instance.pk:
            self.initial.update(target_initial(self.instance, units))
        set_date_range(self.fields["target_date"], today)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("horizon") == Horizon.DATE and not cleaned.get("target_date"):
            self.add_error("target_date", "Pick the date, or choose another horizon.")
        elif cleaned.get("horizon") == Horizon.DATE and self.is_past(cleaned["target_date"]):
            day = format_day(cleaned["target_date"], self.today)
            self.add_error(
                "target_date",
                f"{day} has already passed. Pick a date ahead, or choose "
                "\u201cIn the next month or two\u201d or \u201cFurther out\u201d.",
            )
        elif cleaned.get("horizon") == Horizon.DATE and self.today is not None:
            problem = plan_day_problem(cleaned["target_date"], self.today)
            if problem:
                self.add_error("target_date", problem)
        if cleaned.get("kind") == Kind.MEASURABLE:
            self.clean_measure(cleaned)
        return cleaned

    def is_past(self, day: date) -> bool:
        """A date before today; a goal's own date kept through an edit is left be."""
        return self.today is not None and day < self.today and day != self.kept_date

    def clean_measure(self, cleaned):
        metric = cleaned.get("metric")
        if not metric:
            self.add_error("metric", "Choose what Milepost should measure.")
            return
        if metric in PERIODIC_METRICS and not cleaned.get("period"):
            self.add_error("period", "Per week, per month or per year?")
        try:
            cleaned["parsed_target"] = parse_target(
                metric, cleaned.get("target", ""), cleaned.get("race", ""), self.units
            )
        except TargetError as error:
            self.add_error(error.field, str(error))

    def save(self, commit=True):
        goal = super().save(commit=False)
        if goal.kind == Kind.MEASURABLE:
            target = self.cleaned_data["parsed_target"]
            goal.target_value, goal.target_unit = target.value, target.unit
            goal.race_distance_m = target.race_distance_m
            if goal.metric not in PERIODIC_METRICS:
                goal.period = ""  # a hidden choice left from another metric
        else:
            goal.metric, goal.period, goal.target_unit = "", "", ""
            goal.target_value = goal.race_distance_m = None
        if goal.horizon != Horizon.DATE:
            goal.target_date = None
        if commit:
            goal.save()
        return goal


class SettleForm(forms.Form):
    chosen = forms.MultipleChoiceField(
        label="Which goals will you work on now?",
        widget=forms.CheckboxSelectMultiple,
        required=True,
        error_messages={"required": "Choose at least one goal to work on now."},
    )

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].choices = [(str(g.pk), g.title) for g in goals]
        self.limit = settings.MAX_ACTIVE_GOALS

    def clean_chosen(self):
        chosen = self.cleaned_data["chosen"]
        if len(chosen) > self.limit:
            raise forms.ValidationError(
                f"Choose at most {self.limit}. The others stay as someday ideas, kept safe."
            )
        return [int(pk) for pk in chosen]


YES_NO = [("yes", "Yes"), ("no", "Not really")]


class PurposeForm(forms.Form):
    excited = forms.ChoiceField(
        label="Do you feel excited about the journey, and about reaching it?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    out_the_door = forms.ChoiceField(
        label="Would it get you out the door in bad weather and on a busy day?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    smile = forms.ChoiceField(
        label="Does thinking of reaching it make you smile?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )

    def answers(self) -> dict[str, bool]:
        return {name: value == "yes" for name, value in self.cleaned_data.items()}


PAST_STEP = "{day} has already passed. Pick today or a day ahead."


def refuse_past(day: date | None, today: date | None) -> None:
    """A step's date: from today to a few decades ahead (``plan_day_problem``)."""
    if day is not None and today is not None and day < today:
        raise forms.ValidationError(PAST_STEP.format(day=format_day(day, today)))
    if day is not None and today is not None and (problem := plan_day_problem(day, today)):
        raise forms.ValidationError(problem)


def set_date_range(field, today: date | None) -> None:
    """Tells the browser's date picker the days a goal or step may have."""
    if today is not None:
        field.widget.attrs.update(min=today.isoformat(), max=latest_plan_day(today).isoformat())


class StepForm(PlainWordsMixin, forms.ModelForm):
    class Meta:
        model = Step
        fields = ("title", "due")
        widgets = {"due": forms.DateInput(attrs={"type": "date"})}
        labels = {"title": "Next step", "due": "By when"}

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        set_date_range(self.fields["due"], today)

    def clean_due(self):
        due = self.cleaned_data["due"]
        refuse_past(due, self.today)
        return due


class ProposedStepForm(PlainWordsMixin, forms.Form):
    """One suggested step as the runner leaves it: kept or not, in their words, on their date."""

    keep = forms.BooleanField(required=False)
    title = forms.CharField(max_length=200, required=False)
    due = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, number: int, today: date | None = None, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.today = today
        set_date_range(self.fields["due"], today)
        self.fields["keep"].label = f"Keep step {number}"
        self.fields["title"].label = f"Step {number}"
        self.fields["due"].label = f"Step {number}: by when"
        self.fields["due"].error_messages["invalid"] = "Enter a date, like 2027-03-01."

    def clean(self):
        data = super().clean()
        if data.get("keep"):
            if not data.get("title", "").strip() and "title" not in self.errors:
                self.add_error("title", "Give the step a few words, or untick it.")
            if not data.get("due") and "due" not in self.errors:
                self.add_error("due", "Give the step a date, or untick it.")
            elif data.get("due") and "due" not in self.errors:
                try:
                    refuse_past(data["due"], self.today)
                except forms.ValidationError as error:
                    self.add_error("due", error)
        return data


class BaseProposedStepFormSet(forms.BaseFormSet):
    def __init__(self, *args, today: date | None = None, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "number": index + 1, "today": self.today}

    def clean(self):
        if any(self.errors):
            return
        if not self.kept():
            raise forms.ValidationError("Tick at least one step to add, or leave these be.")

    def kept(self) -> list[tuple[str, object]]:
        return [
            (form.cleaned_data["title"].strip(), form.cleaned_data["due"])
            for form in self.forms
            if form.cleaned_data.get("keep")
        ]


ProposedStepFormSet = forms.formset_factory(
    ProposedStepForm,
    formset=BaseProposedStepFormSet,
    extra=0,
    max_num=12,
    absolute_max=12,
    validate_max=True,
)


def proposed_step_formset(goal, proposed=(), data=None, today: date | None = None):
    """The suggested steps of ``goal`` as a form: all ticked, ready to change. With the
    runner's ``today``, a step dated before it is refused."""
    initial = [{"keep": True, "title": step.title, "due": step.due} for step in proposed]
    return ProposedStepFormSet(data, initial=initial, prefix=f"ladder{goal.pk}", today=today)


class PauseForm(PlainWordsMixin, forms.ModelForm):
    reason = forms.ChoiceField(
        label="Why the pause?",
        choices=PauseReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why: an injury, illness, life, or something else."},
    )
    note = note_field("A note for yourself (optional)")

    class Meta:
        model = GoalPause
        fields = ("reason", "note")


DID_IT = [("yes", "Yes"), ("no", "Not this time")]


class CheckInForm(PlainWordsMixin, forms.ModelForm):
    """A check-in on an experiential goal. Every part is optional but one: a word is enough."""

    did_it = forms.TypedChoiceField(
        label="Did it happen?",
        choices=DID_IT,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    feeling = feeling_field("How did it feel?")
    note = note_field()

    class Meta:
        model = CheckIn
        fields = ("day", "did_it", "feeling", "note")
        widgets = {"day": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if today is not None:
            self.fields["day"].initial = today
            self.fields["day"].widget.attrs["max"] = today.isoformat()

    def clean_day(self):
        day = self.cleaned_data["day"]
        if self.today is not None and day > self.today:
            raise forms.ValidationError("That day is still to come; check in once it has been.")
        if self.today is not None and (problem := run_day_problem(day, self.today)):
            raise forms.ValidationError(problem.replace("Runs", "Check-ins"))
        return day

    def clean(self):
        cleaned = super().clean()
        answers = (cleaned.get("did_it"), cleaned.get("feeling"), cleaned.get("note"))
        if not self.errors and all(a in (None, "") for a in answers):
            raise forms.ValidationError("Say whether it happened, how it felt, or write a note.")
        return cleaned


class CommentForm(PlainWordsMixin, forms.ModelForm):
    """A message in a goal's thread, from the runner or their coach."""

    class Meta:
        model = GoalComment
        fields = ("text",)
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": "Write a few words first."}}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Write a few words first.")
        return text


class SuggestionForm(GoalForm):
    """A goal a coach suggests: the goal form's fields and parsing, without the runner's
    themes (theirs to link once they accept it)."""

    themes = None

    class Meta(GoalForm.Meta):
        model = GoalSuggestion
        fields = (
            "title",
            "size",
            "horizon",
            "target_date",
            "feeling",
            "why",
            "kind",
            "metric",
            "period",
        )
        labels = {"title": "The goal you suggest", "why": "Why it might matter to them"}


class DeclineForm(PlainWordsMixin, forms.ModelForm):
    class Meta:
        model = GoalSuggestion
        fields = ("word",)
        widgets = {"word": forms.Textarea(attrs={"rows": 2})}
