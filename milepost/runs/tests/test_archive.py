"""Expanding uploads: folders, zips (nested), .gz, the Strava and Garmin export layouts, and
hostile archives (path traversal, zip bombs, limits)."""

import gzip
import io
import json
import os
import struct
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from milepost.runs.formats import (
    ActivityHint,
    ArchiveLimits,
    ExportIndex,
    FileItem,
    ManualItem,
    SkippedItem,
    expand,
    expand_bytes,
    parse_file,
)
from milepost.runs.formats.archive import unsafe_name
from milepost.runs.formats.strava import parse_date, read_activities_csv
from milepost.runs.formats.synthetic import fit_bytes, run_points

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
RUN_FIT = (SAMPLES / "fitparse/garmin-fenix-5-run.fit").read_bytes()
RUN_GPX = (SAMPLES / "togeojson/run.gpx").read_bytes()
RUN_TCX = (SAMPLES / "tcxparser/test.tcx").read_bytes()
RELATIVE_FIT = (SAMPLES / "fitparse/compressed-speed-distance.fit").read_bytes()
MONITORING_FIT = fit_bytes(run_points(datetime(2024, 5, 1, tzinfo=UTC), [(60, 1.0)]), file_type=32)


def make_zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def by_kind(items):
    files = {i.path: i for i in items if isinstance(i, FileItem)}
    skipped = {i.path: i for i in items if isinstance(i, SkippedItem)}
    manual = [i for i in items if isinstance(i, ManualItem)]
    return files, skipped, manual


def test_a_single_file_comes_back_as_is():
    [item] = expand_bytes(RUN_GPX, "run.gpx")
    assert item == FileItem("run.gpx", RUN_GPX)


def test_a_gz_file_is_passed_on_for_the_parser_to_inflate():
    [item] = expand_bytes(gzip.compress(RUN_FIT), "run.fit.gz")
    assert isinstance(item, FileItem)
    assert parse_file(item.data, item.path)[0].distance_m == pytest.approx(157.56)


def test_a_zip_keeps_good_members_and_skips_bad_ones_with_reasons():
    bomb = b"<gpx>" + b" " * (4 * 2**20)  # compresses about 1000:1
    data = make_zip(
        {
            "runs/a.gpx": RUN_GPX,
            "runs/b.fit": RUN_FIT,
            "../evil.gpx": RUN_GPX,
            "/etc/cron.d/x.gpx": RUN_GPX,
            "..\\windows.gpx": RUN_GPX,
            "bomb.gpx": bomb,
            "notes.txt": b"hello",
            "__MACOSX/runs/._a.gpx": b"junk",
            "wellness.fit": MONITORING_FIT,
            "mystery.bin": b"\x00\x01",
            "wrong-name.txt.gpx": RUN_TCX,
        }
    )
    files, skipped, _ = by_kind(list(expand_bytes(data, "upload.zip")))
    assert set(files) == {
        "upload.zip/runs/a.gpx",
        "upload.zip/runs/b.fit",
        "upload.zip/wrong-name.txt.gpx",
    }
    assert {p: s.code for p, s in skipped.items()} == {
        "upload.zip/../evil.gpx": "path_traversal",
        "upload.zip//etc/cron.d/x.gpx": "path_traversal",
        "upload.zip/..\\windows.gpx": "path_traversal",
        "upload.zip/bomb.gpx": "zip_bomb",
        "upload.zip/wellness.fit": "not_activity",
    }
    assert "zip bomb" in skipped["upload.zip/bomb.gpx"].reason
    assert "monitoring" in skipped["upload.zip/wellness.fit"].reason
    assert files["upload.zip/runs/b.fit"].data == RUN_FIT


def test_nested_zips_and_gz_inside_zips_are_expanded():
    inner = make_zip({"inner/run.tcx": RUN_TCX, "deeper.zip": make_zip({"x.fit": RUN_FIT})})
    outer = make_zip({"inner.zip": inner, "run.gpx.gz": gzip.compress(RUN_GPX)})
    files, skipped, _ = by_kind(list(expand_bytes(outer, "outer.zip")))
    assert set(files) == {
        "outer.zip/inner.zip/inner/run.tcx",
        "outer.zip/inner.zip/deeper.zip/x.fit",
        "outer.zip/run.gpx.gz",
    }
    assert not skipped


