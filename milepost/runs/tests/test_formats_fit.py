"""FIT files: the real samples against manifest.json and the two upstream CSVs, plus hostile
copies built here (truncated, corrupted, non-activity, impossible clocks)."""

import csv
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from milepost.runs.formats import ActivityFileError, ActivityHint, fit, parse_file
from milepost.runs.formats.synthetic import fit_bytes, run_points

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
MANIFEST = {
    e["file"]: e["info"][0]
    for e in json.loads((SAMPLES / "manifest.json").read_text())
    if e["info"]
}
START = datetime(2024, 5, 1, 7, 0, tzinfo=UTC)


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


ALL_FIT = sorted(name for name in MANIFEST if name.endswith(".fit"))
CLEAN_RUNS = [
    "fitparse/activity-small-fenix2-run.fit",
    "fitparse/2013-02-06-12-11-14.fit",
    "fitparse/garmin-fenix-5-run.fit",
    "fitparse/developer-types-sample.fit",
    "tormoder/mornindew-broken.fit",
]


@pytest.mark.parametrize("name", ALL_FIT)
def test_the_decoder_reads_what_fitdecode_read_for_every_sample(name):
    info = MANIFEST[name]
    data = fit.decode(sample(name))
    assert len(data.t) == info["records"]
    assert sum(x is not None for x in data.lat) == info["gps"]
    assert sum(x is not None for x in data.hr) == info["hr"]
    assert sum(x is not None for x in data.cad) == info["cad"]
    distances = [d for d in data.dist if d is not None]
    assert max(distances, default=0) == pytest.approx(info["dist"], abs=0.01)
    assert len(data.sessions) == info["n_sessions"]
    assert data.parts == info["chained"]
    assert bool(data.damaged) == bool(info["errors"])


@pytest.mark.parametrize("name", CLEAN_RUNS)
def test_clean_runs_match_the_manifest(name):
    info = MANIFEST[name]
    [run] = parse_file(sample(name), name)
    assert run.sport == "run" and run.is_run
    assert run.source_format == "fit"
    assert run.start == when(info["first"])
    assert run.start.tzinfo is not None
    assert run.elapsed_s == (when(info["last"]) - when(info["first"])).total_seconds()
    # records sharing a timestamp (e.g. a timer event) are merged into one point
    assert run.point_count == len(set(fit.decode(sample(name)).t)) <= info["records"]
    assert run.distance_m == pytest.approx(info["dist"], rel=0.001)
    assert run.distance_source == "device"
    assert 0 < run.moving_s <= run.elapsed_s
    assert run.avg_hr is not None
    assert run.device.startswith(info["devices"][0].split("/")[0])
    assert run.warnings == ()


def test_fenix2_run_has_sensible_figures():
    [run] = parse_file(sample("fitparse/activity-small-fenix2-run.fit"), "run.fit")
    assert run.device == "garmin fenix2"
    assert set(run.best_efforts) == {"1k", "1mi", "5k"}
    assert run.best_efforts["1k"] < run.best_efforts["1mi"] < run.best_efforts["5k"]
    pace_5k = run.best_efforts["5k"] / 5  # s/km, faster than the whole run's average
    assert pace_5k < run.elapsed_s / (run.distance_m / 1000)
    assert 140 < run.avg_cadence < 200  # steps per minute: per-leg FIT values doubled
    assert 0 < run.elevation_gain_m < 200
    assert 0 < run.longest_continuous_run_m <= run.distance_m
    assert run.start_lat is not None and run.start_lon is not None


def _csv_rows(name):
    with open(SAMPLES / name, newline="") as fh:
        return list(csv.DictReader(fh, skipinitialspace=True))


