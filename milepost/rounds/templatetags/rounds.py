from django import template

from milepost.reflection.models import Stage
from milepost.reflection.questions import QUESTIONS_BY_KEY

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