def test_a_gz_holding_a_zip_is_expanded():
    data = gzip.compress(make_zip({"a.gpx": RUN_GPX}))
    files, _, _ = by_kind(list(expand_bytes(data, "export.zip.gz")))
    assert set(files) == {"export.zip.gz/a.gpx"}


def test_nesting_deeper_than_the_limit_is_refused():
    data = make_zip({"a.gpx": RUN_GPX})
    for level in range(3):
        data = make_zip({f"level{level}.zip": data})
    items = list(expand_bytes(data, "deep.zip", limits=ArchiveLimits(max_depth=2)))
    assert [i.code for i in items if isinstance(i, SkippedItem)] == ["too_deep"]
    assert not any(isinstance(i, FileItem) for i in items)
    assert any(isinstance(i, FileItem) for i in expand_bytes(data, "deep.zip"))


def test_too_many_files_stops_with_a_reason():
    data = make_zip({f"{n}.gpx": RUN_GPX for n in range(10)})
    items = list(expand_bytes(data, "many.zip", limits=ArchiveLimits(max_files=3)))
    assert sum(isinstance(i, FileItem) for i in items) == 3
    assert items[-1].code == "too_many_files"


def test_total_size_limit_stops_the_upload():
    data = make_zip({f"{n}.gpx": RUN_GPX for n in range(10)})
    limits = ArchiveLimits(max_total_bytes=3 * len(RUN_GPX) + 10)
    items = list(expand_bytes(data, "big.zip", limits=limits))
    assert sum(isinstance(i, FileItem) for i in items) == 3
    assert items[-1].code == "too_large"


def test_one_oversized_member_is_skipped_and_the_rest_kept():
    data = make_zip({"big.gpx": RUN_GPX, "small.fit": RUN_FIT})
    limits = ArchiveLimits(max_member_bytes=len(RUN_FIT) + 1)
    files, skipped, _ = by_kind(list(expand_bytes(data, "u.zip", limits=limits)))
    assert set(files) == {"u.zip/small.fit"}
    assert skipped["u.zip/big.gpx"].code == "too_large"


def test_a_zip_whose_entries_overlap_is_a_bomb():
    data = bytearray(make_zip({"a.gpx": RUN_GPX, "b.gpx": RUN_GPX}, zipfile.ZIP_STORED))
    second = data.rfind(b"PK\x01\x02")  # the second central-directory entry
    data[second + 42 : second + 46] = struct.pack("<I", 0)  # point it at the first's data
    [item] = list(expand_bytes(bytes(data), "overlap.zip"))
    assert (item.code, item.path) == ("zip_bomb", "overlap.zip")


def test_a_damaged_zip_is_reported_and_the_others_go_on():
    damaged = make_zip({"a.gpx": RUN_GPX})[:100]
    data = make_zip({"broken.zip": damaged + b"\x00" * 30, "ok.fit": RUN_FIT}, zipfile.ZIP_STORED)
    files, skipped, _ = by_kind(list(expand_bytes(data, "u.zip")))
    assert set(files) == {"u.zip/ok.fit"}
    assert skipped["u.zip/broken.zip"].code == "corrupt"


def test_links_and_encrypted_members_are_skipped():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        link = zipfile.ZipInfo("link.gpx")
        link.external_attr = 0o120777 << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("ok.gpx", RUN_GPX)
    data = bytearray(buf.getvalue())
    files, skipped, _ = by_kind(list(expand_bytes(bytes(data), "u.zip")))
    assert set(files) == {"u.zip/ok.gpx"}
    assert skipped["u.zip/link.gpx"].code == "symlink"
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 8] |= 0x1  # mark ok.gpx as encrypted
    files, skipped, _ = by_kind(list(expand_bytes(bytes(data), "u.zip")))
    assert not files
    assert skipped["u.zip/ok.gpx"].code == "encrypted"


