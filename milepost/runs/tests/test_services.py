"""The import pipeline: real files, hostile files, duplicates, exports, a group of files per
transaction (a file the database refuses leaves the rest in), and the totals kept right
through import, edit and delete."""

import dataclasses
import gzip
import hashlib
import json
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from milepost.runs import importing, services
from milepost.runs.formats import archive
from milepost.runs.formats.synthetic import gpx_bytes, run_points
from milepost.runs.importing import same_distance
from milepost.runs.models import (
    Activity,
    BatchStatus,
    ImportBatch,
    ImportItem,
    MonthlyTotal,
    SourceFile,
    WeeklyTotal,
    recompute_totals,
)
from milepost.runs.services import import_paths

from .helpers import (
    MULTISPORT_FIT,
    RUN_FIT,
    RUN_GPX,
    RUN_TCX,
    SAMPLES,
    STRAVA_HEADER,
    XXE_GPX,
    corrupt_fit,
    day,
    fit_run,
    gpx_run,
    make_run,
    strava_row,
    tcx_run,
    zip_bytes,
)

pytestmark = pytest.mark.django_db


def write(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


def by_path(report):
    return {e.path: e for e in report.entries}


def totals_from_scratch(owner):
    """Weekly and monthly totals recomputed from every activity, to compare with the kept ones."""
    kept = {
        "week": list(WeeklyTotal.objects.filter(owner=owner).values()),
        "month": list(MonthlyTotal.objects.filter(owner=owner).values()),
    }
    WeeklyTotal.objects.filter(owner=owner).delete()
    MonthlyTotal.objects.filter(owner=owner).delete()
    recompute_totals(
        owner.pk, Activity.objects.filter(owner=owner).values_list("local_date", flat=True)
    )
    fresh = {
        "week": list(WeeklyTotal.objects.filter(owner=owner).values()),
        "month": list(MonthlyTotal.objects.filter(owner=owner).values()),
    }

    def strip(rows):
        return sorted(tuple(v for k, v in r.items() if k != "id") for r in rows)

    return [strip(kept[k]) for k in ("week", "month")], [strip(fresh[k]) for k in ("week", "month")]


def test_real_files_become_activities_with_their_summaries(alice):
    report = import_paths(owner=alice, paths=[RUN_FIT, RUN_TCX, RUN_GPX])
    assert report.totals == {"imported": 3, "duplicate": 0, "skipped": 0, "rejected": 0}
    run = Activity.objects.get(owner=alice, start__year=2015)
    assert run.distance_m == pytest.approx(9008, abs=5)
    assert run.moving_s <= run.elapsed_s
    assert {"1k", "1mi", "5k"} <= set(run.best_efforts)
    assert run.device == "garmin fenix2" and run.source == "file"
    original = RUN_FIT.read_bytes()
    assert run.source_hash == hashlib.sha256(original).hexdigest()
    assert run.source_file.original() == original
    assert run.source_file.size == len(original)
    assert len(bytes(run.source_file.data)) < len(original)  # kept compressed
    assert report.batch.status == BatchStatus.DONE and report.batch.imported == 3
    assert WeeklyTotal.objects.filter(owner=alice).count() == 3


def test_bad_files_are_rejected_with_the_parsers_reason_and_the_good_ones_go_in(alice, tmp_path):
    archive = zip_bytes(
        {
            "runs/good.fit": fit_run(day(2024, 5, 1)),
            "../../etc/evil.gpx": gpx_run(day(2024, 5, 2)),
            "runs/broken.fit": corrupt_fit(day(2024, 5, 3)),
            "runs/xxe.gpx": XXE_GPX,
            "runs/empty.tcx": b"",
        }
    )
    paths = [
        write(tmp_path, "upload.zip", archive),
        write(tmp_path, "plain.gpx", gpx_run(day(2024, 5, 5))),
        write(tmp_path, "notes.fit", b"this is not a fit file at all"),
    ]
    report = import_paths(owner=alice, paths=paths)
    entries = by_path(report)
    assert entries["upload.zip/runs/good.fit"].status == "imported"
    assert entries["plain.gpx"].status == "imported"
    traversal = entries["upload.zip/../../etc/evil.gpx"]
    assert (traversal.status, traversal.code) == ("rejected", "path_traversal")
    assert "path traversal" in traversal.reason
    assert entries["upload.zip/runs/broken.fit"].reason == (
        "The file is damaged and too little of it is readable."
    )
    assert "DTD" in entries["upload.zip/runs/xxe.gpx"].reason
    assert entries["upload.zip/runs/empty.tcx"].reason == "The file is empty."
    assert "not GPX, TCX or FIT" in entries["notes.fit"].reason
    assert report.totals == {"imported": 2, "duplicate": 0, "skipped": 0, "rejected": 5}
    assert Activity.objects.filter(owner=alice).count() == 2
    saved = ImportItem.objects.filter(batch=report.batch)
    assert saved.filter(status="rejected").count() == 5
    assert list(saved.values_list("position", flat=True)) == list(range(7))


def test_importing_the_same_files_again_gives_only_duplicates_without_parsing(alice, monkeypatch):
    folders = [SAMPLES / "fitparse", SAMPLES / "tcxparser", SAMPLES / "togeojson"]
    first = import_paths(owner=alice, paths=folders)
    count = Activity.objects.filter(owner=alice).count()
    assert first.totals["imported"] == count > 10

    def no_parsing(*args):
        raise AssertionError("a known file was parsed again")

    imported_paths = {e.path for e in first.entries if e.status == "imported"}
    monkeypatch.setattr(importing, "read_file", no_parsing)
    again = import_paths(owner=alice, paths=[SAMPLES / "fitparse"])
    fit_paths = {p for p in imported_paths if p.startswith("fitparse/")}
    entries = [e for e in again.entries if e.path in fit_paths]
    assert entries and all(e.status == "duplicate" and e.code == "same_file" for e in entries)
    assert all(e.activity is not None and "very same file" in e.reason for e in entries)
    assert Activity.objects.filter(owner=alice).count() == count


def test_an_export_given_again_is_recognised_from_its_zip_listing_without_reading_a_file(
    alice, tmp_path, monkeypatch
):
    start = day(2024, 5, 1)
    members = {
        "activities/1.fit": fit_run(start),
        "activities/2.gpx": gpx_run(start + timedelta(days=1)),
        "activities/3.tcx": tcx_run(start + timedelta(days=2)),
    }
    first = import_paths(owner=alice, paths=[write(tmp_path, "export.zip", zip_bytes(members))])
    assert first.totals["imported"] == 3

    def no_reading(*args):
        raise AssertionError("a member already imported was read again")

    monkeypatch.setattr(archive._Walker, "_open_member", no_reading)
    again = import_paths(owner=alice, paths=[write(tmp_path, "export (1).zip", zip_bytes(members))])
    assert [(e.status, e.code) for e in again.entries] == [("duplicate", "same_file")] * 3
    assert {e.activity for e in again.entries} == {e.activity for e in first.entries}


def test_an_export_given_again_knows_its_runs_by_id_and_shows_them_whole_in_one_query(
    alice, tmp_path
):
    start = day(2024, 5, 1)
    members = {f"activities/{n}.fit": fit_run(start + timedelta(days=n)) for n in range(4)}
    first = import_paths(owner=alice, paths=[write(tmp_path, "export.zip", zip_bytes(members))])
    again = import_paths(owner=alice, paths=[write(tmp_path, "again.zip", zip_bytes(members))])
    ids = [e.activity_id for e in again.entries]
    assert ids == [e.activity.pk for e in first.entries]
    with CaptureQueriesContext(connection) as queries:
        shown = again.to_dict()
    assert len(queries) == 1  # every run already there, loaded together
    assert [f["activity"] for f in shown["files"]] == [e.activity.to_dict() for e in first.entries]
    items = ImportItem.objects.filter(batch=again.batch).order_by("position")
    assert [(i.status, i.code, i.activity_id) for i in items] == [
        ("duplicate", "same_file", pk) for pk in ids
    ]
    assert items[0].reason == again.entries[0].reason
    assert "“" in items[0].reason and "imported from the very same file" in items[0].reason


def test_a_member_named_and_sized_as_one_imported_but_not_the_same_is_read(alice, tmp_path):
    start = day(2024, 5, 1)
    one, other = gpx_run(start), gpx_run(start + timedelta(days=3))
    assert len(one) == len(other) and one != other  # same name, same size: only the CRC differs
    import_paths(owner=alice, paths=[write(tmp_path, "a.zip", zip_bytes({"run.gpx": one}))])
    again = import_paths(
        owner=alice, paths=[write(tmp_path, "b.zip", zip_bytes({"run.gpx": other}))]
    )
    assert again.totals["imported"] == 1
    assert Activity.objects.filter(owner=alice).count() == 2


def test_originals_stored_before_their_crc_was_kept_are_still_found_by_their_hash(alice, tmp_path):
    archive_path = write(tmp_path, "export.zip", zip_bytes({"run.fit": fit_run(day(2024, 5, 1))}))
    import_paths(owner=alice, paths=[archive_path])
    SourceFile.objects.filter(owner=alice).update(crc32=None)  # as imported before 0008
    again = import_paths(owner=alice, paths=[archive_path])
    assert [(e.status, e.code) for e in again.entries] == [("duplicate", "same_file")]


def test_a_whole_reimport_adds_nothing(alice):
    folders = [SAMPLES / "fitparse", SAMPLES / "tcxparser", SAMPLES / "muktihari"]
    first = import_paths(owner=alice, paths=folders)
    before = list(Activity.objects.filter(owner=alice).values_list("pk", flat=True))
    again = import_paths(owner=alice, paths=folders)
    assert again.totals["imported"] == 0
    assert again.totals["duplicate"] >= first.totals["imported"]
    assert list(Activity.objects.filter(owner=alice).values_list("pk", flat=True)) == before


def test_the_same_run_as_fit_and_as_gpx_is_a_duplicate(alice, tmp_path):
    start = day(2024, 5, 1)
    watch = write(tmp_path, "watch.fit", fit_run(start, minutes=40))
    strava = write(tmp_path, "strava.gpx", gpx_run(start + timedelta(seconds=20), minutes=40))
    tcx = write(tmp_path, "garmin.tcx", tcx_run(start - timedelta(seconds=45), minutes=41))
    first = import_paths(owner=alice, paths=[watch])
    kept = first.entries[0].activity
    second = import_paths(owner=alice, paths=[strava, tcx])
    for entry in second.entries:
        assert (entry.status, entry.code, entry.activity) == ("duplicate", "same_run", kept)
        # 07:00 UTC near Amsterdam (the synthetic runs' place) is 09:00 there
        assert "\u201cMorning run\u201d on 1 May 2024, 09:00, 7.2 km" in entry.reason
    assert Activity.objects.filter(owner=alice).count() == 1


def test_two_runs_close_in_time_but_not_in_distance_are_both_kept(alice, tmp_path):
    start = day(2024, 5, 1)
    short = write(tmp_path, "short.fit", fit_run(start, minutes=30))
    long = write(tmp_path, "long.gpx", gpx_run(start, minutes=40))
    later = write(tmp_path, "later.fit", fit_run(start + timedelta(minutes=2), minutes=30))
    report = import_paths(owner=alice, paths=[short, long, later])
    assert [e.status for e in report.entries] == ["imported"] * 3


def test_another_runners_runs_are_not_duplicates(alice, bob):
    import_paths(owner=alice, paths=[RUN_FIT])
    report = import_paths(owner=bob, paths=[RUN_FIT])
    assert report.entries[0].status == "imported"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (10000, 10290, True),  # within 3 %
        (10000, 10400, False),
        (1000, 1190, True),  # within 200 m
        (1000, 1250, False),
        (None, 5000, True),  # no distance: the start decides
    ],
)
def test_same_distance_is_3_percent_or_200_metres(a, b, same):
    assert same_distance(a, b) is same


