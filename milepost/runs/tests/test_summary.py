"""The summary rules on synthetic streams with known answers."""

import math
import random
from datetime import UTC, datetime

import pytest

from milepost.runs.formats import ActivityFileError, ActivityHint, parse_file
from milepost.runs.formats.distance import gps_distance, haversine_m
from milepost.runs.formats.measures import (
    WALK_MIN_S,
    best_efforts,
    elevation_gain,
    longest_continuous_run,
    moving_time,
)
from milepost.runs.formats.model import RawActivity
from milepost.runs.formats.summary import normalize_sport, summarize
from milepost.runs.formats.synthetic import fit_bytes, gpx_bytes, run_points

START = datetime(2024, 5, 1, 7, 0, tzinfo=UTC)


def stream(pieces, step=1.0):
    """(t, cum) for (seconds, m/s) pieces, one point every ``step`` seconds."""
    t, cum = [0.0], [0.0]
    for seconds, speed in pieces:
        for _ in range(int(seconds / step)):
            t.append(t[-1] + step)
            cum.append(cum[-1] + speed * step)
    return t, cum


def raw_from(t, cum=None, cad=None, alt=None, sport="running", **kw) -> RawActivity:
    n = len(t)
    base = START.timestamp()
    return RawActivity(
        fmt="fit",
        t=[base + x for x in t],
        lat=[None] * n,
        lon=[None] * n,
        dist=list(cum) if cum is not None else [None] * n,
        alt=list(alt) if alt is not None else [None] * n,
        hr=[None] * n,
        cad=list(cad) if cad is not None else [None] * n,
        sport=sport,
        **kw,
    )


# --- best efforts -----------------------------------------------------------------------------


def test_even_pace_best_efforts_are_distance_over_speed():
    t, cum = stream([(1600, 4.0)])  # 6.4 km at 4 m/s
    efforts = best_efforts(t, cum)
    assert efforts == {"1k": 250.0, "1mi": pytest.approx(402.3, abs=0.05), "5k": 1250.0}


def test_the_fastest_kilometre_is_found_inside_a_slower_run():
    t, cum = stream([(2000 / 3, 3.0), (200, 5.0), (2000 / 3, 3.0)])
    efforts = best_efforts(t, cum)
    assert efforts["1k"] == pytest.approx(200.0, abs=0.5)
    # the best mile: the fast kilometre plus 609.344 m at 3 m/s
    assert efforts["1mi"] == pytest.approx(200 + 609.344 / 3, abs=0.5)


def test_best_effort_end_is_interpolated_between_sparse_points():
    t, cum = stream([(600, 3.7)], step=10)  # 37 m between points
    assert best_efforts(t, cum)["1k"] == pytest.approx(1000 / 3.7, abs=0.06)  # 0.1 s rounding


def test_no_best_effort_for_a_distance_not_covered():
    t, cum = stream([(1000, 3.0)])
    assert set(best_efforts(t, cum)) == {"1k", "1mi"}


def test_a_gps_jump_faster_than_the_world_record_is_not_a_best_effort():
    t, cum = stream([(100, 3.0)])
    t += [t[-1] + 10]
    cum += [cum[-1] + 1000]  # 1 km in 10 s
    t2, cum2 = stream([(300, 3.0)])
    t += [t[-1] + x for x in t2[1:]]
    cum += [cum[-1] + x for x in cum2[1:]]
    assert "1k" not in best_efforts(t, cum)


def test_marathon_and_half_are_found_in_a_long_run():
    t, cum = stream([(45000 / 3.2, 3.2)], step=5)
    efforts = best_efforts(t, cum)
    assert efforts["half"] == pytest.approx(21097.5 / 3.2, abs=0.1)
    assert efforts["marathon"] == pytest.approx(42195 / 3.2, abs=0.1)


def test_best_efforts_cover_a_day_of_one_second_points():
    t, cum = stream([(86400, 3.0)])  # 259 km; how fast is benchmarks/import_bench.py's business
    efforts = best_efforts(t, cum)
    assert efforts["1k"] == pytest.approx(1000 / 3.0, abs=0.1)
    assert efforts["marathon"] == pytest.approx(42195 / 3.0, abs=0.1)


# --- longest continuous run -------------------------------------------------------------------