@pytest.mark.parametrize(
    ("name", "unsafe"),
    [
        ("a/b.gpx", False),
        ("a/..b.gpx", False),
        ("../a.gpx", True),
        ("a/../../b.gpx", True),
        ("/abs.gpx", True),
        ("C:/x.gpx", True),
        ("..\\x.gpx", True),
    ],
)
def test_unsafe_names(name, unsafe):
    assert unsafe_name(name) is unsafe


def test_a_folder_is_walked_with_zips_inside(tmp_path):
    (tmp_path / "2019").mkdir()
    (tmp_path / "2019" / "a.fit").write_bytes(RUN_FIT)
    (tmp_path / "b.gpx").write_bytes(RUN_GPX)
    (tmp_path / "c.zip").write_bytes(make_zip({"c.tcx": RUN_TCX}))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.gpx").write_bytes(RUN_GPX)
    os.symlink("/etc/passwd", tmp_path / "link.gpx")
    files, skipped, _ = by_kind(list(expand(tmp_path)))
    root = tmp_path.name
    assert set(files) == {f"{root}/2019/a.fit", f"{root}/b.gpx", f"{root}/c.zip/c.tcx"}
    assert not skipped


def test_a_zip_on_disk_and_a_single_file_on_disk(tmp_path):
    (tmp_path / "u.zip").write_bytes(make_zip({"a.gpx": RUN_GPX}))
    (tmp_path / "one.fit").write_bytes(RUN_FIT)
    assert [i.path for i in expand(tmp_path / "u.zip")] == ["u.zip/a.gpx"]
    assert list(expand(tmp_path / "one.fit")) == [FileItem("one.fit", RUN_FIT)]
    limits = ArchiveLimits(max_member_bytes=100)
    [item] = list(expand(tmp_path / "one.fit", limits=limits))
    assert item.code == "too_large"


# --- Strava -----------------------------------------------------------------------------------

STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
    "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,"
    "Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,"
    "Average Grade,Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate"
)


def strava_row(aid, date, name, kind, elapsed, km, filename, moving, metres, cadence=""):
    cells = [aid, date, name, kind, "", elapsed, km, "", "", "false", "", "", filename, "", ""]
    cells += [elapsed, moving, metres, "", "", "12.0", "", "", "", "", "", "", cadence, "", ""]
    return ",".join(f'"{c}"' if "," in c else c for c in cells)


STRAVA_CSV = "\n".join(
    [
        STRAVA_HEADER,
        strava_row("1001", "Jun 11, 2017, 2:34:09 PM", "Tiny run", "Run", "57", "0.16",
                   "activities/1001.fit.gz", "55", "157.56"),
        strava_row("1002", "Oct 24, 2012, 11:29:40 PM", "Evening run", "Run", "948", "3.1",
                   "activities/1002.gpx", "918", "3098.5"),
        strava_row("1003", "Jan 1, 2024, 8:00:00\u202fAM", "Treadmill by hand", "Run", "1800",
                   "5,01", "", "1790", "5010.0", "82"),
        strava_row("1004", "Feb 13, 2012, 11:16:16 AM", "Foot pod run", "Run", "3880", "10.2",
                   "activities/1004.fit", "3395", "10248.7"),
        strava_row("1005", "Mar 3, 2020, 6:00:00 PM", "Lost file", "Walk", "600", "0.9",
                   "activities/1005.tcx.gz", "600", "900.0"),
    ]
) + "\n"  # fmt: skip


def strava_export() -> bytes:
    return make_zip(
        {
            "activities.csv": STRAVA_CSV.encode(),
            "activities/1001.fit.gz": gzip.compress(RUN_FIT),
            "activities/1002.gpx": RUN_GPX,
            "activities/1004.fit": RELATIVE_FIT,
            "activities/9999.tcx": RUN_TCX,  # on disk but not in the CSV
            "routes/55.gpx": RUN_GPX,
            "media/abc.jpg": b"\xff\xd8",
            "profile.csv": b"Athlete ID\n1\n",
            "clubs.csv": b"",
        }
    )