def test_a_multisport_file_gives_one_entry_per_activity(alice):
    report = import_paths(owner=alice, paths=[MULTISPORT_FIT])
    assert [e.status for e in report.entries] == [
        "imported",
        "skipped",
        "imported",
        "skipped",
        "imported",
    ]
    assert {e.path for e in report.entries} == {"sample_mulitple_header.fit"}
    sports = (
        Activity.objects.filter(owner=alice).order_by("start").values_list("sport", "source_index")
    )
    assert list(sports) == [("swimming", 0), ("cycling", 2), ("run", 4)]
    assert SourceFile.objects.filter(owner=alice).count() == 1


def test_the_first_position_sets_the_local_time_zone(alice):
    alice.profile.time_zone = "Europe/London"
    alice.profile.save()
    import_paths(owner=alice, paths=[SAMPLES / "fitparse/garmin-fenix-5-run.fit", RUN_TCX])
    zones = dict(Activity.objects.filter(owner=alice).values_list("start__year", "time_zone"))
    assert zones == {2017: "America/Los_Angeles", 2012: "America/New_York"}
    run = Activity.objects.get(owner=alice, start__year=2017)
    assert run.local_start.hour == 7  # 14:34 UTC, recorded at UTC-7


def test_a_group_of_files_is_one_transaction(alice, tmp_path, monkeypatch):
    files = [write(tmp_path, f"{n}.fit", fit_run(day(2024, 5, 1 + 7 * n))) for n in range(4)]
    real, calls = importing.recompute_totals, []

    def crash_on_the_second_group(owner_id, days):
        calls.append(days)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(owner_id, days)

    monkeypatch.setattr(importing, "GROUP_FILES", 2)
    monkeypatch.setattr(importing, "recompute_totals", crash_on_the_second_group)
    with pytest.raises(RuntimeError):
        import_paths(owner=alice, paths=files)
    # the first group (0.fit, 1.fit) whole; nothing of the second, not even its originals
    days = Activity.objects.filter(owner=alice).values_list("local_date", flat=True)
    assert sorted(days) == [date(2024, 5, 1), date(2024, 5, 8)]
    assert SourceFile.objects.filter(owner=alice).count() == 2
    batch = ImportBatch.objects.get(owner=alice)
    assert batch.status == BatchStatus.FAILED and "RuntimeError" in batch.error
    assert list(batch.items.values_list("path", "status")) == [
        ("0.fit", "imported"),
        ("1.fit", "imported"),
    ]
    assert (batch.done_files, batch.imported) == (2, 2)


