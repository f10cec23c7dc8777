import pytest

from milepost.goals.metrics import parse_target
from milepost.goals.targets import TargetError, format_target


@pytest.mark.parametrize(
    ("metric", "text", "units", "value", "unit"),
    [
        ("distance", "20 km", "km", 20_000, "m"),
        ("distance", "12 miles", "km", 19_312.128, "m"),
        ("distance", "12", "mi", 19_312.128, "m"),
        ("distance", "7,5km", "km", 7_500, "m"),
        ("longest_run", "30 kilometres", "mi", 30_000, "m"),
        ("time", "3 hours", "km", 10_800, "s"),
        ("time", "90 min", "km", 5_400, "s"),
        ("time", "1:30:00", "km", 5_400, "s"),
        ("runs", "4 runs", "km", 4, "count"),
        ("streak", "30 days", "km", 30, "days"),
        ("continuous_run", "30 min", "km", 1_800, "s"),
        ("continuous_run", "5 km", "km", 5_000, "m"),
    ],
)
def test_it_reads_targets_as_runners_write_them(metric, text, units, value, unit):
    target = parse_target(metric, text, "", units)
    assert target.value == pytest.approx(value)
    assert target.unit == unit


def test_a_race_time_needs_a_distance_and_a_clock_time():
    target = parse_target("race_time", "1:58:34", "half", "km")
    assert (target.value, target.race_distance_m) == (7114, 21097.5)
    with pytest.raises(TargetError) as error:
        parse_target("race_time", "1:58:34", "", "km")
    assert error.value.field == "race"


@pytest.mark.parametrize(
    ("metric", "text", "message"),
    [
        ("distance", "", "Write the target"),
        ("distance", "far", "couldn't read \u201cfar\u201d as a distance"),
        ("distance", "20 parsecs", "as a distance"),
        ("distance", "0.01 km", "out of range"),
        ("time", "lots", "as a time"),
        ("runs", "0", "as a number"),
    ],
)
def test_bad_targets_are_explained(metric, text, message):
    with pytest.raises(TargetError, match=message):
        parse_target(metric, text, "", "km")


def test_a_clock_time_with_impossible_seconds_is_refused():
    with pytest.raises(TargetError, match="59"):
        parse_target("race_time", "25:75", "5k", "km")


def test_targets_read_back_in_the_runners_units():
    assert format_target("distance", "week", 20_000, "m", None, "km") == "20 km per week"
    assert format_target("distance", "week", 32_186.88, "m", None, "mi") == "20 mi per week"
    assert format_target("race_time", "", 7114, "s", 21097.5, "km") == "Half marathon in 1:58:34"
    assert format_target("race_finish", "", None, "", 42195, "mi") == "Finish a marathon"
    assert format_target("runs", "month", 12, "count", None, "km") == "12 runs per month"
    assert format_target("time", "week", 10_800, "s", None, "km") == "3 h per week"
