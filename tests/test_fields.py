"""The form fields for what runners type: a distance, a time, a pace."""

import pytest
from django import forms

from milepost.fields import DistanceField, DurationField, PaceField


def test_a_distance_is_read_in_the_runners_units():
    assert DistanceField(units="mi").clean("10") == pytest.approx(16093.44)
    assert DistanceField(units="km").clean(" 10 ") == 10_000
    assert DistanceField(required=False).clean("") is None


def test_a_distance_that_cannot_be_read_says_what_to_write():
    with pytest.raises(forms.ValidationError) as error:
        DistanceField().clean("far")
    assert error.value.messages == [
        "We couldn't read \u201cfar\u201d as a distance; try 20 km or 12 mi."
    ]


def test_a_required_field_left_empty_says_so():
    with pytest.raises(forms.ValidationError, match="This field is required."):
        DistanceField().clean("  ")


def test_a_clock_time_needs_colons():
    assert DurationField().clean("45 min") == 2700
    assert DurationField(clock=True).clean("45:00") == 2700
    with pytest.raises(forms.ValidationError, match="Write the time like 25:00"):
        DurationField(clock=True).clean("45 min")


def test_a_pace_without_a_unit_is_in_the_runners_units():
    assert PaceField(units="km").clean("5:00") == 300
    assert PaceField(units="mi").clean("8:00") == pytest.approx(480 / 1.609344)
    with pytest.raises(forms.ValidationError, match="as a pace"):
        PaceField().clean("fast")
