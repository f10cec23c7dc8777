from django import template

from milepost.goals.targets import format_target

register = template.Library()


@register.simple_tag(takes_context=True)
def goal_target(context, goal) -> str:
    profile = context.get("profile")
    units = profile.units if profile else "km"
    return format_target(
        goal.metric,
        goal.period,
        goal.target_value,
        goal.target_unit,
        goal.race_distance_m,
        units,
    )