def test_strava_export_maps_files_to_the_csv_and_yields_manual_activities():
    files, skipped, manual = by_kind(list(expand_bytes(strava_export(), "export_42.zip")))
    assert set(files) == {
        "export_42.zip/activities/1001.fit.gz",
        "export_42.zip/activities/1002.gpx",
        "export_42.zip/activities/1004.fit",
        "export_42.zip/activities/9999.tcx",
    }
    tiny = files["export_42.zip/activities/1001.fit.gz"].hint
    assert tiny == ActivityHint(
        name="Tiny run",
        sport="Run",
        start=datetime(2017, 6, 11, 14, 34, 9, tzinfo=UTC),
        external_id="1001",
    )
    assert files["export_42.zip/activities/9999.tcx"].hint is None
    assert skipped["export_42.zip/routes/55.gpx"].code == "not_activity"
    by_name = {m.summary.name: m.summary for m in manual}
    assert set(by_name) == {"Treadmill by hand", "Lost file"}
    hand = by_name["Treadmill by hand"]
    assert hand.start == datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    assert (hand.sport, hand.is_run, hand.distance_m, hand.elapsed_s) == ("run", True, 5010.0, 1800)
    assert (hand.moving_s, hand.avg_cadence, hand.point_count) == (1790, 164, 0)
    assert hand.source_format == "strava_csv" and hand.distance_source == "export"
    lost = by_name["Lost file"]
    assert lost.sport == "walking" and "missing" in lost.warnings[0]


def test_strava_files_parse_with_their_hints():
    files, _, _ = by_kind(list(expand_bytes(strava_export(), "export.zip")))
    for item in files.values():
        summaries = parse_file(item.data, item.path, hint=item.hint)
        assert summaries
        if item.hint:
            assert summaries[0].name == item.hint.name
    foot_pod = files["export.zip/activities/1004.fit"]
    [run] = parse_file(foot_pod.data, foot_pod.path, hint=foot_pod.hint)
    assert run.start == datetime(2012, 2, 13, 11, 16, 16, tzinfo=UTC)  # from the CSV
    assert run.distance_m == pytest.approx(10248.67, abs=0.1)


def test_strava_export_inside_a_top_folder_and_unzipped_on_disk(tmp_path):
    nested = make_zip({f"export_42/{k}": v for k, v in _strava_members().items()})
    files, _, manual = by_kind(list(expand_bytes(nested, "e.zip")))
    assert len(files) == 4 and len(manual) == 2
    folder = tmp_path / "export_42"
    for name, data in _strava_members().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    files, skipped, manual = by_kind(list(expand(folder)))
    assert len(files) == 4 and len(manual) == 2
    assert files["export_42/activities/1002.gpx"].hint.name == "Evening run"


def _strava_members():
    with zipfile.ZipFile(io.BytesIO(strava_export())) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_strava_csv_with_untranslated_headers_falls_back_to_positions():
    header = ",".join(f"translation missing: en-GB.lib.export.portability_exporter.col{i}"
                      for i in range(30))  # fmt: skip
    rows = read_activities_csv((header + "\n" + STRAVA_CSV.split("\n", 1)[1]).encode())
    assert [r.filename for r in rows][:2] == ["activities/1001.fit.gz", "activities/1002.gpx"]
    assert rows[2].distance_m == 5010.0 and rows[2].name == "Treadmill by hand"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 1, 2024, 8:00:00 AM", datetime(2024, 1, 1, 8, tzinfo=UTC)),
        ("Dec 31, 2023, 11:59:59 PM", datetime(2023, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("Jan 1, 2024, 8:00:00\u202fAM", datetime(2024, 1, 1, 8, tzinfo=UTC)),
        ("2024-01-01 08:00:00", datetime(2024, 1, 1, 8, tzinfo=UTC)),
        ("yesterday", None),
    ],
)
def test_strava_dates(text, expected):
    assert parse_date(text) == expected


# --- Garmin -----------------------------------------------------------------------------------