def test_a_long_walk_break_splits_the_run():
    t, cum = stream([(600, 3.0), (60, 1.2), (300, 3.0)])
    assert longest_continuous_run(t, cum, None) == pytest.approx(1800.0)


def test_a_walk_shorter_than_the_threshold_does_not_break_the_run():
    t, cum = stream([(600, 3.0), (WALK_MIN_S - 5, 1.2), (600, 3.0)])
    assert longest_continuous_run(t, cum, None) == pytest.approx(3600 + 5 * 1.2)


def test_a_walk_of_exactly_the_threshold_breaks_the_run():
    t, cum = stream([(600, 3.0), (WALK_MIN_S, 1.2), (700, 3.0)])
    assert longest_continuous_run(t, cum, None) == pytest.approx(2100.0)


def test_cadence_tells_a_brisk_walk_from_a_slow_jog_at_the_same_speed():
    t, cum = stream([(600, 2.0), (120, 2.0), (600, 2.0)])
    jog = [165.0] * len(t)
    walk = list(jog)
    for k in range(601, 721):
        walk[k] = 118.0  # same speed, walking steps
    assert longest_continuous_run(t, cum, jog) == pytest.approx(2640.0)
    assert longest_continuous_run(t, cum, walk) == pytest.approx(1200.0)


def test_without_cadence_a_slow_jog_counts_as_running():
    t, cum = stream([(1800, 1.6)])  # 10:25 min/km
    assert longest_continuous_run(t, cum, None) == pytest.approx(2880.0)


def test_standing_still_with_cadence_is_not_running():
    t, cum = stream([(300, 3.0), (30, 0.0), (300, 3.0)])
    cad = [170.0] * len(t)
    assert longest_continuous_run(t, cum, cad) == pytest.approx(900.0)


def test_run_walk_intervals_give_the_longest_running_interval():
    pieces = []
    for minutes in (3, 5, 8, 4):
        pieces += [(minutes * 60, 2.8), (60, 1.3)]
    t, cum = stream(pieces)
    assert longest_continuous_run(t, cum, None) == pytest.approx(8 * 60 * 2.8)


def test_longest_run_on_real_files():
    path = "fitparse/activity-small-fenix2-run.fit"
    from milepost.runs.tests.test_formats_fit import sample

    [run] = parse_file(sample(path), path)
    assert 0.5 * run.distance_m < run.longest_continuous_run_m <= run.distance_m
    [tri] = parse_file(sample("fitparse/sample_mulitple_header.fit"), "tri.fit")[-1:]
    assert tri.longest_continuous_run_m == pytest.approx(tri.distance_m, rel=0.01)


def test_longest_run_through_parse_file_uses_cadence():
    points = run_points(START, [(900, 2.6), (90, 1.4), (1200, 2.6)], cadence={2.6: 164, 1.4: 112})
    [run] = parse_file(fit_bytes(points), "intervals.fit")
    assert run.longest_continuous_run_m == pytest.approx(1200 * 2.6)
    assert run.moving_s == run.elapsed_s  # walking is moving


# --- moving time, elevation, cadence ----------------------------------------------------------


def test_moving_time_leaves_out_a_pause_but_counts_walking():
    t, cum = stream([(600, 3.0), (300, 0.0), (120, 1.2), (600, 3.0)])
    assert moving_time(t, cum) == 600 + 120 + 600


def test_moving_time_across_a_recording_gap():
    t, cum = [0.0, 10.0, 910.0, 920.0], [0.0, 30.0, 35.0, 65.0]  # watch paused 15 min
    assert moving_time(t, cum) == 20.0


def test_moving_time_without_distance_uses_cadence_or_gaps():
    t = [0.0, 5.0, 10.0, 100.0, 105.0]
    assert moving_time(t, None, [None, 160, 0, 160, 160]) == 5 + 90 + 5
    assert moving_time(t, None, None) == 5 + 5 + 5


def test_flat_noisy_altitude_gains_almost_nothing():
    rnd = random.Random(7)
    t = [float(s) for s in range(3600)]
    alt = [50 + rnd.uniform(-2, 2) for _ in t]
    assert elevation_gain(t, alt) < 3.0


