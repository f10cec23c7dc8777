"""GPX and TCX: the real samples against manifest.json, and hostile XML built here (XXE,
billion laughs, truncated and malformed copies, impossible clocks)."""

import gzip
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from milepost.runs.formats import ActivityFileError, detect_format, parse_file
from milepost.runs.formats.synthetic import (
    gpx_bytes,
    jittered,
    run_points,
    tcx_bytes,
    without_positions,
)
from milepost.runs.formats.xmlsafe import parse_time, prolog

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
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


READABLE = [
    "togeojson/run.gpx",
    "togeojson/Friday-Evening-Run.gpx",
    "togeojson/run_gpxtpx.gpx",
    "togeojson/missing_hr.gpx",
    "togeojson/apple_watch_route.gpx",
    "gpxpy/cerknicko-jezero.gpx",
    "gpxpy/track-with-empty-segment.gpx",
    "tcxparser/test.tcx",
    "tcxparser/no_hr.tcx",
    "togeojson/sample.tcx",
    "togeojson/tour_hr.tcx",
]


@pytest.mark.parametrize("name", READABLE)
def test_readable_samples_match_the_manifest(name):
    info = MANIFEST[name]
    [act] = parse_file(sample(name), name)
    assert act.source_format == info["fmt"]
    assert act.start == when(info["first"])
    assert act.elapsed_s == pytest.approx(
        (when(info["last"]) - when(info["first"])).total_seconds()
    )
    # points sharing a time are merged (run.gpx repeats one)
    assert info["records"] - 1 <= act.point_count <= info["records"]
    assert (act.avg_hr is not None) == (info["hr"] > 0)
    assert act.device == info["devices"][0]
    if info["dist"]:
        assert act.distance_source == "device"
        assert act.distance_m == pytest.approx(info["dist"] - _first_distance(name), abs=0.01)
    else:
        assert act.distance_source == "gps"


def _first_distance(name):
    match = re.search(rb"<Trackpoint>.*?<DistanceMeters>([\d.]+)<", sample(name), re.S)
    return float(match.group(1)) if match else 0.0


def test_garmin_connect_gpx_run():
    [run] = parse_file(sample("togeojson/run.gpx"), "run.gpx")
    assert run.is_run  # no <type>, but a runner's pace
    assert any("pace looks like a run" in w for w in run.warnings)
    assert 3000 < run.distance_m < 3200
    assert run.best_efforts["1k"] < run.best_efforts["1mi"]
    assert run.avg_cadence is None and run.avg_hr > 100


def test_apple_watch_gpx_says_running_and_has_per_leg_cadence():
    [run] = parse_file(sample("togeojson/Friday-Evening-Run.gpx"), "friday.gpx")
    assert run.sport == "run" and run.is_run and run.warnings == ()
    assert run.name == "Friday Evening Run"
    assert 120 < run.avg_cadence < 170  # gpxtpx:cad 57-82 per leg, doubled


def test_gpx_1_0_walk_is_not_a_run():
    [walk] = parse_file(sample("gpxpy/cerknicko-jezero.gpx"), "lake.gpx")
    assert walk.sport == "unknown" and not walk.is_run
    assert 13000 < walk.distance_m < 14500
    assert walk.best_efforts == {}
    assert walk.elevation_gain_m > 0


def test_tcx_run_with_laps():
    [run] = parse_file(sample("tcxparser/test.tcx"), "test.tcx")
    assert (run.sport, run.is_run, run.name) == ("run", True, "Aerobics")
    assert run.distance_m == pytest.approx(4686.31, abs=0.01)
    assert run.avg_hr == pytest.approx(156.7, abs=0.5)
    assert set(run.best_efforts) == {"1k", "1mi"}


def test_tcx_with_local_offsets_is_stored_in_utc():
    [ride] = parse_file(sample("togeojson/tour_hr.tcx"), "tour.tcx")
    assert ride.start == datetime(2020, 12, 27, 14, 59, 36, tzinfo=UTC)
    assert ride.utc_offset_s == 3600
    assert (ride.sport, ride.is_run) == ("cycling", False)


def test_tcx_whose_times_repeat_backwards_is_refused():
    with pytest.raises(ActivityFileError) as exc:
        parse_file(sample("togeojson/bad.tcx"), "bad.tcx")
    assert exc.value.code == "bad_timestamps"