def test_a_group_ends_at_its_size_in_files_or_in_bytes(alice, bob, tmp_path, monkeypatch):
    runs = [gzip.compress(fit_run(day(2024, 5, 1 + n), 5)) for n in range(5)]
    files = [write(tmp_path, f"{n}.fit.gz", data) for n, data in enumerate(runs)]
    real, groups = importing.recompute_totals, []

    def count(owner_id, days):
        groups.append(sorted(d.day for d in days))
        real(owner_id, days)

    monkeypatch.setattr(importing, "recompute_totals", count)
    monkeypatch.setattr(importing, "GROUP_FILES", 2)
    import_paths(owner=alice, paths=files)
    assert groups == [[1, 2], [3, 4], [5]]
    groups.clear()
    monkeypatch.setattr(importing, "GROUP_FILES", 25)
    # gzip originals are kept as they are: a group holds just their bytes
    monkeypatch.setattr(importing, "GROUP_BYTES", sum(len(data) for data in runs[:3]))
    import_paths(owner=bob, paths=files)
    assert groups == [[1, 2, 3], [4, 5]]


def test_a_file_the_database_refuses_leaves_the_rest_of_its_group_in(alice, tmp_path, monkeypatch):
    files = [write(tmp_path, f"{n}.fit", fit_run(day(2024, 5, 1 + n))) for n in range(4)]
    real = importing.read_file

    def negative_distance_for_2(path, data, *args):
        result = real(path, data, *args)
        if path.endswith("2.fit"):
            summary = dataclasses.replace(result.summaries[0], distance_m=-5.0)
            result = dataclasses.replace(result, summaries=(summary,))
        return result

    monkeypatch.setattr(importing, "read_file", negative_distance_for_2)
    with CaptureQueriesContext(connection) as queries:
        report = import_paths(owner=alice, paths=files)
    entries = by_path(report)
    assert [entries[f"{n}.fit"].status for n in range(4)] == [
        "imported",
        "imported",
        "rejected",
        "imported",
    ]
    assert entries["2.fit"].code == "invalid" and entries["2.fit"].activity is None
    assert "cannot store" in entries["2.fit"].reason
    assert "activity_distance_not_negative" in entries["2.fit"].reason
    # tried as one group, then file by file: the three good ones, their originals and items
    assert sum("runs_importitem" in q["sql"] and "INSERT" in q["sql"] for q in queries) >= 2
    assert Activity.objects.filter(owner=alice).count() == 3
    assert SourceFile.objects.filter(owner=alice).count() == 3
    saved = ImportItem.objects.filter(batch=report.batch)
    assert list(saved.values_list("position", "status")) == [
        (0, "imported"),
        (1, "imported"),
        (2, "rejected"),
        (3, "imported"),
    ]
    assert saved.get(position=2).reason == entries["2.fit"].reason
    assert WeeklyTotal.objects.get(owner=alice).runs == 3
    assert totals_from_scratch(alice)[0] == totals_from_scratch(alice)[1]