def test_a_steady_climb_is_counted_despite_noise():
    rnd = random.Random(7)
    t = [float(s) for s in range(1000)]
    alt = [100 + s * 0.1 + rnd.uniform(-2, 2) for s in range(1000)]
    assert 94 <= elevation_gain(t, alt) <= 101


def test_hills_add_up_and_descents_do_not_count():
    t = [float(s) for s in range(2000)]
    alt = [(s % 1000) / 25 if s % 1000 < 500 else 20 - (s % 1000 - 500) / 25 for s in range(2000)]
    assert elevation_gain(t, alt) == pytest.approx(40.0, abs=2.0)  # 2 x 20 m, never down


@pytest.mark.parametrize(
    ("name", "session", "device_total"),
    [
        ("fitparse/activity-small-fenix2-run.fit", 0, 64),
        ("fitparse/2013-02-06-12-11-14.fit", 0, 168),
        ("tormoder/mornindew-broken.fit", 0, 99),
        ("muktihari/triathlon_summary_last.fit", 2, 107),
        ("muktihari/triathlon_summary_last.fit", 4, 29),
    ],
)
def test_computed_elevation_gain_is_close_to_the_watch_total(name, session, device_total):
    from milepost.runs.formats import fit
    from milepost.runs.tests.test_formats_fit import sample

    raw = fit.read(sample(name))[session]
    assert raw.total_ascent_m == device_total  # what the summary reports for FIT
    pairs = [(x, a) for x, a in zip(raw.t, raw.alt, strict=True) if x is not None]
    computed = elevation_gain([x for x, _ in pairs], [a for _, a in pairs])
    assert 0.8 * device_total <= computed <= 1.1 * device_total


def test_elevation_gain_is_none_without_altitude():
    assert elevation_gain([0.0, 1.0], [None, None]) is None


def test_per_leg_cadence_is_doubled_when_the_convention_is_unknown():
    t, cum = stream([(600, 3.0)])
    raw = raw_from(t, cum, cad=[85.0] * len(t), cadence_per_leg=None)
    assert summarize(raw).avg_cadence == 170.0
    raw = raw_from(t, cum, cad=[172.0] * len(t), cadence_per_leg=None)
    assert summarize(raw).avg_cadence == 172.0


def test_zero_cadence_while_stopped_is_left_out_of_the_average():
    t, cum = stream([(600, 3.0)])
    cad = [0.0 if k % 2 else 85.0 for k in range(len(t))]
    assert summarize(raw_from(t, cum, cad=cad, cadence_per_leg=True)).avg_cadence == 170.0


def test_cycling_cadence_stays_in_rpm():
    t, cum = stream([(600, 8.0)])
    raw = raw_from(t, cum, cad=[85.0] * len(t), sport="cycling", cadence_per_leg=True)
    s = summarize(raw)
    assert (s.is_run, s.avg_cadence, s.best_efforts, s.longest_continuous_run_m) == (
        False,
        85.0,
        {},
        None,
    )


# --- distance ---------------------------------------------------------------------------------


def test_haversine_of_one_degree_of_latitude():
    assert haversine_m(0, 0, 1, 0) == pytest.approx(111_195, rel=1e-4)
    assert haversine_m(52, 4, 52, 4) == 0.0


def test_gps_distance_skips_a_teleport():
    t = [0.0, 1.0, 2.0, 3.0]
    lat = [52.0, 52.0 + 3 / 111_195, 53.0, 52.0 + 6 / 111_195]
    lon = [4.0] * 4
    assert gps_distance(t, lat, lon, glitch_speed=12.0)[-1] == pytest.approx(6.0, abs=0.01)


def test_missing_device_distances_are_interpolated_in_time():
    t = [0.0, 10.0, 20.0, 30.0, 40.0]
    raw = raw_from(t, [0.0, None, None, None, 120.0])
    s = summarize(raw)
    assert s.distance_m == 120.0
    assert s.moving_s == 40.0


def test_a_distance_counter_reset_continues_from_where_it_was():
    t, cum = stream([(400, 3.0)])
    reset = cum[:201] + [c - cum[200] for c in cum[201:]]
    assert summarize(raw_from(t, reset)).distance_m == pytest.approx(cum[-1] - 3.0)


def test_gps_only_files_use_haversine():
    points = run_points(START, [(1000, 3.0)])
    [run] = parse_file(gpx_bytes(points, sport="running"), "gps.gpx")
    assert run.distance_source == "gps"
    assert run.distance_m == pytest.approx(3000, rel=0.001)


