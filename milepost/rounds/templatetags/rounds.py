from django import template

from milepost.reflection.models import Stage
from milepost.reflection.questions import QUESTIONS_BY_KEY

register = template.Library()


@register.inclusion_tag("rounds/includes/stages.html")
def round_stages(round):
    stages = [(s.value, s.label) for s in Stage if s != Stage.DONE]
    return {"round": round, "stages": stages}


@register.filter
def question_title(key: str) -> str:
    question = QUESTIONS_BY_KEY.get(key)
    return question.title if question else key