def test_a_file_another_import_wrote_just_now_is_a_duplicate_the_rest_go_in(alice, tmp_path):
    data = [fit_run(day(2024, 5, 1 + n)) for n in range(3)]
    files = [write(tmp_path, f"{n}.fit", d) for n, d in enumerate(data)]
    # the same run as 1.fit: decided while 1.fit waits in the group, written before it looks
    files.insert(2, write(tmp_path, "1.gpx", gpx_run(day(2024, 5, 2) + timedelta(seconds=5))))
    real_init = importing.Importer.__init__

    def then_another_import(self, *args, **kwargs):
        real_init(self, *args, **kwargs)  # the other import's original, its runs not yet
        sha256 = hashlib.sha256(data[1]).hexdigest()
        SourceFile.objects.create(owner=alice, sha256=sha256, name="1.fit", size=1, data=b"")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importing.Importer, "__init__", then_another_import)
        report = import_paths(owner=alice, paths=files)
    statuses = [(e.path, e.status, e.code) for e in report.entries]
    assert statuses == [
        ("0.fit", "imported", ""),
        ("1.fit", "duplicate", "same_file"),
        ("1.gpx", "imported", ""),  # 1.fit's run is not there after all
        ("2.fit", "imported", ""),
    ]
    assert "another import" in report.entries[1].reason
    assert Activity.objects.filter(owner=alice).count() == 3


