"""How runs felt, in words: ``{% load feelings %}``."""

from django import template

from ..feelings import FEELING_WORDS, RATE_AFTER_IMPORT, FeelingForm

register = template.Library()


@register.filter
def feeling_word(value) -> str:
    """``{{ activity.feeling|feeling_word }}``: Tough, Meh, OK, Good or Great ("" when unset)."""
    return FEELING_WORDS.get(value, "")


@register.simple_tag(takes_context=True)
def feeling_form_for(context, activity) -> FeelingForm:
    """The run's feeling form: the one just sent back with its reason, or a fresh one."""
    form = context.get("feeling_form")
    if isinstance(form, FeelingForm) and form.instance.pk == activity.pk:
        return form
    return FeelingForm(instance=activity)


@register.simple_tag
def runs_to_rate(runs, units="km") -> dict:
    """The latest of the runs an import brought in (at most RATE_AFTER_IMPORT), each with a
    label, and how many it brought in all told. ``runs``: a query of them, or nothing."""
    if runs is None or runs == "":
        return {"runs": [], "total": 0}
    latest = runs.order_by("-start")[:RATE_AFTER_IMPORT]
    return {"runs": [(a, a.describe(units or "km")) for a in latest], "total": runs.count()}