def test_fenix5_records_match_the_upstream_csv():
    data = fit.decode(sample("fitparse/garmin-fenix-5-run.fit"))
    rows = _csv_rows("fitparse/garmin-fenix-5-run-records.csv")
    assert len(rows) == len(data.t)
    for k, row in enumerate(rows):
        assert data.hr[k] == int(row["heart_rate"])
        assert int(data.cad[k]) == int(row["cadence"])
        assert data.dist[k] == pytest.approx(float(row["distance"]), abs=0.005)
        assert round(data.lat[k] * 2**31 / 180) == int(row["position_lat"])
        assert round(data.lon[k] * 2**31 / 180) == int(row["position_long"])
        assert data.alt[k] == pytest.approx(float(row["altitude"]), abs=0.01)
    first = datetime.strptime(rows[0]["timestamp"], "%a %b %d %H:%M:%S PDT %Y")
    assert data.t[0] + fit.FIT_EPOCH == first.replace(tzinfo=UTC).timestamp() + 7 * 3600


def test_compressed_speed_distance_matches_the_upstream_csv():
    data = fit.decode(sample("fitparse/compressed-speed-distance.fit"))
    by_time = {t: k for k, t in enumerate(data.t)}
    rows = _csv_rows("fitparse/compressed-speed-distance-records.csv")
    assert len(rows) == 754
    for row in rows:
        k = by_time[int(row["Timestamp"])]
        assert data.dist[k] == pytest.approx(float(row["Distance [m]"]), abs=1e-6)
        hr = row["Heart Rate [bpm]"]
        assert data.hr[k] == (None if hr == "null" else int(hr))
        cad = row["Cadence [rpm]"]
        assert data.cad[k] == (None if cad == "null" else int(cad))


def test_relative_timestamps_are_dated_from_the_export_hint():
    hint = ActivityHint(start=datetime(2012, 2, 10, 17, 30, tzinfo=UTC))
    [run] = parse_file(sample("fitparse/compressed-speed-distance.fit"), "fr70.fit", hint=hint)
    assert run.start == hint.start
    assert run.distance_m == pytest.approx(10248.67, abs=0.1)
    assert run.elapsed_s == 17221744 - 17217864
    assert 165 < run.avg_cadence < 180  # per-leg rpm doubled
    assert any("switched on" in w for w in run.warnings)


def test_relative_timestamps_fall_back_to_the_watch_local_clock_with_a_warning():
    [run] = parse_file(sample("fitparse/antfs-dump.63.fit"), "antfs.fit")
    assert run.start.year == 2012
    assert run.distance_m is None
    assert run.avg_hr is not None
    assert any("time zone" in w for w in run.warnings)


def test_relative_timestamps_without_any_anchor_are_refused():
    points = [{"t": 1000 + s, "hr": 120} for s in range(120)]
    with pytest.raises(ActivityFileError) as exc:
        parse_file(fit_bytes(points, relative=True), "old.fit")
    assert exc.value.code == "no_timestamps"


def test_a_multisport_file_gives_one_summary_per_session():
    summaries = parse_file(sample("fitparse/sample_mulitple_header.fit"), "tri.fit")
    assert [s.sport for s in summaries] == [
        "swimming",
        "transition",
        "cycling",
        "transition",
        "run",
    ]
    assert [s.is_run for s in summaries] == [False, False, False, False, True]
    assert summaries[0].sub_sport == "open_water"
    run = summaries[-1]
    assert 9500 < run.distance_m < 10100
    assert run.best_efforts["5k"] > 0
    starts = [s.start for s in summaries]
    assert starts == sorted(starts)
    assert starts[0] == when(MANIFEST["fitparse/sample_mulitple_header.fit"]["first"])


def test_summary_messages_first_or_last_give_the_same_result():
    first = parse_file(sample("muktihari/triathlon_summary_first.fit"), "a.fit")
    last = parse_file(sample("muktihari/triathlon_summary_last.fit"), "b.fit")
    assert first == last
    assert len(first) == 5
    assert first[-1].is_run and 4400 < first[-1].distance_m < 4600