def test_two_copies_of_a_run_in_one_group_give_one_run(alice, tmp_path):
    start = day(2024, 5, 1)
    run = fit_run(start, minutes=40)
    files = [
        write(tmp_path, "a.fit", run),
        write(tmp_path, "b.fit", run),  # the very same file again
        write(tmp_path, "c.gpx", gpx_run(start + timedelta(seconds=20), minutes=40)),
        write(tmp_path, "d.fit", fit_run(day(2024, 5, 2))),
    ]
    report = import_paths(owner=alice, paths=files)
    statuses = [(e.path, e.status, e.code) for e in report.entries]
    assert statuses == [
        ("a.fit", "imported", ""),
        ("b.fit", "duplicate", "same_file"),
        ("c.gpx", "duplicate", "same_run"),
        ("d.fit", "imported", ""),
    ]
    kept = report.entries[0].activity
    assert report.entries[1].activity == kept and report.entries[2].activity == kept
    assert Activity.objects.filter(owner=alice).count() == 2
    saved = ImportItem.objects.filter(batch=report.batch)
    assert list(saved.values_list("path", "activity")) == [
        ("a.fit", kept.pk),
        ("b.fit", kept.pk),
        ("c.gpx", kept.pk),
        ("d.fit", report.entries[3].activity.pk),
    ]


