import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from milepost.runmath import RunmathError
from milepost.runmath.units import (
    BEST_EFFORT_DISTANCES,
    RACE_DISTANCES,
    distance_key,
    format_distance,
    format_duration,
    format_duration_short,
    format_hours,
    format_minutes,
    format_pace,
    from_units,
    pace,
    parse_distance,
    parse_duration,
    parse_pace,
    race_key,
    race_name,
    read_clock,
    read_distance,
    read_duration,
    read_pace,
    to_units,
    week_start,
)

MILE = 1609.344  # the international mile, exactly


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("5k", 5000),
        ("10K", 10000),
        ("half", 21097.5),
        ("Half Marathon", 21097.5),
        ("half-marathon", 21097.5),
        ("marathon", 42195),
        ("8km", 8000),
        ("8 km", 8000),
        ("10mi", 10 * MILE),
        ("13.1 miles", 13.1 * MILE),
        ("mile", MILE),
        ("3000m", 3000),
        ("1500 metres", 1500),
        (" 5K ", 5000),
    ],
)
def test_it_reads_distances_as_runners_write_them(text, metres):
    assert parse_distance(text) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("10", "needs a unit"),
        ("10M", "ambiguous"),
        ("5 parsecs", "unknown distance unit"),
        ("ten k", "could not read"),
        ("-5k", "could not read"),
        ("0k", "more than zero"),
        ("5,000m", "could not read"),
    ],
)
def test_it_refuses_distances_it_cannot_read_and_says_why(text, complaint):
    with pytest.raises(RunmathError, match=complaint) as error:
        parse_distance(text)
    assert isinstance(error.value, ValueError)


def test_it_refuses_a_distance_that_is_not_text():
    with pytest.raises(RunmathError, match="must be text"):
        parse_distance(5000)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("25:00", 1500),
        ("1:58:34", 7114),
        ("0:25:00", 1500),
        ("75:30", 4530),
        ("25:00.5", 1500.5),
        ("1h58m", 7080),
        ("1h 58m 34s", 7114),
        ("45min", 2700),
        ("45 minutes", 2700),
        ("2h", 7200),
        ("2 hours", 7200),
        ("90s", 90),
    ],
)
def test_it_reads_durations(text, seconds):
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("25", "needs a unit or colons"),
        ("25:75", "go up to 59"),
        ("1:60:00", "go up to 59"),
        ("1:2:3", "could not read"),
        ("25::00", "could not read"),
        ("quick", "could not read"),
        ("", "empty"),
    ],
)
def test_it_refuses_durations_it_cannot_read_and_says_why(text, complaint):
    with pytest.raises(RunmathError, match=complaint):
        parse_duration(text)


@pytest.mark.parametrize(
    ("seconds", "always_hours", "shown"),
    [
        (1500, False, "25:00"),
        (7114, False, "1:58:34"),
        (1500, True, "0:25:00"),
        (59.4, False, "0:59"),
        (3599.5, False, "1:00:00"),
        (0, False, "0:00"),
    ],
)
def test_it_formats_durations(seconds, always_hours, shown):
    assert format_duration(seconds, always_hours=always_hours) == shown


@pytest.mark.parametrize("bad", [-1, math.nan, math.inf, "25:00", True])
def test_it_refuses_to_format_impossible_durations(bad):
    with pytest.raises(RunmathError):
        format_duration(bad)


@given(st.integers(min_value=0, max_value=400_000))
def test_durations_survive_a_round_trip(seconds):
    assert parse_duration(format_duration(seconds)) == seconds


@pytest.mark.parametrize(
    ("metres", "units", "shown"),
    [
        (5000, "km", "5 km"),
        (21097.5, "km", "21.1 km"),
        (42195, "km", "42.2 km"),
        (42195, "mi", "26.22 mi"),
        (MILE, "mi", "1 mi"),
        (0, "km", "0 km"),
    ],
)
def test_it_formats_distances_in_km_and_miles(metres, units, shown):
    assert format_distance(metres, units=units) == shown


@given(st.floats(min_value=100, max_value=500_000), st.sampled_from(["km", "mi"]))
def test_distances_survive_a_round_trip_to_the_shown_precision(metres, units):
    shown = format_distance(metres, units=units, decimals=3)
    back = parse_distance(shown)
    per_unit = 1000 if units == "km" else MILE
    assert abs(back - metres) <= 0.0005 * per_unit + 1e-9


def test_it_converts_between_kilometres_and_miles():
    assert to_units(MILE, "mi") == pytest.approx(1)
    assert to_units(42195, "km") == pytest.approx(42.195)
    assert from_units(26.2, "mi") == pytest.approx(42164.8128)


def test_it_refuses_unknown_units():
    with pytest.raises(RunmathError, match="'km' or 'mi'"):
        format_distance(5000, units="yards")
    with pytest.raises(RunmathError, match="'km' or 'mi'"):
        format_pace(300, units="furlongs")