def test_large_multisport_splits_at_session_starts():
    summaries = parse_file(sample("fitparse/activity-large-fenxi2-multisport.fit"), "m.fit")
    assert len(summaries) == 7
    assert [s.sport for s in summaries[1:]] == [
        "transition",
        "run",
        "transition",
        "run",
        "transition",
        "cycling",
    ]
    assert sum(s.point_count for s in summaries) <= 24239


def test_non_running_activities_are_marked_not_a_run():
    [row] = parse_file(sample("fitparse/20170518-191602-1740899583.fit"), "row.fit")
    assert (row.sport, row.sub_sport, row.is_run) == ("fitness_equipment", "indoor_rowing", False)
    assert row.best_efforts == {} and row.longest_continuous_run_m is None
    [swim] = parse_file(sample("fitdecode/garmin-fr935-cr.fit"), "swim.fit")
    assert swim.sport == "swimming" and not swim.is_run
    [ride] = parse_file(sample("tormoder/unterminated-strings.fit"), "ride.fit")
    assert (ride.sport, ride.sub_sport) == ("cycling", "indoor_cycling")


def test_the_big_stress_file_decodes_every_record():
    [ride] = parse_file(sample("muktihari/big_activity.fit"), "big.fit")
    assert ride.point_count == 99998
    assert ride.sport == "cycling" and ride.device == "bryton"


def test_a_file_truncated_at_the_end_keeps_what_was_read():
    [ride] = parse_file(sample("fitparse/nick.fit"), "nick.fit")
    assert ride.point_count == len(set(fit.decode(sample("fitparse/nick.fit")).t))
    assert ride.distance_m == pytest.approx(113550.87, abs=0.01)
    assert any("cut short" in w and "4 h 39 min" in w for w in ride.warnings)
    assert not ride.is_run


def test_a_file_damaged_mid_way_keeps_the_readable_part_and_drops_2085():
    [run] = parse_file(sample("fitparse/strava-android-app-201.10-b1218918.fit"), "s.fit")
    assert run.start == when("2021-09-27T14:13:10+00:00")
    assert run.elapsed_s < 600
    assert run.distance_m == pytest.approx(928.25)
    assert any("2085" in w for w in run.warnings)
    assert any("damaged" in w for w in run.warnings)


