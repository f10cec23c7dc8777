"""Age grading against Alan Jones' published tables (RUNNING_SCIENCE.md §4)."""

import math

import pytest

from milepost.runmath import RunmathError
from milepost.runmath.agegrade import (
    TABLES,
    age_drift,
    age_factor,
    age_grade,
    age_standard,
    open_standard,
)
from milepost.runmath.tests.oracle import secs

EVENTS = (5000, 10000, 21097.5, 42195)

# §4.3: open standards in seconds, 5K 10K half marathon, men then women.
OPEN_STANDARDS = {
    "2025": ((769, 1584, 3451, 7235), (834, 1726, 3772, 7796)),
    "2020": ((771, 1584, 3481, 7299), (884, 1783, 3898, 8044)),
    "2015": ((779, 1603, 3503, 7377), (886, 1820, 3912, 8125)),
}

# §4.4 (men) and §4.5 (women), 2025: age, then factor and age standard for 5K 10K half marathon.
MEN_2025 = """
18 0.9995 12:49 0.9818 26:53 0.9850 58:24 0.9680 2:04:34
20 1.0000 12:49 0.9968 26:29 1.0000 57:31 0.9920 2:01:33
25 1.0000 12:49 1.0000 26:24 1.0000 57:31 1.0000 2:00:35
30 0.9999 12:49 1.0000 26:24 1.0000 57:31 1.0000 2:00:35
35 0.9824 13:03 0.9909 26:39 0.9928 57:56 1.0000 2:00:35
40 0.9475 13:32 0.9636 27:24 0.9638 59:41 0.9783 2:03:15
45 0.9125 14:03 0.9261 28:30 0.9249 1:02:11 0.9373 2:08:39
50 0.8775 14:36 0.8886 29:43 0.8860 1:04:55 0.8963 2:14:32
55 0.8425 15:13 0.8511 31:01 0.8471 1:07:54 0.8553 2:20:59
60 0.8075 15:52 0.8136 32:27 0.8082 1:11:10 0.8143 2:28:05
65 0.7725 16:35 0.7761 34:01 0.7693 1:14:46 0.7733 2:35:56
70 0.7353 17:26 0.7386 35:45 0.7304 1:18:45 0.7323 2:44:40
75 0.6847 18:43 0.6928 38:06 0.6830 1:24:13 0.6857 2:55:51
80 0.6191 20:42 0.6301 41:54 0.6185 1:33:00 0.6219 3:13:54
85 0.5385 23:48 0.5508 47:56 0.5370 1:47:06 0.5407 3:43:01
90 0.4429 28:56 0.4546 58:04 0.4384 2:11:12 0.4419 4:32:52
"""
WOMEN_2025 = """
18 0.9953 13:58 0.9820 29:18 0.9680 1:04:57 0.9217 2:20:58
20 1.0000 13:54 0.9980 28:49 0.9920 1:03:22 0.9553 2:16:01
25 1.0000 13:54 1.0000 28:46 1.0000 1:02:52 0.9988 2:10:05
30 0.9959 13:57 0.9980 28:49 0.9979 1:03:00 0.9983 2:10:09
35 0.9793 14:12 0.9857 29:11 0.9849 1:03:50 0.9879 2:11:31
40 0.9499 14:38 0.9623 29:54 0.9601 1:05:29 0.9680 2:14:14
45 0.9078 15:19 0.9278 31:00 0.9234 1:08:05 0.9386 2:18:26
50 0.8592 16:11 0.8822 32:36 0.8753 1:11:49 0.8998 2:24:24
55 0.8107 17:09 0.8325 34:33 0.8235 1:16:20 0.8515 2:32:36
60 0.7621 18:14 0.7828 36:45 0.7718 1:21:27 0.7965 2:43:08
65 0.7136 19:29 0.7331 39:14 0.7200 1:27:19 0.7412 2:55:18
70 0.6650 20:54 0.6834 42:06 0.6683 1:34:04 0.6859 3:09:26
75 0.6165 22:33 0.6337 45:24 0.6165 1:41:58 0.6290 3:26:34
80 0.5640 24:39 0.5745 50:04 0.5554 1:53:12 0.5557 3:53:49
85 0.4938 28:09 0.4963 57:58 0.4742 2:12:34 0.4624 4:41:00
90 0.4046 34:21 0.3991 1:12:05 0.3731 2:48:30 0.3491 6:12:12
"""


def table_cells():
    for sex, text in (("M", MEN_2025), ("F", WOMEN_2025)):
        for line in text.strip().splitlines():
            age, *cells = line.split()
            for i, distance in enumerate(EVENTS):
                yield sex, int(age), distance, float(cells[2 * i]), secs(cells[2 * i + 1])


CELLS = list(table_cells())


@pytest.mark.parametrize(("sex", "age", "distance", "factor", "standard_s"), CELLS)
def test_2025_factors_and_age_standards_match_the_published_tables(
    sex, age, distance, factor, standard_s
):
    assert age_factor(age, sex, distance) == pytest.approx(factor, abs=1e-9)
    assert abs(age_standard(age, sex, distance) - standard_s) <= 0.5 + 1e-6


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize(("sex", "column"), [("M", 0), ("F", 1)])
@pytest.mark.parametrize(("event", "distance"), list(enumerate(EVENTS)))
def test_open_standards_match_section_4_3(table, sex, column, event, distance):
    assert open_standard(sex, distance, table) == OPEN_STANDARDS[table][column][event]


