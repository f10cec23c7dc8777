"""Distances, times and paces of runs as the runner reads them, in their own units."""

from django import template
from django.utils import dateformat

from milepost.runmath.units import format_distance, format_duration, format_pace

register = template.Library()
NOTHING = "\u2013"


@register.filter
def distance(metres, units="km"):
    """``{{ activity.distance_m|distance:profile.units }}``: 10.02 km or 6.23 mi."""
    if metres is None:
        return NOTHING
    return format_distance(metres, units or "km", decimals=2)


@register.filter
def duration(seconds):
    return NOTHING if seconds is None else format_duration(seconds)


@register.filter
def pace(seconds_per_km, units="km"):
    """``{{ activity.pace_s_per_km|pace:profile.units }}``: 5:30/km or 8:51/mi."""
    if not seconds_per_km:
        return NOTHING
    return format_pace(seconds_per_km, units or "km")


@register.filter
def local(activity, fmt="D j M Y, H:i"):
    """When the activity started, on the clock where it was run (not converted again)."""
    return dateformat.format(activity.local_start, fmt)