def test_a_truncated_copy_is_kept_when_plausible_and_says_so():
    data = sample("fitparse/activity-small-fenix2-run.fit")
    [full] = parse_file(data, "run.fit")
    [half] = parse_file(data[: len(data) // 2], "run.fit")
    assert half.elapsed_s < full.elapsed_s
    assert 0 < half.distance_m < full.distance_m
    assert any("cut short" in w and "minutes" in w for w in half.warnings)


def test_a_copy_cut_too_short_is_refused_as_truncated():
    data = sample("fitparse/activity-small-fenix2-run.fit")
    with pytest.raises(ActivityFileError) as exc:
        parse_file(data[:600], "run.fit")
    assert exc.value.code in ("truncated", "empty")


def test_a_corrupted_copy_keeps_the_part_before_the_damage():
    data = bytearray(fit_bytes(run_points(START, [(1200, 3.0)])))
    record_0 = 14 + 18 + 10 + 27  # header, file_id definition and message, record definition
    data[record_0 + 600 * 21] = 0x0E  # record 600's header names an undefined local message
    [run] = parse_file(bytes(data), "run.fit")
    assert run.elapsed_s == 599
    assert any("damaged part-way" in w and "10 minutes" in w for w in run.warnings)


def test_a_broken_header_is_not_a_fit_file():
    data = bytearray(sample("fitparse/activity-small-fenix2-run.fit"))
    data[8:12] = b"XXXX"
    with pytest.raises(ActivityFileError) as exc:
        parse_file(bytes(data), "run.fit")
    assert exc.value.code == "unknown_format"
    assert ".fit" in exc.value.reason


def test_a_monitoring_file_is_not_an_activity():
    points = run_points(START, [(120, 3.0)])
    with pytest.raises(ActivityFileError) as exc:
        parse_file(fit_bytes(points, file_type=32), "wellness.fit")
    assert exc.value.code == "not_activity"
    assert "monitoring" in exc.value.reason
    assert fit.peek_file_type(fit_bytes(points, file_type=32)) == "monitoring_b"
    assert fit.peek_file_type(fit_bytes(points)) == "activity"


def test_a_file_with_a_single_record_is_refused():
    with pytest.raises(ActivityFileError) as exc:
        parse_file(sample("muktihari/valid_only_contain_fileid.fit"), "one.fit")
    assert exc.value.code == "empty"


def test_gzipped_fit_reads_like_the_original():
    data = sample("fitparse/activity-small-fenix2-run.fit")
    assert parse_file(gzip.compress(data), "run.fit.gz") == parse_file(data, "run.fit")


def test_a_wrong_extension_is_read_by_content_with_a_note():
    [run] = parse_file(sample("fitparse/garmin-fenix-5-run.fit"), "run.gpx")
    assert run.source_format == "fit"
    assert any("named .gpx" in w for w in run.warnings)


def test_synthetic_fit_round_trips():
    points = run_points(START, [(600, 3.0), (60, 1.2), (600, 3.0)], cadence={3.0: 170, 1.2: 110})
    [run] = parse_file(fit_bytes(points), "synthetic.fit")
    assert run.start == START
    assert run.distance_m == pytest.approx(3672.0)
    assert run.best_efforts["1k"] == pytest.approx(1000 / 3.0, abs=0.1)
    assert run.longest_continuous_run_m == pytest.approx(1800.0)
    assert run.elapsed_s == 1260


def test_timestamps_in_2085_are_refused():
    points = run_points(datetime(2085, 12, 21, tzinfo=UTC), [(300, 3.0)])
    with pytest.raises(ActivityFileError) as exc:
        parse_file(fit_bytes(points), "future.fit")
    assert exc.value.code == "bad_timestamps"
    assert "2085" in exc.value.reason


def test_an_oversized_file_is_refused_before_reading():
    with pytest.raises(ActivityFileError) as exc:
        parse_file(sample("muktihari/big_activity.fit"), "big.fit", max_bytes=1_000_000)
    assert exc.value.code == "too_large"


def test_mutated_files_only_ever_raise_activity_file_errors():
    import random

    rnd = random.Random(1)
    names = [n for n in ALL_FIT if MANIFEST[n]["size"] < 400_000]
    names += ["togeojson/run.gpx", "tcxparser/test.tcx"]
    originals = [sample(n) for n in names]
    for _ in range(400):
        data = bytearray(rnd.choice(originals))
        for _ in range(rnd.randint(1, 20)):
            if not data:
                break
            p = rnd.randrange(len(data))
            choice = rnd.random()
            if choice < 0.5:
                data[p] = rnd.randrange(256)
            elif choice < 0.8:
                del data[p : p + rnd.randint(1, 50)]
            else:
                data[p:p] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8)))
        try:
            parse_file(bytes(data), "fuzzed")
        except ActivityFileError as exc:
            assert exc.reason


def _columns(data: bytes) -> dict:
    decoded = fit.decode(data)
    columns = ("t", "lat", "lon", "alt", "hr", "cad", "dist")
    # with each value's type: a cadence is an int unless it has a fraction
    out = {name: [(type(v), v) for v in getattr(decoded, name)] for name in columns}
    return out | {"damaged": decoded.damaged, "sessions": decoded.sessions}


@pytest.mark.parametrize("name", ALL_FIT)
def test_runs_of_records_read_as_arrays_give_what_the_record_by_record_path_gives(
    name, monkeypatch
):
    data = sample(name)
    copies = [data, data[: len(data) // 3], data[: len(data) // 2 + 7]]
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x40
    copies.append(bytes(flipped))
    arrays = [_columns(copy) for copy in copies]
    monkeypatch.setattr(fit, "RUN_MIN", 10**9)  # never a run: every record on its own
    assert [_columns(copy) for copy in copies] == arrays
