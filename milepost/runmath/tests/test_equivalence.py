"""Riegel, Cameron and VDOT equivalence against RUNNING_SCIENCE.md §2."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from milepost.runmath import RunmathError
from milepost.runmath.equivalence import (
    METHODS,
    cameron,
    equivalent_time,
    riegel,
    vickers_marathon,
)
from milepost.runmath.tests.oracle import secs

MILE = 1609.344
K5, K10, HALF, MARATHON = 5000, 10000, 21097.5, 42195

# RUNNING_SCIENCE.md §2.5: known performance, then Riegel -> 5K, 10K, half, marathon (1.06),
# marathon (1.07), marathon (1.15), then Cameron -> 10K, half, marathon.
CROSS_MODEL = [
    (K5, "25:00", "25:00 52:07 1:55:00 3:59:47 4:04:57 4:50:31", "52:05 1:54:49 4:03:59"),
    (K10, "50:00", "23:59 50:00 1:50:19 3:50:01 3:53:21 4:21:50", "50:00 1:50:14 3:54:16"),
    (HALF, "2:00:00", "26:05 54:23 2:00:00 4:10:12 4:11:56 4:26:18", "54:26 2:00:00 4:15:00"),
    (HALF, "1:45:00", "22:50 47:35 1:45:00 3:38:55 3:40:26 3:53:01", "47:37 1:45:00 3:43:08"),
]


def near(computed: float, published: str) -> bool:
    """Published times are rounded to the second."""
    return abs(computed - secs(published)) <= 0.5 + 1e-6


@pytest.mark.parametrize(("distance", "time", "riegels", "camerons"), CROSS_MODEL)
def test_riegel_matches_the_cross_model_vectors(distance, time, riegels, camerons):
    r5, r10, rh, rm, rm107, rm115 = riegels.split()
    seconds = secs(time)
    assert near(riegel(seconds, distance, K5), r5)
    assert near(riegel(seconds, distance, K10), r10)
    assert near(riegel(seconds, distance, HALF), rh)
    assert near(riegel(seconds, distance, MARATHON), rm)
    assert near(riegel(seconds, distance, MARATHON, exponent=1.07), rm107)
    assert near(riegel(seconds, distance, MARATHON, exponent=1.15), rm115)


@pytest.mark.parametrize(("distance", "time", "riegels", "camerons"), CROSS_MODEL)
def test_cameron_matches_the_cross_model_vectors(distance, time, riegels, camerons):
    c10, ch, cm = camerons.split()
    seconds = secs(time)
    assert near(cameron(seconds, distance, K10), c10)
    assert near(cameron(seconds, distance, HALF), ch)
    assert near(cameron(seconds, distance, MARATHON), cm)


def test_cameron_reproduces_the_published_worked_examples():
    # had2know.org, quoted in §2.2: minutes in, minutes out, printed to four decimals.
    assert cameron(51.5, 3.5 * MILE, 5 * MILE) == pytest.approx(75.1334, abs=1e-4)
    assert cameron(34.75, 2.5 * MILE, 5 * MILE) == pytest.approx(72.5961, abs=1e-4)


@pytest.mark.parametrize(
    ("distance", "time", "miles_per_week", "marathon"),
    [
        (HALF, "1:45:00", 20, "3:59:17"),
        (HALF, "1:45:00", 30, "3:54:10"),
        (HALF, "1:45:00", 40, "3:49:16"),
        (HALF, "2:00:00", 25, "4:26:24"),
        (K10, "50:00", 25, "4:08:59"),
    ],
)
def test_vickers_model_matches_the_section_2_3_examples(distance, time, miles_per_week, marathon):
    assert near(vickers_marathon(secs(time), distance, miles_per_week), marathon)


def test_recreational_marathons_come_out_slower_than_riegel():
    half = secs("1:45:00")
    assert vickers_marathon(half, HALF, 30) - riegel(half, HALF, MARATHON) > 10 * 60


@pytest.mark.parametrize(
    ("method", "marathon"), [("vdot", "3:57:55"), ("riegel", "3:59:47"), ("cameron", "4:03:59")]
)
def test_equivalent_time_dispatches_on_method(method, marathon):
    # 5K 25:00: Riegel and Cameron from §2.5; VDOT 38.31 from §1.1 (between rows 38 and 39).
    computed = equivalent_time(1500, K5, MARATHON, method)
    if method == "vdot":
        assert secs("3:54:34") < computed < secs("3:59:35")
    else:
        assert near(computed, marathon)


def test_vdot_equivalence_matches_section_1_3():
    assert near(equivalent_time(secs("24:34"), K5, HALF, "vdot"), "1:53:03")


@pytest.mark.parametrize(
    ("call", "complaint"),
    [
        (lambda: equivalent_time(1500, K5, K10, "mcmillan"), "method must be one of"),
        (lambda: riegel(1500, K5, K10, exponent=-1), "exponent"),
        (lambda: riegel(1500, 0, K10), "distance"),
        (lambda: cameron(1500, K5, -1), "target distance"),
        (lambda: cameron(1500, K5, 500_000), "does not reach"),
        (lambda: vickers_marathon(6300, HALF, -5), "weekly mileage"),
    ],
)
def test_it_refuses_bad_input(call, complaint):
    with pytest.raises(RunmathError, match=complaint):
        call()


distances = st.floats(min_value=1500, max_value=50_000)
# Between a brisk walk (about 6 km/h) and a fast club runner (about 20 km/h), in m/s.
speeds = st.floats(min_value=1.6, max_value=5.5)


@given(st.sampled_from(METHODS), distances, speeds, st.floats(1.0001, 1.5), distances)
def test_a_slower_performance_never_predicts_a_faster_race(method, d1, speed, slower, d2):
    t1 = d1 / speed
    assert equivalent_time(t1 * slower, d1, d2, method) > equivalent_time(t1, d1, d2, method)


@given(st.sampled_from(METHODS), distances, speeds, st.floats(1500, 16_000), st.floats(1.0001, 3))
def test_a_longer_race_always_takes_longer(method, d1, speed, d2, longer):
    t1 = d1 / speed
    assert equivalent_time(t1, d1, d2 * longer, method) > equivalent_time(t1, d1, d2, method)


@given(st.sampled_from(METHODS), distances, speeds, distances)
def test_equivalence_round_trips(method, d1, speed, d2):
    t1 = d1 / speed
    there = equivalent_time(t1, d1, d2, method)
    assert equivalent_time(there, d2, d1, method) == pytest.approx(t1, rel=1e-7)
