"""Progression checks and build-up lengths against RUNNING_SCIENCE.md §5."""

from datetime import date, timedelta

import pytest

from milepost.runmath import RunmathError
from milepost.runmath.progression import (
    acwr,
    build_up_weeks,
    longest_before,
    run_spikes,
    spike,
    two_week_growth,
    two_week_growth_warning,
    weeks_to_accumulate,
    weeks_to_continuous,
    weeks_to_grow,
    weeks_to_longest_run,
)

MILE = 1609.344


@pytest.mark.parametrize(
    ("run_km", "level", "hazard_ratio"),
    [
        (9, "none", None),
        (11, "none", None),  # exactly 110 %: not over
        (11.2, "warning", 1.64),  # RUNSAFE: > 10-30 %
        (13, "warning", 1.64),
        (13.5, "warning", 1.52),  # > 30-100 %
        (20, "warning", 1.52),  # exactly 200 %
        (20.5, "strong", 2.28),  # > 100 %
    ],
)
def test_a_run_is_compared_with_the_longest_of_the_last_30_days(run_km, level, hazard_ratio):
    result = spike(run_km * 1000, 10_000)
    assert result.ratio == pytest.approx(run_km / 10)
    assert result.level == level
    assert result.hazard_ratio == hazard_ratio


def test_a_first_run_has_nothing_to_spike_over():
    assert spike(5000, 0).level == "none"
    assert spike(5000, 0).ratio is None


def test_the_window_is_the_30_days_before_the_run():
    today = date(2026, 3, 31)
    runs = [
        (today - timedelta(days=31), 20_000),  # too long ago
        (today - timedelta(days=30), 12_000),
        (today - timedelta(days=3), 8_000),
        (today, 15_000),  # the run itself
    ]
    assert longest_before(runs, today) == 12_000


def test_every_run_gets_its_own_spike():
    start = date(2026, 3, 1)
    runs = [
        (start, 10_000),
        (start + timedelta(days=7), 11_500),
        (start + timedelta(days=14), 25_000),
    ]
    levels = [found.level for _, _, found in run_spikes(runs)]
    assert levels == ["none", "warning", "strong"]


@pytest.mark.parametrize(
    ("weekly_km", "growth", "warning"),
    [
        ([20, 22, 27], 0.35, True),
        ([20, 22, 26], 0.30, False),  # 30 % is the line, not over it
        ([30, 20, 20, 25], 0.25, False),
        ([20, 22], None, False),
        ([0, 10, 20], None, False),
    ],
)
def test_two_week_growth_over_30_percent_is_flagged(weekly_km, growth, warning):
    computed = two_week_growth(weekly_km)
    assert computed == (None if growth is None else pytest.approx(growth))
    assert two_week_growth_warning(weekly_km) is warning


def test_the_acute_chronic_ratio_is_the_last_week_over_the_four_week_mean():
    assert acwr([10, 10, 10, 20]) == pytest.approx(1.6)
    assert acwr([10, 10, 10]) is None
    assert acwr([0, 0, 0, 0]) is None


def test_weeks_to_grow_by_ten_percent_a_week():
    assert weeks_to_grow(10, 11) == 1
    assert weeks_to_grow(10, 11.01) == 2
    assert weeks_to_grow(10, 8) == 0
    with pytest.raises(RunmathError):
        weeks_to_grow(0, 10)


def test_couch_to_5k_takes_nine_weeks_to_30_minutes_from_zero():
    assert weeks_to_continuous(0, 30 * 60) == 9


def test_couch_to_5k_weeks_already_done_count():
    assert weeks_to_continuous(20 * 60, 30 * 60) == 4  # 20 minutes by the end of week 5
    assert weeks_to_continuous(0, 20 * 60) == 5
    assert weeks_to_continuous(0, 5 * 60) == 4
    assert weeks_to_continuous(45 * 60, 30 * 60) == 0


def test_beyond_30_minutes_the_continuous_run_grows_ten_percent_a_week():
    assert weeks_to_continuous(30 * 60, 33 * 60) == 1
    assert weeks_to_continuous(0, 33 * 60) == 10


def test_a_first_5k_from_zero_takes_the_nine_weeks_of_couch_to_5k():
    assert build_up_weeks(5000, weekly_m=0, longest_run_m=0) == 9


def test_a_first_half_takes_twelve_weeks_from_three_mile_runs():
    assert build_up_weeks(21097.5, weekly_m=3 * 3 * MILE, longest_run_m=3 * MILE) == 12
    assert build_up_weeks(21097.5, weekly_m=0, longest_run_m=0) == 9 + 12


def test_a_first_marathon_takes_eighteen_weeks_from_the_entry_level():
    # Higdon: 15-25 miles a week, comfortable with runs up to 6 miles.
    assert build_up_weeks(42195, weekly_m=15 * MILE, longest_run_m=6 * MILE) == 18


def test_a_first_marathon_from_zero_adds_couch_to_5k_and_about_eight_weeks():
    assert build_up_weeks(42195, weekly_m=0, longest_run_m=0) == 9 + 8 + 18


def test_a_runner_who_already_runs_twenty_miles_is_ready():
    assert build_up_weeks(42195, weekly_m=60 * 1000, longest_run_m=20 * MILE) == 0


def test_more_base_never_means_a_longer_build_up():
    previous = None
    for longest_km in range(0, 34, 2):
        weeks = build_up_weeks(42195, weekly_m=longest_km * 2500, longest_run_m=longest_km * 1000)
        assert previous is None or weeks <= previous
        previous = weeks


def test_build_up_lengths_stop_at_the_marathon():
    with pytest.raises(RunmathError, match="up to the marathon"):
        build_up_weeks(50_000, weekly_m=40_000, longest_run_m=20_000)


def test_the_longest_run_grows_ten_percent_a_week_after_couch_to_5k():
    assert weeks_to_longest_run(10_000, 15_000) == 5  # 1.1 ** 5 = 1.61 >= 1.5 > 1.1 ** 4
    assert weeks_to_longest_run(0, 3 * MILE) == 9
    assert weeks_to_longest_run(0, 3 * MILE * 1.1) == 10
    assert weeks_to_longest_run(20_000, 15_000) == 0


def test_a_total_comes_together_week_by_week():
    assert weeks_to_accumulate(100_000, 20_000, cap_m=20_000) == 5
    # 22 + 24.2 + 26.62 = 72.82 km, then capped at 27 km a week: 99.82, 126.82.
    assert weeks_to_accumulate(100_000, 20_000, cap_m=27_000) == 5
    assert weeks_to_accumulate(99_000, 20_000, cap_m=27_000) == 4
    assert weeks_to_accumulate(10_000, 0, cap_m=50_000) == 9 + 1
    assert weeks_to_accumulate(10_000, 10_000, cap_m=0) is None
    assert weeks_to_accumulate(10**9, 1000, cap_m=1000) is None