# --- sport and time rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "sub", "expected"),
    [
        ("running", None, ("run", True, None)),
        ("running", "trail", ("run", True, "trail")),
        ("running", "treadmill", ("run", True, "treadmill")),
        ("running", "track", ("run", True, "track")),
        ("Running", None, ("run", True, None)),
        ("Trail Run", None, ("run", True, "trail")),
        ("VirtualRun", None, ("run", True, "virtual_activity")),
        ("treadmill", None, ("run", True, "treadmill")),
        ("9", None, ("run", True, None)),
        ("Run", "generic", ("run", True, None)),
        ("Biking", None, ("cycling", False, None)),
        ("Ride", None, ("cycling", False, None)),
        ("Walk", None, ("walking", False, None)),
        ("swimming", "open_water", ("swimming", False, "open_water")),
        ("wheelchair_push_run", None, ("wheelchair_push_run", False, None)),
        ("generic", None, ("unknown", False, None)),
        ("Other", None, ("unknown", False, None)),
        (None, None, ("unknown", False, None)),
    ],
)
def test_sport_names_are_normalised(name, sub, expected):
    assert normalize_sport(name, sub) == expected


def test_the_export_type_overrides_the_file_sport():
    t, cum = stream([(600, 3.0)])
    s = summarize(raw_from(t, cum, sport="generic"), hint=ActivityHint(sport="Trail Run"))
    assert (s.sport, s.sub_sport) == ("run", "trail")
    s = summarize(raw_from(t, cum, sport="running"), hint=ActivityHint(sport="Walk"))
    assert s.sport == "walking" and not s.is_run


def test_an_unnamed_sport_is_guessed_from_pace():
    t, cum = stream([(600, 3.0)])
    assert summarize(raw_from(t, cum, sport=None)).sport == "run"
    t, cum = stream([(600, 7.5)])
    slow = summarize(raw_from(t, cum, sport=None))
    assert (slow.sport, slow.is_run) == ("unknown", False)
    assert any("does not look like a run" in w for w in slow.warnings)


def test_a_few_impossible_times_are_dropped_with_a_warning():
    t, cum = stream([(600, 3.0)])
    raw = raw_from(t, cum)
    raw.t[300] = datetime(2085, 12, 21, tzinfo=UTC).timestamp()
    s = summarize(raw)
    assert s.point_count == len(t) - 1
    assert any("2085" in w for w in s.warnings)


def test_a_few_backward_steps_are_dropped_but_many_refuse_the_file():
    t, cum = stream([(600, 3.0)])
    raw = raw_from(t, cum)
    raw.t[100] -= 60  # a minute back: not jitter
    s = summarize(raw)
    assert s.point_count == len(t) - 1
    assert any("backwards" in w for w in s.warnings)
    raw = raw_from(t, cum)
    raw.t = raw.t[:300] + [x - 400 for x in raw.t[300:]]
    with pytest.raises(ActivityFileError) as exc:
        summarize(raw)
    assert exc.value.code == "bad_timestamps"


def test_now_is_a_parameter_for_the_future_check():
    t, cum = stream([(600, 3.0)])
    raw = raw_from(t, cum)
    with pytest.raises(ActivityFileError) as exc:
        summarize(raw, now=START.timestamp() - 10 * 86400)
    assert exc.value.code == "bad_timestamps"


def test_a_damaged_stream_too_short_to_be_a_run_is_refused():
    t, cum = stream([(30, 3.0)])
    with pytest.raises(ActivityFileError) as exc:
        summarize(raw_from(t, cum, damaged="truncated"))
    assert exc.value.code == "truncated"
    kept = summarize(raw_from(*stream([(2400, 3.0)]), damaged="truncated"))
    assert "we kept the 40 minutes we could read" in kept.warnings[-1]


def test_points_jittering_back_a_second_or_two_are_put_back_in_order():
    t, cum = stream([(600, 3.0)])
    raw = raw_from(t, cum)
    raw.t[100], raw.t[101] = raw.t[101], raw.t[100]
    s = summarize(raw)
    assert s.point_count == len(t)
    assert s.distance_m == pytest.approx(cum[-1])
    assert any("jittered" in w for w in s.warnings)