# §4.6: sex, age, event, time, table, open standard, factor, age standard, age grade %.
VECTORS = [
    ("M", 54, 10000, "42:25", "2015", 1603, 0.8594, "31:05", 73.29),
    ("M", 54, 10000, "42:25", "2025", 1584, 0.8586, "30:45", 72.49),
    ("M", 54, 10000, "42:25", "2020", 1584, 0.8586, "30:45", 72.49),
    ("M", 40, 42195, "3:30:00", "2025", 7235, 0.9783, "2:03:15", 58.69),
    ("M", 50, 5000, "22:00", "2025", 769, 0.8775, "14:36", 66.39),
    ("M", 65, 10000, "55:00", "2025", 1584, 0.7761, "34:01", 61.85),
    ("F", 45, 21097.5, "2:00:00", "2025", 3772, 0.9234, "1:08:05", 56.73),
    ("F", 35, 5000, "25:00", "2025", 834, 0.9793, "14:12", 56.78),
    ("F", 60, 42195, "4:30:00", "2025", 7796, 0.7965, "2:43:08", 60.42),
    ("F", 25, 10000, "50:00", "2025", 1726, 1.0000, "28:46", 57.53),
]


@pytest.mark.parametrize(
    ("sex", "age", "distance", "time", "table", "open_s", "factor", "standard", "percent"),
    VECTORS,
)
def test_the_worked_vectors(sex, age, distance, time, table, open_s, factor, standard, percent):
    grade = age_grade(secs(time), distance, age, sex, table)
    assert grade.open_standard_s == open_s
    assert grade.factor == pytest.approx(factor, abs=1e-9)
    assert abs(grade.age_standard_s - secs(standard)) <= 0.5 + 1e-6
    assert grade.percent == pytest.approx(percent, abs=0.005)
    assert grade.age_graded_s == pytest.approx(secs(time) * factor)
    assert grade.table == table


def test_the_runalyze_example_gives_the_same_age_standard_in_seconds():
    # Runalyze age-grade README: male 54, 10 km 42:25 -> age standard 1865 s (2015 tables).
    assert round(age_grade(2545, 10000, 54, "M", "2015").age_standard_s) == 1865


def test_the_table_year_is_explicit_and_changes_the_grade():
    assert age_grade(2545, 10000, 54, "M").table == "2025"
    assert age_grade(2545, 10000, 54, "M", "2015").percent == pytest.approx(73.29, abs=0.005)
    assert age_grade(2545, 10000, 54, "M", "2025").percent == pytest.approx(72.49, abs=0.005)


def test_the_2020_womens_half_uses_the_factor_sheet_standard():
    assert open_standard("F", 21097.5, "2020") == 3898


def log_interpolated(distance, first, second, low_s, high_s):
    """The 2025 method of §4.1, written out from the document."""
    u = (math.log(distance) - math.log(first)) / (math.log(second) - math.log(first))
    return low_s * (1 - u) + high_s * u


@pytest.mark.parametrize(
    ("sex", "age", "distance", "first", "second", "low", "high"),
    [
        ("M", 50, 8000, 5000, 10000, "14:36", "29:43"),
        ("M", 50, 6000, 5000, 10000, "14:36", "29:43"),
        ("F", 60, 15000, 10000, 21097.5, "36:45", "1:21:27"),
        ("F", 45, 16093.44, 10000, 21097.5, "31:00", "1:08:05"),
        ("M", 70, 30000, 21097.5, 42195, "1:18:45", "2:44:40"),
    ],
)
def test_other_distances_interpolate_in_log_distance(sex, age, distance, first, second, low, high):
    expected = log_interpolated(distance, first, second, secs(low), secs(high))
    assert abs(age_standard(age, sex, distance) - expected) <= 1


def test_the_factor_between_two_distances_lies_between_theirs():
    assert 0.8775 <= age_factor(50, "M", 8000) <= 0.8886


@pytest.mark.parametrize("sex", ["F", "f", "women", "female", "W"])
def test_it_reads_the_ways_people_write_women(sex):
    assert age_factor(45, sex, 21097.5) == pytest.approx(0.9234)


@pytest.mark.parametrize(
    ("call", "complaint"),
    [
        (lambda: age_grade(1500, 5000, 4, "F"), "ages 5-100"),
        (lambda: age_grade(1500, 5000, 101, "F"), "ages 5-100"),
        (lambda: age_grade(1500, 5000, 54.5, "F"), "whole number"),
        (lambda: age_grade(1500, 5000, 40, "X"), "women and men only"),
        (lambda: age_grade(1500, 5000, 40, "nonbinary"), "women and men only"),
        (lambda: age_grade(600, 1609.344, 40, "F"), "5 km to the marathon"),
        (lambda: age_grade(20000, 50000, 40, "F"), "5 km to the marathon"),
        (lambda: age_grade(1500, 5000, 40, "F", "2010"), "2025, 2020, 2015"),
        (lambda: age_grade(0, 5000, 40, "F"), "more than zero"),
    ],
)
def test_it_refuses_what_the_tables_do_not_cover(call, complaint):
    with pytest.raises(RunmathError, match=complaint):
        call()


def test_the_drift_over_years_is_the_ratio_of_factors():
    # §4.4, men's 10K: 0.7386 at 70 and 0.6928 at 75; §4.5, women's half 0.9601 at 40.
    assert age_drift(70, 5, 10000, ("M",)) == pytest.approx(0.7386 / 0.6928)
    assert age_drift(40, 0, 21097.5, ("F",)) == 1
    halfway = age_drift(70, 2.5, 10000, ("M",))
    assert 1 < halfway < 0.7386 / 0.6928


def test_the_drift_stops_where_the_tables_stop():
    with pytest.raises(RunmathError, match="ages 5-100"):
        age_drift(98, 5, 10000)