def test_it_computes_pace_per_km_and_per_mile():
    assert pace(5000, 1500) == pytest.approx(300)
    assert pace(MILE, 480, units="mi") == pytest.approx(480)
    assert format_pace(300) == "5:00/km"
    assert format_pace(300, units="mi") == "8:03/mi"  # 300 s * 1.609344 = 482.8 s
    assert format_pace(329.6) == "5:30/km"


@pytest.mark.parametrize(
    ("text", "units", "seconds_per_km"),
    [
        ("5:30/km", "km", 330),
        ("5:30 /km", "km", 330),
        ("5:30 min/km", "km", 330),
        ("8:51/mi", "km", 531 / 1.609344),
        ("8:51 per mile", "km", 531 / 1.609344),
        ("5:30", "km", 330),
        ("8:00", "mi", 480 / 1.609344),
    ],
)
def test_it_reads_paces(text, units, seconds_per_km):
    assert parse_pace(text, units=units) == pytest.approx(seconds_per_km)


@pytest.mark.parametrize(("text", "complaint"), [("5:30/yd", "unknown pace unit"), ("", "empty")])
def test_it_refuses_paces_it_cannot_read(text, complaint):
    with pytest.raises(RunmathError, match=complaint):
        parse_pace(text)


def test_it_refuses_a_pace_of_nothing():
    with pytest.raises(RunmathError, match="more than zero"):
        pace(0, 1500)


@pytest.mark.parametrize(
    ("metres", "key"),
    [
        (5000, "5k"),
        (10000, "10k"),
        (21097.5, "half"),
        (42195, "marathon"),
        (26.2 * MILE, "marathon"),
        (8000, None),
    ],
)
def test_it_recognises_the_standard_distances(metres, key):
    assert distance_key(metres) == key


def test_race_names_read_in_a_sentence_and_race_keys_find_any_race():
    assert [race_name(m) for m in (5000, 10000, 21097.5, 42195, 15000)] == [
        "5K",
        "10K",
        "half marathon",
        "marathon",
        None,
    ]
    assert race_key(16093.44) == "10mi" and race_key(50000) == "50k"
    assert race_key(None) == "" and race_key(8000) == ""
    assert list(RACE_DISTANCES) == ["5k", "10k", "15k", "10mi", "half", "marathon", "50k"]
    assert list(BEST_EFFORT_DISTANCES) == ["1k", "1mi", "5k", "10k", "half", "marathon"]


@pytest.mark.parametrize(
    ("text", "units", "metres"),
    [
        ("20 km", "km", 20_000),
        ("12", "mi", 12 * MILE),
        ("7,5km", "km", 7_500),
        ("half", "mi", 21097.5),
        ("parkrun", "mi", 5000),
        ("Parkrun", "km", 5000),
        ("a parkrun", "km", 5000),
        ("junior parkrun", "km", 2000),
        ("Half Marathon", "km", 21097.5),
        ("marathon", "mi", 42195),
        ("5K", "mi", 5000),
        ("10 miles", "km", 10 * MILE),
        ("the mile", "km", MILE),
    ],
)
def test_it_reads_distances_runners_type_in_a_form(text, units, metres):
    assert read_distance(text, units) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("read", "text", "message"),
    [
        (lambda t: read_distance(t, "km"), "far", "We couldn't read \u201cfar\u201d as a distance"),
        (lambda t: read_distance(t, "km"), "0.01 km", "looks out of range"),
        (read_duration, "lots", "\u201clots\u201d as a time; try 3 hours, 45 min or 1:58:00."),
        (read_clock, "25:75", "Minutes and seconds go up to 59"),
        (read_clock, "25 min", "Write the time like 25:00 or 1:58:00, not \u201c25 min\u201d."),
        (
            lambda t: read_pace(t, "km"),
            "fast",
            "\u201cfast\u201d as a pace; try 5:15/km or 8:27/mi.",
        ),
    ],
)
def test_what_runners_type_wrong_is_explained_to_them(read, text, message):
    with pytest.raises(RunmathError, match=message):
        read(text)


def test_it_reads_clock_times_and_paces_typed_in_a_form():
    assert read_clock("1:58:34") == 7114
    assert read_duration("90 min") == 5400
    assert read_pace("8:51/mi", "km") == pytest.approx(531 / MILE * 1000)


@pytest.mark.parametrize(
    ("seconds", "short", "hours", "minutes"),
    [
        (60, "1 min", "1 min", "1 minute"),
        (2400, "40 min", "40 min", "40 minutes"),
        (10_800, "3 h", "3 h", "3 h 00 min"),
        (8580, "2:23:00", "2 h 23 min", "2 h 23 min"),
    ],
)
def test_it_writes_durations_in_words(seconds, short, hours, minutes):
    assert format_duration_short(seconds) == short
    assert format_hours(seconds) == hours
    assert format_minutes(seconds) == minutes


def test_weeks_start_on_monday():
    assert week_start(date(2026, 3, 5)) == date(2026, 3, 2)
    assert week_start(date(2026, 3, 2)) == date(2026, 3, 2)
    assert week_start(date(2026, 3, 8)) == date(2026, 3, 2)