def test_a_scrambled_stream_is_still_refused():
    t, cum = stream([(600, 3.0)])
    raw = raw_from(t, cum)
    random.Random(4).shuffle(raw.t)
    with pytest.raises(ActivityFileError) as exc:
        summarize(raw)
    assert exc.value.code == "bad_timestamps"


# --- the numpy paths give the very floats of the loops ----------------------------------------


def _random_track(rng: random.Random, n: int) -> tuple[list[float], list[float]]:
    t, cum = [1.7e9], [0.0]
    for _ in range(n - 1):
        t.append(t[-1] + rng.choice([1.0, 1.0, 2.0, 0.5, 7.3]))
        cum.append(cum[-1] + rng.choice([0.0, 2.9, 3.1, 3.5, 0.2, 15.0, 1e-9]))
    return t, cum


def _random_positions(rng: random.Random, n: int) -> tuple[list, list]:
    """A wandering track with missing fixes and jumps (a kilometre in a second, at times)."""
    lat, lon = [rng.uniform(-60, 60)], [rng.uniform(-170, 170)]
    for _ in range(n - 1):
        jump = rng.choice([0.0] * 30 + [0.01, -0.003])
        lat.append(lat[-1] + rng.gauss(0, 3e-5) + jump)
        lon.append(lon[-1] + rng.gauss(0, 3e-5))
    for k in rng.sample(range(n), n // 20):
        lat[k] = lon[k] = None
    return lat, lon


def _measures(t, cum, alts, values, lat, lon, distances) -> tuple:
    from milepost.runs.formats import distance, measures

    n = len(cum)
    gappy = [None if k % 11 in (0, 5, 6) or k > n - 4 else c for k, c in enumerate(cum)]
    reset = cum[: n // 2] + [c - 500 for c in cum[n // 2 :]]
    return (
        measures.elevation_gain(t, alts),
        measures.best_efforts(t, cum, distances),
        measures.moving_time(t, cum),
        measures._mean(values, 20, 250),
        distance._faster_step(t, cum, 12.0),
        distance.gps_distance(t, lat, lon, 12.0),
        distance.gps_distance(t, lat, lon, 100.0),
        distance._device_distance(t, gappy),
        distance._device_distance(t, reset),
        measures.longest_continuous_run(t, cum, None),
        measures.longest_continuous_run(t, cum, values),
    )


def test_vector_measures_equal_the_loops(monkeypatch):
    from milepost.runs.formats import distance, measures, summary

    rng = random.Random(7)
    for _ in range(60):
        t, cum = _random_track(rng, rng.choice([64, 300, 2000]))
        distances = {"a": 400.0, "b": 1609.344, "whole": cum[-1] - cum[0], "more": cum[-1] + 1}
        values = [rng.choice([None, 0, 150, 149.5, 260, 20, 250, 171.25]) for _ in t]
        alts = [
            None if k % 7 == 3 else 40 + 20 * math.sin(k / 90) + rng.random() for k in range(len(t))
        ]
        lat, lon = _random_positions(rng, len(t))
        track = (t, cum, alts, values, lat, lon, distances)
        fast = _measures(*track)
        with monkeypatch.context() as m:
            for module in (distance, measures, summary):  # each reads its own binding
                m.setattr(module, "VECTOR_MIN_POINTS", 10**9)
            slow = _measures(*track)
        assert fast == slow
        assert measures.best_efforts(t, cum, distances) == measures._best_efforts_sweep(
            t, cum, distances
        )


def test_a_walk_of_about_the_threshold_is_added_up_in_order_as_the_loop_does():
    import numpy as np

    from milepost.runs.formats import measures

    rng = random.Random(1)  # parts whose sum in order is 10.000000000000002
    parts = [rng.random() for _ in range(rng.randrange(2, 40))]
    parts = [p * 10 / sum(parts) for p in parts]
    walked = 0.0
    for p in parts:
        walked += p
    dt = np.array([12345.678, 1.0, *parts])  # a long walk first: the array sum is off by 3e-12
    walking = np.array([True, False] + [True] * len(parts))
    ends = measures._long_walk_ends(walking, dt)
    assert ends[-1] == (walked >= measures.WALK_MIN_S) and ends[0]
