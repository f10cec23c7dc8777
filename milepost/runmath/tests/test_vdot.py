"""VDOT against Daniels' published table and the vectors of RUNNING_SCIENCE.md §1."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from milepost.runmath import RunmathError
from milepost.runmath.tests.oracle import secs
from milepost.runmath.vdot import in_table_range, race_time, vdot

DISTANCES = (5000, 10000, 21097.5, 42195)
# RUNNING_SCIENCE.md §1.2 suggested tolerances: 5K ±3 s, 10K ±4 s, half ±15 s, marathon ±35 s.
TOLERANCE_S = (3, 4, 15, 35)

# RUNNING_SCIENCE.md §1.2: Daniels' Running Formula 3rd ed. race table, VDOT 30-70, as
# (VDOT, 5K, 10K, half, marathon) from the table, then the same times from the equations.
TABLE = """
30 30:40 63:46 2:21:04 4:49:17 | 30:41 1:03:49 2:21:17 4:49:49
31 29:51 62:03 2:17:21 4:41:57 | 29:51 1:02:05 2:17:30 4:42:21
32 29:05 60:26 2:13:49 4:34:59 | 29:05 1:00:27 2:13:55 4:35:17
33 28:21 58:54 2:10:27 4:28:22 | 28:20 58:54 2:10:31 4:28:34
34 27:39 57:26 2:07:16 4:22:03 | 27:38 57:25 2:07:17 4:22:11
35 27:00 56:03 2:04:13 4:16:03 | 26:59 56:02 2:04:13 4:16:06
36 26:22 54:44 2:01:19 4:10:19 | 26:21 54:42 2:01:18 4:10:19
37 25:46 53:29 1:58:34 4:04:50 | 25:45 53:27 1:58:31 4:04:47
38 25:12 52:17 1:55:55 3:59:35 | 25:10 52:15 1:55:51 3:59:30
39 24:39 51:09 1:53:24 3:54:34 | 24:38 51:06 1:53:19 3:54:27
40 24:08 50:03 1:50:59 3:49:45 | 24:06 50:01 1:50:54 3:49:37
41 23:38 49:01 1:48:40 3:45:09 | 23:36 48:58 1:48:35 3:45:00
42 23:09 48:01 1:46:27 3:40:43 | 23:08 47:58 1:46:22 3:40:33
43 22:41 47:04 1:44:20 3:36:28 | 22:40 47:01 1:44:14 3:36:17
44 22:15 46:09 1:42:17 3:32:23 | 22:14 46:06 1:42:12 3:32:12
45 21:50 45:16 1:40:20 3:28:26 | 21:49 45:13 1:40:14 3:28:16
46 21:25 44:25 1:38:27 3:24:39 | 21:24 44:23 1:38:21 3:24:29
47 21:02 43:36 1:36:38 3:21:00 | 21:01 43:34 1:36:33 3:20:50
48 20:39 42:50 1:34:53 3:17:29 | 20:38 42:48 1:34:48 3:17:19
49 20:18 42:04 1:33:12 3:14:06 | 20:17 42:03 1:33:08 3:13:56
50 19:57 41:21 1:31:35 3:10:49 | 19:56 41:20 1:31:31 3:10:40
51 19:36 40:39 1:30:02 3:07:39 | 19:36 40:38 1:29:58 3:07:30
52 19:17 39:59 1:28:31 3:04:36 | 19:17 39:58 1:28:28 3:04:28
53 18:58 39:20 1:27:04 3:01:39 | 18:58 39:19 1:27:01 3:01:31
54 18:40 38:42 1:25:40 2:58:47 | 18:40 38:42 1:25:37 2:58:40
55 18:22 38:06 1:24:18 2:56:01 | 18:22 38:06 1:24:16 2:55:55
56 18:05 37:31 1:23:00 2:53:20 | 18:05 37:31 1:22:58 2:53:15
57 17:49 36:57 1:21:43 2:50:45 | 17:49 36:57 1:21:42 2:50:40
58 17:33 36:24 1:20:30 2:48:14 | 17:33 36:24 1:20:28 2:48:09
59 17:17 35:52 1:19:18 2:45:47 | 17:18 35:53 1:19:17 2:45:44
60 17:03 35:22 1:18:09 2:43:25 | 17:03 35:22 1:18:09 2:43:22
61 16:48 34:52 1:17:02 2:41:08 | 16:48 34:52 1:17:02 2:41:05
62 16:34 34:23 1:15:57 2:38:54 | 16:34 34:23 1:15:57 2:38:52
63 16:20 33:55 1:14:54 2:36:44 | 16:21 33:55 1:14:54 2:36:43
64 16:07 33:28 1:13:53 2:34:38 | 16:07 33:28 1:13:54 2:34:37
65 15:54 33:01 1:12:53 2:32:35 | 15:55 33:02 1:12:54 2:32:35
66 15:42 32:35 1:11:56 2:30:36 | 15:42 32:36 1:11:57 2:30:37
67 15:29 32:11 1:11:00 2:28:40 | 15:30 32:12 1:11:01 2:28:41
68 15:18 31:46 1:10:05 2:26:47 | 15:18 31:47 1:10:07 2:26:49
69 15:06 31:23 1:09:12 2:24:57 | 15:07 31:24 1:09:14 2:24:59
70 14:55 31:00 1:08:21 2:23:10 | 14:56 31:01 1:08:23 2:23:13
"""


def rows():
    for line in TABLE.strip().splitlines():
        left, right = line.split("|")
        value, *table = left.split()
        for i, distance in enumerate(DISTANCES):
            yield int(value), distance, secs(table[i]), secs(right.split()[i]), TOLERANCE_S[i]


ROWS = list(rows())
IDS = [f"vdot{v}-{d:g}m" for v, d, *_ in ROWS]


def test_the_table_covers_every_row_from_30_to_70():
    assert sorted({value for value, *_ in ROWS}) == list(range(30, 71))
    assert len(ROWS) == 41 * 4


@pytest.mark.parametrize(("value", "distance", "table_s", "eq_s", "tolerance"), ROWS, ids=IDS)
def test_race_time_matches_daniels_table_within_tolerance(
    value, distance, table_s, eq_s, tolerance
):
    assert abs(race_time(value, distance) - table_s) <= tolerance


@pytest.mark.parametrize(("value", "distance", "table_s", "eq_s", "tolerance"), ROWS, ids=IDS)
def test_vdot_of_each_table_time_is_within_a_tenth_of_its_row(
    value, distance, table_s, eq_s, tolerance
):
    assert abs(vdot(distance, table_s) - value) <= 0.1


@pytest.mark.parametrize(("value", "distance", "table_s", "eq_s", "tolerance"), ROWS, ids=IDS)
def test_race_time_matches_the_equation_column_to_the_second(
    value, distance, table_s, eq_s, tolerance
):
    assert abs(race_time(value, distance) - eq_s) <= 0.5 + 1e-6


# RUNNING_SCIENCE.md §1.3: performance, VDOT, equivalent 5K, 10K, half, marathon.
VECTORS = [
    (5000, "24:34", 39.11, "24:34", "50:59", "1:53:03", "3:53:55"),
    (5000, "20:00", 49.81, "20:00", "41:28", "1:31:50", "3:11:17"),
    (5000, "30:00", 30.82, "30:00", "1:02:23", "2:18:10", "4:43:39"),
    (10000, "50:00", 40.01, "24:06", "50:00", "1:50:52", "3:49:34"),
    (21097.5, "2:00:00", 36.46, "26:04", "54:07", "2:00:00", "4:07:45"),
    (42195, "4:00:00", 37.90, "25:14", "52:22", "1:56:06", "4:00:00"),
    (42195, "3:30:00", 44.55, "22:00", "45:37", "1:41:06", "3:30:00"),
    (42195, "2:55:00", 55.34, "18:16", "37:54", "1:23:49", "2:55:00"),
]


@pytest.mark.parametrize(("distance", "time", "value", *["e5", "e10", "eh", "em"]), VECTORS)
def test_the_worked_vectors(distance, time, value, e5, e10, eh, em):
    computed = vdot(distance, secs(time))
    assert computed == pytest.approx(value, abs=0.005)
    for target, expected in zip(DISTANCES, (e5, e10, eh, em), strict=True):
        assert abs(race_time(computed, target) - secs(expected)) <= 0.5 + 1e-6


def test_it_matches_the_values_printed_by_other_implementations():
    assert vdot(5000, secs("24:34")) == pytest.approx(39.11039839652726, abs=1e-9)  # tlgs/vdot
    assert vdot(5000, secs("27:00")) == pytest.approx(34.9632, abs=5e-5)  # vdot_calculator


def test_sub_two_hour_half_needs_vdot_of_about_36_and_a_half():
    assert vdot(21097.5, 7200) == pytest.approx(36.46, abs=0.005)


def test_it_knows_the_range_of_daniels_tables():
    assert in_table_range(30) and in_table_range(85)
    assert not in_table_range(29.9) and not in_table_range(85.1)


@pytest.mark.parametrize(
    ("distance", "seconds", "complaint"),
    [
        (21097.5, 120, "world record"),  # 2:00 typed for 2:00:00
        (5000, 5 * 3600, "slower than 1.5 km/h"),
        (5000, 0, "more than zero"),
        (-5000, 1500, "more than zero"),
        (5000, float("nan"), "more than zero"),
    ],
)
def test_it_refuses_impossible_performances(distance, seconds, complaint):
    with pytest.raises(RunmathError, match=complaint):
        vdot(distance, seconds)


@pytest.mark.parametrize(("value", "distance"), [(0, 5000), (-3, 5000), (95, 5000), (40, 0)])
def test_it_refuses_impossible_race_time_questions(value, distance):
    with pytest.raises(RunmathError):
        race_time(value, distance)


@given(st.floats(min_value=15, max_value=85), st.floats(min_value=800, max_value=100_000))
def test_vdot_and_race_time_invert_each_other(value, distance):
    assert vdot(distance, race_time(value, distance)) == pytest.approx(value, rel=1e-9)


@given(
    st.floats(min_value=15, max_value=84),
    st.floats(min_value=0.01, max_value=1),
    st.floats(min_value=800, max_value=100_000),
)
def test_a_higher_vdot_always_means_a_faster_race(value, step, distance):
    assert race_time(value + step, distance) < race_time(value, distance)


def test_a_slow_walk_still_has_a_vdot():
    # 5 km in 2:30:00 is 2 km/h: slow, but above the 1.5 km/h floor of the equations.
    assert 0 < vdot(5000, 2.5 * 3600) < 5


def test_a_time_too_small_to_divide_by_is_refused_not_a_crash():
    with pytest.raises(RunmathError):
        vdot(5000, 5e-324)