def test_a_run_entered_by_hand_during_an_import_is_not_imported_again(alice, tmp_path, monkeypatch):
    files = [
        write(tmp_path, f"{n}.fit", fit_run(day(2024, 5, 1 + n), minutes=30)) for n in range(3)
    ]

    third = day(2024, 5, 3).astimezone(alice.profile.zone)

    def by_hand_after_the_first_file(done, expected):
        if done == 1:  # the third file's run, typed in (30 min at 3 m/s)
            services.record_run(
                owner=alice,
                on=third.date(),
                start_time=third.time(),
                distance_m=5400,
                duration_s=1800,
            )

    monkeypatch.setattr(importing, "GROUP_FILES", 1)
    report = import_paths(owner=alice, paths=files, progress=by_hand_after_the_first_file)
    assert [e.status for e in report.entries] == ["imported", "imported", "duplicate"]
    assert report.entries[2].activity.source == "manual"
    assert Activity.objects.filter(owner=alice).count() == 3


def test_a_run_deleted_as_an_import_starts_is_not_a_duplicate(alice, tmp_path):
    start = day(2024, 5, 1)
    gone = make_run(alice, start, distance_m=5400)
    real_init = importing.Importer.__init__

    def then_deleted(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        services.delete_activity(activity=gone)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importing.Importer, "__init__", then_deleted)
        report = import_paths(owner=alice, paths=[write(tmp_path, "a.fit", fit_run(start))])
    assert [e.status for e in report.entries] == ["imported"]
    assert Activity.objects.get(owner=alice).source == "file"


def test_each_flush_writes_the_files_decided_and_the_progress(alice, tmp_path, monkeypatch):
    files = [write(tmp_path, f"{n}.fit", fit_run(day(2024, 5, 1 + n), 5)) for n in range(3)]
    bad = write(tmp_path, "3.fit", corrupt_fit(day(2024, 5, 9)))
    seen = []

    def look(done, expected):
        batch = ImportBatch.objects.get(owner=alice)
        runs = Activity.objects.filter(owner=alice).count()
        seen.append((done, batch.done_files, batch.imported, batch.rejected, runs))

    monkeypatch.setattr(importing, "FLUSH_SECONDS", 0)
    import_paths(owner=alice, paths=[*files, bad], progress=look)
    assert seen == [(1, 1, 1, 0, 1), (2, 2, 2, 0, 2), (3, 3, 3, 0, 3), (4, 4, 3, 1, 3)]


def test_a_strava_export_brings_its_files_and_its_hand_entered_runs(alice, tmp_path):
    rows = [
        STRAVA_HEADER,
        strava_row(
            "11",
            "May 1, 2024, 7:00:00 AM",
            "Canal loop",
            "Run",
            "1800",
            "5.4",
            "activities/11.fit.gz",
            "1800",
            "5400.0",
        ),
        strava_row(
            "12",
            "May 3, 2024, 6:00:00 PM",
            "Treadmill by hand",
            "Run",
            "1500",
            "5,0",
            "",
            "1500",
            "5000.0",
        ),
    ]
    export = zip_bytes(
        {
            "activities.csv": "\n".join(rows).encode(),
            "activities/11.fit.gz": gzip.compress(fit_run(day(2024, 5, 1))),
            "routes/9.gpx": RUN_GPX.read_bytes(),
        }
    )
    report = import_paths(owner=alice, paths=[write(tmp_path, "export_1.zip", export)])
    entries = by_path(report)
    canal = entries["export_1.zip/activities/11.fit.gz"]
    assert canal.status == "imported" and canal.activity.name == "Canal loop"
    assert canal.activity.source_file.was_gzip
    by_hand = entries["export_1.zip/activities.csv#line 3"]
    assert (by_hand.status, by_hand.activity.source) == ("imported", "strava_csv")
    assert by_hand.activity.distance_m == 5000 and by_hand.activity.source_hash == ""
    assert entries["export_1.zip/routes/9.gpx"].status == "skipped"
    again = import_paths(owner=alice, paths=[write(tmp_path, "export_2.zip", export)])
    assert again.totals["imported"] == 0 and again.totals["duplicate"] == 2


