from datetime import date, datetime, timedelta

from django import template
from django.utils import timezone

from milepost.reflection.models import Stage
from milepost.reflection.questions import QUESTIONS_BY_KEY
from milepost.runmath.units import WEEKDAYS, format_weekday

register = template.Library()


@register.inclusion_tag("rounds/includes/stages.html")
def round_stages(round):
    """Where the round is, as a progress indicator (not links): "Step 3 of 7: Goals"."""
    stages = [(s.value, s.label) for s in Stage if s != Stage.DONE]
    current = round.current_stage
    number = next((i for i, (value, _) in enumerate(stages, 1) if value == current), len(stages))
    labels = dict(stages)
    return {
        "round": round,
        "stages": stages,
        "current": current,
        "number": number,
        "current_label": labels.get(current, Stage.DONE.label),
    }


@register.filter
def question_title(key: str) -> str:
    question = QUESTIONS_BY_KEY.get(key)
    return question.title if question else key


@register.filter
def field(form, theme_key: str):
    """The bound field that answers one theme: ``form|field:theme.key``."""
    return form[f"theme_{theme_key}"]


PARTS_OF_DAY = ((21, "night"), (17, "evening"), (12, "afternoon"), (5, "morning"), (0, "night"))


@register.filter
def when_in_words(moment: datetime, today: date) -> str:
    """Roughly when, in the runner's own zone: "this evening", "tomorrow morning", "on Sunday
    morning", "on Sunday 14 December, in the afternoon"; never a clock time to the minute.
    The small hours belong to the night before ("late on Saturday night")."""
    local = timezone.localtime(moment)
    day = local.date()
    part = next(name for start, name in PARTS_OF_DAY if local.hour >= start)
    late = local.hour < 5 and day > today
    if late:
        day -= timedelta(days=1)
    if day <= today:
        return "tonight" if part == "night" else f"this {part}"
    if day == today + timedelta(days=1):
        return f"{'late ' if late else ''}tomorrow {part}"
    when = f"on {WEEKDAYS[day.weekday()]} {part}"
    if day - today >= timedelta(days=7):
        when = f"on {format_weekday(day)}, in the {part}"
    return f"late {when}" if late else when


@register.filter
def stage_name(round) -> str:
    """The step a round is at, as the stage indicator names it: "Goals"."""
    return Stage(round.current_stage).label