def test_a_treadmill_tcx_without_positions_uses_the_recorded_distance():
    data = re.sub(rb"<Position>.*?</Position>", b"", sample("tcxparser/test.tcx"), flags=re.S)
    [run] = parse_file(data, "treadmill.tcx")
    assert run.distance_m == pytest.approx(4686.31, abs=0.01)
    assert run.start_lat is None and run.distance_source == "device"


def test_a_tcx_with_several_activities_gives_several_summaries():
    data = sample("tcxparser/test.tcx")
    block = re.search(rb"<Activity .*?</Activity>", data, re.S).group(0)
    four = data.replace(block, block * 4)
    summaries = parse_file(four, "four.tcx")
    assert len(summaries) == 4
    assert all(s == summaries[0] for s in summaries)


def test_synthetic_multi_activity_and_treadmill_tcx():
    a = run_points(START, [(600, 3.0)], cadence={3.0: 170})
    b = without_positions(run_points(START.replace(hour=18), [(900, 2.8)]))
    first, second = parse_file(tcx_bytes([a, b]), "two.tcx")
    assert first.distance_m == pytest.approx(1800) and first.avg_cadence == pytest.approx(170)
    assert second.distance_m == pytest.approx(2520) and second.start_lat is None
    assert second.start == START.replace(hour=18)


def test_a_tcx_course_is_not_an_activity():
    course = (
        b'<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        b'TrainingCenterDatabase/v2"><Courses><Course><Track><Trackpoint><Time>2020-01-01T00:00:00Z'
        b"</Time></Trackpoint></Track></Course></Courses></TrainingCenterDatabase>"
    )
    with pytest.raises(ActivityFileError) as exc:
        parse_file(course, "course.tcx")
    assert exc.value.code == "not_activity"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("gpxpy/Mojstrovka.gpx", "bad_timestamps"),
        ("gpxpy/cerknicko-without-times.gpx", "no_timestamps"),
        ("gpxpy/unicode_with_bom.gpx", "not_activity"),
        ("togeojson/empty_trk.gpx", "empty"),
        ("togeojson/bad.gpx", "empty"),
    ],
)
def test_unusable_samples_are_refused_with_a_reason(name, code):
    with pytest.raises(ActivityFileError) as exc:
        parse_file(sample(name), name)
    assert exc.value.code == code
    assert exc.value.reason.endswith(".")


def test_1901_is_named_in_the_reason():
    with pytest.raises(ActivityFileError, match="1901"):
        parse_file(sample("gpxpy/Mojstrovka.gpx"), "m.gpx")


def test_a_route_without_times_is_not_an_activity():
    data = re.sub(rb"<time>.*?</time>", b"", sample("togeojson/run.gpx"))
    with pytest.raises(ActivityFileError) as exc:
        parse_file(data, "route.gpx")
    assert exc.value.code == "no_timestamps"
    assert "route" in exc.value.reason


def test_an_undeclared_namespace_prefix_is_read_anyway():
    data = sample("togeojson/run_gpxtpx.gpx").replace(b"gpxtpx:", b"gpxdata:")
    data = data.replace(b'xmlns:gpxdata="', b'xmlns:other="')
    [run] = parse_file(data, "strava.gpx")
    assert run.avg_hr is not None


def test_whitespace_before_the_xml_declaration_is_tolerated():
    [run] = parse_file(b"\r\n  " + sample("tcxparser/test.tcx"), "polar.tcx")
    assert run.distance_m == pytest.approx(4686.31, abs=0.01)


def test_utf16_gpx_is_read():
    text = (
        sample("togeojson/run_gpxtpx.gpx").decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    )
    [run] = parse_file(text.encode("utf-16"), "utf16.gpx")
    assert run.point_count == 42


