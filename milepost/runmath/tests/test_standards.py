"""Boston qualifying standards against RUNNING_SCIENCE.md §3."""

import json
from datetime import date
from importlib.resources import files

import pytest

from milepost.runmath import RunmathError
from milepost.runmath.standards import (
    acceptance_cutoff,
    age_on,
    bq_margin,
    bq_standard,
    downhill_allowance,
    editions,
    race_date,
)
from milepost.runmath.tests.oracle import secs

# §3.1: the 2026 table, age group (on race day), men, women, non-binary.
TABLE_2026 = """
18 34 2:55:00 3:25:00 3:25:00
35 39 3:00:00 3:30:00 3:30:00
40 44 3:05:00 3:35:00 3:35:00
45 49 3:15:00 3:45:00 3:45:00
50 54 3:20:00 3:50:00 3:50:00
55 59 3:30:00 4:00:00 4:00:00
60 64 3:50:00 4:20:00 4:20:00
65 69 4:05:00 4:35:00 4:35:00
70 74 4:20:00 4:50:00 4:50:00
75 79 4:35:00 5:05:00 5:05:00
80 99 4:50:00 5:20:00 5:20:00
"""


def cells():
    for line in TABLE_2026.strip().splitlines():
        low, high, *times = line.split()
        for category, time in zip(("men", "women", "nonbinary"), times, strict=True):
            for age in sorted({int(low), (int(low) + int(high)) // 2, int(high)}):
                yield age, category, secs(time)


@pytest.mark.parametrize(("age", "category", "standard_s"), list(cells()))
def test_every_cell_of_the_2026_table(age, category, standard_s):
    assert bq_standard(age, category, 2026) == standard_s


def test_the_default_edition_is_2026():
    assert bq_standard(40, "men") == secs("3:05:00")


@pytest.mark.parametrize("category", ["Women", "W", "female", "non-binary", "NB", "Non Binary"])
def test_it_reads_the_ways_people_write_categories(category):
    assert bq_standard(47, category) == secs("3:45:00")


def test_the_age_group_is_set_by_age_on_race_day():
    assert race_date(2026) == date(2026, 4, 20)
    turns_45_the_day_after = date(1981, 4, 21)
    turns_45_on_race_day = date(1981, 4, 20)
    assert age_on(turns_45_the_day_after, race_date(2026)) == 44
    assert age_on(turns_45_on_race_day, race_date(2026)) == 45
    assert bq_standard(age_on(turns_45_the_day_after, race_date(2026)), "men") == secs("3:05:00")
    assert bq_standard(age_on(turns_45_on_race_day, race_date(2026)), "men") == secs("3:15:00")


def test_the_margin_is_how_far_under_the_standard():
    assert bq_margin(secs("3:00:00"), 42, "men") == 5 * 60
    assert bq_margin(secs("3:40:00"), 42, "women") == -5 * 60
    assert bq_margin(secs("3:35:00"), 42, "nonbinary") == 0


def test_the_2026_acceptance_cutoff_is_recorded():
    assert acceptance_cutoff(2026) == 4 * 60 + 34


@pytest.mark.parametrize(
    ("drop", "unit", "allowance"),
    [
        (0, "m", 0),
        (457.1, "m", 0),
        (457.2, "m", 5 * 60),
        (914.1, "m", 5 * 60),
        (914.2, "m", 10 * 60),
        (1828.5, "m", 10 * 60),
        (1499, "ft", 0),
        (1500, "ft", 5 * 60),
        (2999, "ft", 5 * 60),
        (3000, "ft", 10 * 60),
        (5999, "ft", 10 * 60),
    ],
)
def test_the_2027_downhill_index(drop, unit, allowance):
    assert downhill_allowance(drop, unit, 2027) == allowance


@pytest.mark.parametrize(("drop", "unit"), [(1828.6, "m"), (6000, "ft"), (9000, "ft")])
def test_steep_downhill_courses_do_not_qualify_for_2027(drop, unit):
    with pytest.raises(RunmathError, match="do not qualify"):
        downhill_allowance(drop, unit, 2027)


def test_there_is_no_downhill_index_before_2027():
    assert downhill_allowance(1000, "m", 2026) == 0


@pytest.mark.parametrize(
    ("call", "complaint"),
    [
        (lambda: bq_standard(17, "women"), "at least 18"),
        (lambda: bq_standard(40.5, "women"), "whole number"),
        (lambda: bq_standard(40, "other"), "women, men or nonbinary"),
        (lambda: bq_standard(40, "men", 2027), "not in Milepost's data yet"),
        (lambda: bq_standard(40, "men", 2031), "known editions: 2026, 2027"),
        (lambda: downhill_allowance(100, "yd", 2027), "'m' or 'ft'"),
        (lambda: downhill_allowance(-1, "m", 2027), "zero or more"),
        (lambda: bq_margin(0, 40, "men"), "more than zero"),
    ],
)
def test_it_refuses_bad_questions(call, complaint):
    with pytest.raises(RunmathError, match=complaint):
        call()


def test_the_standards_are_dated_data_not_code():
    data = json.loads(files("milepost.runmath").joinpath("data/boston_qualifying.json").read_text())
    assert set(data["editions"]) == {"2026", "2027"}
    assert editions() == [2026, 2027]
    assert data["editions"]["2026"]["race_date"].startswith("2026-")
    assert data["editions"]["2026"]["nonbinary_uses"] == "women"