def test_totals_stay_right_after_import_edit_and_delete(alice, tmp_path):
    files = [
        write(tmp_path, f"{n}.fit", fit_run(day(2024, 4, 25) + timedelta(days=3 * n), 20 + n))
        for n in range(6)
    ]
    import_paths(owner=alice, paths=files)
    kept, fresh = totals_from_scratch(alice)
    assert kept == fresh and len(kept[0]) >= 3
    first = Activity.objects.filter(owner=alice).order_by("start").first()
    week = WeeklyTotal.objects.get(
        owner=alice, period_start=WeeklyTotal.period_of(first.local_date)
    )
    runs_before = week.runs

    first.sport = "walking"
    services.save_activity(activity=first, fields=["sport"])
    week.refresh_from_db()
    assert week.runs == runs_before - 1 and not first.is_run
    kept, fresh = totals_from_scratch(alice)
    assert kept == fresh

    services.delete_activity(activity=Activity.objects.filter(owner=alice).order_by("start")[2])
    kept, fresh = totals_from_scratch(alice)
    assert kept == fresh
    assert sum(w.runs for w in WeeklyTotal.objects.filter(owner=alice)) == 4


def test_deleting_the_last_activity_of_a_file_deletes_the_kept_original(alice):
    report = import_paths(owner=alice, paths=[RUN_FIT])
    services.delete_activity(activity=report.entries[0].activity)
    assert not SourceFile.objects.filter(owner=alice).exists()
    again = import_paths(owner=alice, paths=[RUN_FIT])  # the runner wants it back after all
    assert again.entries[0].status == "imported"


def test_a_run_entered_by_hand_counts_in_the_runners_calendar(alice):
    alice.profile.time_zone = "America/New_York"
    alice.profile.save()
    run = services.record_run(
        owner=alice,
        on=date(2024, 5, 5),
        distance_m=5000,
        duration_s=1650,
        start_time=time(21, 30),
        feeling=4,
        feeling_note="Easy and happy",
    )
    assert run.local_date == date(2024, 5, 5) and run.start.hour == 1  # 01:30 UTC on the 6th
    assert (run.source, run.feeling, run.title) == ("manual", 4, "Run")
    assert WeeklyTotal.objects.get(owner=alice).period_start == date(2024, 4, 29)


def test_the_pool_of_processes_gives_the_same_result(alice, bob, tmp_path, monkeypatch):
    files = [write(tmp_path, f"{n}.gpx", gpx_run(day(2024, 6, 1 + n), 10)) for n in range(4)]
    files.append(write(tmp_path, "bad.fit", corrupt_fit(day(2024, 6, 20))))
    inline = import_paths(owner=alice, paths=files, processes=1)
    monkeypatch.setattr(services, "POOL_MIN_FILES", 1)
    pooled = import_paths(owner=bob, paths=files, processes=2)
    assert [e.to_dict() for e in pooled.entries] == [e.to_dict() for e in inline.entries]