def garmin_export() -> bytes:
    part1 = make_zip(
        {
            "1234567_ACTIVITY.fit": RUN_FIT,
            "wellness_1.fit": MONITORING_FIT,
            "upload_99.tcx": RUN_TCX,
        }
    )
    part2 = make_zip({"upload_100.gpx": RUN_GPX})
    return make_zip(
        {
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": part1,
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part2.zip": part2,
            "DI_CONNECT/DI-Connect-Fitness/me_0_summarizedActivities.json": b"[]",
            "DI_CONNECT/DI-Connect-User/user_profile.json": b"{}",
        }
    )


def test_garmin_export_expands_uploaded_files_and_skips_wellness_fit():
    files, skipped, manual = by_kind(list(expand_bytes(garmin_export(), "garmin.zip")))
    prefix = "garmin.zip/DI_CONNECT/DI-Connect-Uploaded-Files/"
    assert set(files) == {
        prefix + "UploadedFiles_0-_Part1.zip/1234567_ACTIVITY.fit",
        prefix + "UploadedFiles_0-_Part1.zip/upload_99.tcx",
        prefix + "UploadedFiles_0-_Part2.zip/upload_100.gpx",
    }
    [wellness] = skipped.values()
    assert wellness.path == prefix + "UploadedFiles_0-_Part1.zip/wellness_1.fit"
    assert wellness.code == "not_activity"
    assert manual == []
    for item in files.values():
        assert parse_file(item.data, item.path)


def test_garmin_summaries_come_first_with_the_hand_entered_activities():
    summaries = {
        "summarizedActivitiesExport": [
            {"activityId": 7, "name": "Lunch run", "activityType": {"typeKey": "running"},
             "startTimeGmt": 1714546800000, "duration": 1200000.0},
            {"activityId": 8, "name": "By hand", "activityType": "running",
             "startTimeGmt": 1714633200000, "duration": 1800000.0, "distance": 500000.0,
             "manualActivity": True},
        ]
    }  # fmt: skip
    export = make_zip(
        {
            "DI_CONNECT/DI-Connect-Fitness/me_0_summarizedActivities.json": json.dumps(
                [summaries]
            ).encode(),
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": make_zip(
                {"upload_99.tcx": RUN_TCX}
            ),
        }
    )
    items = list(expand_bytes(export, "garmin.zip"))
    index, by_hand, file = items
    assert isinstance(index, ExportIndex) and len(index.index) == 2
    found = index.index.find(datetime(2024, 5, 1, 7, 0, 4, tzinfo=UTC))
    assert found.name == "Lunch run" and found.type == "running"
    assert index.index.find(datetime(2024, 5, 1, 7, 0, 6, tzinfo=UTC)) is None
    assert isinstance(by_hand, ManualItem) and by_hand.summary.distance_m == 5000
    assert by_hand.summary.is_run and by_hand.summary.elapsed_s == 1800
    assert isinstance(file, FileItem)


def test_unreadable_garmin_summaries_are_reported():
    export = make_zip({"DI_CONNECT/DI-Connect-Fitness/me_0_summarizedActivities.json": b"{oops"})
    [item] = list(expand_bytes(export, "garmin.zip"))
    assert isinstance(item, SkippedItem) and item.code == "corrupt"


def test_garmin_export_original_zip():
    [item] = list(expand_bytes(make_zip({"1234567_ACTIVITY.fit": RUN_FIT}), "1234567.zip"))
    assert item.path == "1234567.zip/1234567_ACTIVITY.fit"
    assert parse_file(item.data, item.path)[0].is_run


def test_mutated_archives_never_crash_the_walker():
    import random

    rnd = random.Random(2)
    base = [RUN_FIT, RUN_GPX[:3000], make_zip({"in.gpx": RUN_GPX[:3000]})]
    methods = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
    for _ in range(300):
        members = {f"d/{k}.fit": rnd.choice(base) for k in range(rnd.randint(1, 3))}
        data = bytearray(make_zip(members, rnd.choice(methods)))
        for _ in range(rnd.randint(1, 6)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        for item in expand_bytes(bytes(data), "z.zip"):
            assert isinstance(item, FileItem | SkippedItem | ManualItem)