def test_a_truncated_gpx_keeps_the_part_read():
    data = sample("togeojson/run.gpx")
    [half] = parse_file(data[: len(data) // 2], "run.gpx")
    assert 90 < half.point_count < 110
    assert any("cut short" in w for w in half.warnings)
    with pytest.raises(ActivityFileError) as exc:
        parse_file(data[:1200], "run.gpx")
    assert exc.value.code == "truncated"


def test_garbage_in_the_middle_of_a_gpx_is_damage():
    data = sample("togeojson/run.gpx")
    [run] = parse_file(data[:30000] + b"\x00\x01garbage<<>>" + data[30000:], "run.gpx")
    assert any("damaged" in w for w in run.warnings)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&xxe;</name><trkseg>
<trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt>
<trkpt lat="1" lon="1.001"><time>2020-01-01T00:01:00Z</time></trkpt></trkseg></trk></gpx>"""

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']>\n<TrainingCenterDatabase><Activities><Activity Sport="Running"><Notes>&lol9;</Notes>'
    + (b"</Activity></Activities></TrainingCenterDatabase>")
)


@pytest.mark.parametrize(
    "data",
    [
        XXE,
        LAUGHS,
        b'<?xml version="1.0"?><!-- a comment --><?pi x?>\n<!DOCTYPE gpx SYSTEM "http://x/">'
        b"<gpx></gpx>",
        XXE.decode()
        .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
        .encode("utf-16"),
    ],
    ids=["xxe", "billion-laughs", "external-dtd", "utf16-xxe"],
)
def test_xml_with_a_dtd_is_refused(data):
    with pytest.raises(ActivityFileError) as exc:
        parse_file(data, "evil.gpx")
    assert exc.value.code == "unsafe_xml"
    assert "XML bomb" in exc.value.reason


def test_prolog_finds_the_root_and_the_dtd():
    assert prolog(b"\xef\xbb\xbf<?xml version='1.0'?>\n<gpx>") == ("gpx", False)
    assert prolog(b"<!-- <gpx> --><tcx:TrainingCenterDatabase>") == (
        "TrainingCenterDatabase",
        False,
    )
    assert prolog(b"<?xml?><!DOCTYPE x><gpx>") == (None, True)
    assert prolog(b"hello") == (None, False)


def test_formats_are_detected_by_content_not_name():
    assert detect_format(sample("togeojson/run.gpx")) == "gpx"
    assert detect_format(sample("tcxparser/test.tcx")) == "tcx"
    assert detect_format(sample("fitparse/garmin-fenix-5-run.fit")) == "fit"
    assert detect_format(gzip.compress(b"x")) == "gz"
    assert detect_format(b"<kml></kml>") == "xml"
    assert detect_format(b"\x89PNG") is None


def test_a_gpx_named_tcx_is_read_as_gpx_with_a_note():
    [run] = parse_file(sample("togeojson/run.gpx"), "run.tcx")
    assert run.source_format == "gpx"
    assert any("named .tcx but holds GPX" in w for w in run.warnings)


def test_a_text_file_named_gpx_gets_a_clear_reason():
    with pytest.raises(ActivityFileError) as exc:
        parse_file(b"just some notes", "run.gpx")
    assert exc.value.code == "unknown_format"
    assert "named .gpx" in exc.value.reason


def test_kml_and_zip_are_not_single_activities():
    with pytest.raises(ActivityFileError, match="neither GPX nor TCX"):
        parse_file(b"<kml></kml>", "a.kml")
    with pytest.raises(ActivityFileError, match="zip archive"):
        parse_file(b"PK\x05\x06" + bytes(18), "a.zip")


@pytest.mark.parametrize("data", [b"", b"   \n\t", gzip.compress(b"")])
def test_empty_files_are_refused(data):
    with pytest.raises(ActivityFileError) as exc:
        parse_file(data, "empty.gpx")
    assert exc.value.code == "empty"
    assert exc.value.reason == "The file is empty."


def test_gzipped_gpx_and_tcx_read_like_the_originals():
    for name in ("togeojson/run.gpx", "tcxparser/test.tcx"):
        data = sample(name)
        assert parse_file(gzip.compress(data), name + ".gz") == parse_file(data, name)


def test_a_truncated_gz_keeps_what_it_held():
    data = gzip.compress(sample("togeojson/run.gpx"))
    [run] = parse_file(data[: len(data) * 2 // 3], "run.gpx.gz")
    assert any("compressed file was cut short" in w for w in run.warnings)
    with pytest.raises(ActivityFileError) as exc:
        parse_file(b"\x1f\x8b\x08\x00" + b"\xff" * 40, "bad.gpx.gz")
    assert exc.value.code == "corrupt"


def test_a_gzip_bomb_is_stopped_at_the_size_limit():
    bomb = gzip.compress(b"<gpx>" + b" " * (20 * 2**20))
    with pytest.raises(ActivityFileError) as exc:
        parse_file(bomb, "bomb.gpx.gz", max_bytes=2**20)
    assert exc.value.code == "too_large"


def test_synthetic_gpx_times_in_2085_1901_and_backwards_are_refused():
    future = run_points(datetime(2085, 1, 1, tzinfo=UTC), [(300, 3.0)])
    past = run_points(datetime(1901, 12, 13, tzinfo=UTC), [(300, 3.0)])
    backwards = list(reversed(run_points(START, [(300, 3.0)])))
    for points, year in ((future, "2085"), (past, "1901"), (backwards, None)):
        with pytest.raises(ActivityFileError) as exc:
            parse_file(gpx_bytes(points, sport="running"), "x.gpx")
        assert exc.value.code == "bad_timestamps"
        if year:
            assert year in exc.value.reason
        else:
            assert "backwards" in exc.value.reason


def test_lxml_alone_would_not_expand_entities_either(monkeypatch, tmp_path):
    """Second layer: even if the DTD gate were bypassed, nothing is fetched or expanded."""
    from milepost.runs.formats import xmlsafe

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    monkeypatch.setattr(xmlsafe, "check_safe", lambda data: None)
    data = XXE.replace(b"file:///etc/passwd", secret.as_uri().encode())
    parser = xmlsafe.StreamParser(data, ("{*}name",))
    texts = []
    with pytest.raises(ActivityFileError) as exc:
        for _, el in parser:
            texts.append(el.text or "")
    assert texts and "TOP-SECRET" not in "".join(texts)
    assert exc.value.code == "unsafe_xml"


@pytest.mark.parametrize(
    "text",
    [
        "2020-01-01T00:00:00Z",
        "2020-02-29T23:59:59.999Z",
        "2021-06-30T12:34:56.123456Z",
        "2019-02-29T10:00:00Z",  # no such day
        "2020-01-01T24:00:00Z",
        "2020-01-01T10:60:00Z",
        "2020-01-01T10:00:60Z",
        "1901-12-13T20:45:52Z",
        "2020-01-01T10:00:00.12Z",
        "2020-01-01 10:00:00Z",
        "2020-01-01T10:0a:00Z",
        "2020-01-01T10:00:00+02:00",
        "2020-01-01T10:00:00",
        " 2020-01-01T10:00:00Z\n",
        "2020-01-01T1\u00b2:00:00Z",
        "",
    ],
)
def test_the_fast_time_reader_agrees_with_fromisoformat(text):
    try:
        dt = datetime.fromisoformat(text.strip())
    except ValueError:
        expected = None
    else:
        expected = (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp()
    assert parse_time(text) == expected


def test_a_gpx_whose_times_jitter_back_in_many_steps_is_read_in_order():
    points = run_points(START, [(1200, 3.0)])
    data = gpx_bytes(jittered(points), sport="running")
    [run] = parse_file(data, "sports-tracker.gpx")
    assert run.distance_m == pytest.approx(3600, rel=0.01)
    assert run.elapsed_s == pytest.approx(1200, abs=3)
    assert any("jittered back by a few seconds" in w for w in run.warnings)


def test_a_gpx_whose_times_are_scrambled_is_refused():
    points = run_points(START, [(1200, 3.0)])
    times = [p["t"] for p in points]
    for k, p in enumerate(points):
        p["t"] = times[(k * 7919) % len(times)]
    with pytest.raises(ActivityFileError) as exc:
        parse_file(gpx_bytes(points), "scrambled.gpx")
    assert exc.value.code == "bad_timestamps"


# --- the template fast path (pointscan) reads exactly what lxml reads -------------------------

XML_SAMPLES = sorted(
    str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*") if p.suffix in (".gpx", ".tcx")
)


def _both_ways(module, data: bytes, monkeypatch):
    """(what the reader gives, what it gives by lxml alone): results or error reasons."""

    def outcome():
        try:
            return [vars(raw) for raw in module.read(data)]
        except ActivityFileError as exc:
            return (str(exc), exc.code)

    fast = outcome()
    with monkeypatch.context() as m:
        m.setattr(module, "scan", lambda *args, **kwargs: None)
        slow = outcome()
    return fast, slow


def _synthetic_xml():
    one = run_points(START, [(600, 3.0), (60, 1.2), (600, 3.1)], cadence={3.0: 170, 3.1: 172})
    two = run_points(START.replace(hour=9), [(300, 2.8)], cadence={2.8: 168})
    yield "gpx", gpx_bytes(one, sport="running")
    yield "tcx", tcx_bytes([one])
    yield "tcx", tcx_bytes([one, two])  # two activities in one file


@pytest.mark.parametrize("name", XML_SAMPLES)
def test_fast_path_matches_lxml_on_samples(name, monkeypatch):
    from milepost.runs.formats import gpx, tcx

    data = sample(name)
    module = gpx if name.endswith(".gpx") else tcx
    fast, slow = _both_ways(module, data, monkeypatch)
    assert fast == slow


def test_fast_path_is_taken_and_matches_lxml_on_altered_files(monkeypatch):
    from milepost.runs.formats import gpx, pointscan, tcx

    for kind, data in _synthetic_xml():
        module = gpx if kind == "gpx" else tcx
        point = "trkpt" if kind == "gpx" else "trackpoint"
        assert pointscan.scan(data, point, module.FIELDS, {}) is not None
        cut = data.index(b"</time>" if kind == "gpx" else b"</Time>", 5000)
        start = data.index(b"<trkpt" if kind == "gpx" else b"<Trackpoint>", 5000)
        end = data.index(b"</trkpt>" if kind == "gpx" else b"</Trackpoint>", start)
        end = data.index(b">", end) + 1
        hidden = [data[:start] + opening + data[start:end] + closing + data[end:]
                  for opening, closing in ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>"))]  # fmt: skip
        variants = [
            *hidden,  # a whole point in a comment, in CDATA
            data,
            data[: len(data) * 2 // 3],  # truncated
            data[:cut] + b"<" + data[cut:],  # broken in the middle
            data[:cut] + b"&amp;" + data[cut:],  # an entity in one value
            data[:cut] + b"<!-- a comment -->" + data[cut:],
            data.replace(b"<", b"\n<"),  # other spacing
            data[:cut] + data[cut:].replace(b"><", b">\n  <"),  # spacing that changes
        ]
        for variant in variants:
            fast, slow = _both_ways(module, variant, monkeypatch)
            assert fast == slow


def test_parse_times_equals_parse_time_text_by_text():
    import random

    from milepost.runs.formats.xmlsafe import parse_times, to_float, to_floats

    rng = random.Random(11)
    odd = ["2015-13-01T10:00:00Z", "2016-02-30T10:00:00Z", "2015-01-01T24:00:00Z",
           "2015-01-01T10:60:00Z", "2015-01-01T10:00:00+01:00", "2015-01-01t10:00:00Z",
           "2015-01-01T10:00:00.5Z", "", "2015-01-01T10:0a:00Z"]  # fmt: skip
    for trial in range(300):
        n = rng.choice([16, 40])
        fraction = rng.choice([False, True])
        texts = [
            f"{rng.choice([2015, 2016, 2024])}-02-{rng.randint(27, 29):02d}T"
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
            + (f".{rng.randint(0, 999):03d}Z" if fraction else "Z")
            for _ in range(n)
        ]
        if trial % 3 == 0:
            texts[rng.randrange(n)] = rng.choice(odd)
        assert parse_times(texts) == [parse_time(x) for x in texts]
    distinct = [str(k / 7) for k in range(100)]  # read text by text, not once per text
    columns = [["1.5"] * 20, ["1.5", "nan"] * 10, ["1e400", "1"] * 10, ["", "2"] * 10]
    columns += [distinct, distinct + ["inf"], distinct + ["x"], ["1", " 2 ", "1", "3_0"] * 30]
    for texts in columns:
        assert to_floats(texts) == [to_float(x) for x in texts]


def test_points_inside_points_are_read_as_lxml_reads_them(monkeypatch):
    from milepost.runs.formats import gpx, pointscan

    data = gpx_bytes(run_points(START, [(300, 3.0)]))
    inner = b'<trkpt lat="52.1" lon="4.1"><ele>1</ele></trkpt>'
    nested = data.replace(b"</trkpt>", inner + b"</trkpt>")  # every point holds one
    assert pointscan.scan(nested, "trkpt", gpx.FIELDS, {}) is None
    fast, slow = _both_ways(gpx, nested, monkeypatch)
    assert fast == slow