def test_progress_is_reported_per_file(alice, tmp_path):
    files = [write(tmp_path, f"{n}.fit", fit_run(day(2024, 6, 1 + n), 5)) for n in range(3)]
    seen = []
    import_paths(
        owner=alice, paths=files, progress=lambda done, expected: seen.append((done, expected))
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_estimate_counts_activity_files_in_folders_and_zips(tmp_path):
    write(tmp_path, "a.fit", b"x")
    write(tmp_path, "b.gpx.gz", b"x")
    write(tmp_path, "notes.txt", b"x")
    archive = write(
        tmp_path, "e.zip", zip_bytes({"x/1.tcx": b"1", "x/2.fit.gz": b"2", "y.csv": b""})
    )
    assert services.estimate_files([tmp_path]) == 3
    assert services.estimate_files([archive, RUN_FIT]) == 3


def garmin_summaries(*activities: dict) -> bytes:
    return json.dumps([{"summarizedActivitiesExport": list(activities)}]).encode()


def test_a_garmin_export_names_its_files_runs_and_brings_its_hand_entered_ones(alice, tmp_path):
    start = day(2024, 5, 1)
    ms = int(start.timestamp() * 1000)
    summaries = garmin_summaries(
        {"activityId": 501, "name": "Parkrun warm-up", "activityType": "trail_running",
         "startTimeGmt": ms + 2000, "duration": 1800000.0, "distance": 540000.0},
        {"activityId": 502, "name": "Gym treadmill", "activityType": "treadmill_running",
         "startTimeGmt": ms + 2 * 86400000, "duration": 1500000.0, "distance": 500000.0,
         "movingDuration": 1450000.0, "avgHr": 141.0, "manualActivity": True},
        {"activityId": 503, "name": "Not in this export", "activityType": "cycling",
         "startTimeGmt": ms + 5 * 86400000, "duration": 3600000.0},
    )  # fmt: skip
    uploads = zip_bytes({"upload_1.fit": fit_run(start), "upload_2.gpx": gpx_run(day(2024, 5, 7))})
    export = zip_bytes(
        {
            "DI_CONNECT/DI-Connect-Fitness/ana_0_summarizedActivities.json": summaries,
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": uploads,
        }
    )
    report = import_paths(owner=alice, paths=[write(tmp_path, "garmin.zip", export)])
    assert report.totals == {"imported": 3, "duplicate": 0, "skipped": 0, "rejected": 0}
    runs = {a.name: a for a in Activity.objects.filter(owner=alice)}
    linked = runs["Parkrun warm-up"]  # the file's run, named and typed from its summary
    assert (linked.source, linked.sub_sport) == ("file", "trail")
    by_hand = runs["Gym treadmill"]
    assert (by_hand.source, by_hand.distance_m, by_hand.moving_s) == ("garmin_json", 5000, 1450)
    assert by_hand.local_date == date(2024, 5, 3) and by_hand.is_run
    assert "Test run" in runs  # no summary starts with the GPX: its own name stays
    again = import_paths(owner=alice, paths=[write(tmp_path, "garmin2.zip", export)])
    assert again.totals["imported"] == 0 and again.totals["duplicate"] == 3


def test_a_run_abroad_takes_the_local_zone_of_its_first_position(alice, tmp_path):
    # 06:30 in New York is 10:30 UTC; a runner from Paris, the file written in UTC ("Z")
    points = run_points(day(2024, 7, 1, 10) + timedelta(minutes=30), [(1800, 3.0)],
                        lat0=40.75, lon0=-73.98)  # fmt: skip
    data = gpx_bytes(points, sport="running")
    alice.profile.time_zone = "Europe/Paris"
    alice.profile.save(update_fields=["time_zone"])
    import_paths(owner=alice, paths=[write(tmp_path, "nyc.gpx", data)])
    [run] = Activity.objects.filter(owner=alice)
    assert run.time_zone == "America/New_York"
    assert run.local_start.hour == 6 and run.local_date == date(2024, 7, 1)


def test_a_gpx_whose_times_jitter_back_is_imported_with_the_warning(alice, tmp_path):
    from milepost.runs.formats.synthetic import jittered

    points = jittered(run_points(day(2024, 5, 1), [(1800, 3.0)]))
    path = write(tmp_path, "sports-tracker.gpx", gpx_bytes(points, sport="running"))
    [entry] = import_paths(owner=alice, paths=[path]).entries
    assert entry.status == "imported"
    assert "jittered back by a few seconds" in entry.reason
    assert entry.activity.distance_m == pytest.approx(5400, rel=0.01)
