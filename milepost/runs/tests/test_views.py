"""The runs pages through the test client: list, detail, edit, delete, manual entry, and an
upload carried through the background worker to the batch page's table."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from milepost.runs.models import (
    Activity,
    BatchStatus,
    ImportBatch,
    ImportItem,
    MonthlyTotal,
    WeeklyTotal,
)
from milepost.runs.services import import_paths, upload_paths

from .helpers import RUN_FIT, RUN_TCX, XXE_GPX, corrupt_fit, day, make_run

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def in_miles(user):
    user.profile.units = "mi"
    user.profile.time_zone = "America/New_York"
    user.profile.save()


def test_a_visitor_is_sent_to_log_in(client):
    for name in ("runs:list", "runs:import", "runs:new"):
        assert reverse("accounts:login") in client.get(reverse(name))["Location"]


def test_the_list_shows_runs_in_the_runners_units_and_time_zone(alice_client, alice):
    in_miles(alice)
    start = datetime(2024, 5, 6, 2, 30, tzinfo=UTC)
    make_run(alice, start, 8046.72, 48, name="Tempo", time_zone="America/New_York")
    make_run(alice, day(2024, 5, 7), 30000, 60, sport="cycling", is_run=False, name="Ride out")
    body = alice_client.get(reverse("runs:list")).content.decode()
    assert "Tempo" in body and "5 mi" in body and "9:36/mi" in body
    assert "Sun 5 May 2024" in body  # 02:30 UTC on Monday is Sunday evening in New York
    assert "Ride out" not in body
    assert "Ride out" in alice_client.get(reverse("runs:list") + "?show=all").content.decode()


def test_the_list_is_paginated_newest_first(alice_client, alice):
    for n in range(30):
        make_run(alice, day(2024, 1, 1) + timedelta(days=n), name=f"Run {n}")
    first = alice_client.get(reverse("runs:list")).content.decode()
    assert "Run 29" in first and "Run 5" in first and "Run 4<" not in first
    second = alice_client.get(reverse("runs:list") + "?page=2").content.decode()
    assert "Run 4<" in second and "Page 2 of 2" in second


def test_an_empty_list_invites_an_import(alice_client):
    body = alice_client.get(reverse("runs:list")).content.decode()
    assert "No runs here yet" in body and reverse("runs:import") in body


def test_the_detail_shows_the_summary_and_best_efforts(alice_client, alice):
    run = make_run(
        alice,
        day(2024, 5, 6),
        10000,
        50,
        best_efforts={"1k": 285.0, "5k": 1490.0, "10k": 3000.0},
        avg_hr=151.4,
        longest_continuous_run_m=7300,
        device="garmin fenix2",
    )
    body = alice_client.get(run.get_absolute_url()).content.decode()
    assert "Best efforts in this run" in body
    assert "24:50" in body and "4:58/km" in body  # 5 km in 24:50
    assert "151 bpm" in body and "7.3 km" in body and "garmin fenix2" in body


def test_editing_a_run_keeps_the_totals_right(alice_client, alice):
    run = make_run(alice, day(2024, 5, 6), 10000)
    response = alice_client.post(
        run.get_absolute_url(), {"name": "Hill walk", "sport": "walking", "is_race": ""}
    )
    assert response["Location"] == run.get_absolute_url()
    run.refresh_from_db()
    assert (run.name, run.sport, run.is_run, run.is_race) == ("Hill walk", "walking", False, False)
    assert not WeeklyTotal.objects.filter(owner=alice).exists()
    alice_client.post(run.get_absolute_url(), {"name": "Club 10k", "sport": "run", "is_race": "on"})
    run.refresh_from_db()
    assert run.is_run and run.is_race
    assert WeeklyTotal.objects.get(owner=alice).distance_m == 10000


def test_a_run_is_deleted_after_a_confirmation(alice_client, alice):
    run = make_run(alice, day(2024, 5, 6), name="Parkrun")
    url = reverse("runs:delete", args=[run.pk])
    body = alice_client.get(url).content.decode()
    assert "Delete this run?" in body and "Parkrun" in body
    assert Activity.objects.filter(pk=run.pk).exists()
    response = alice_client.post(url)
    assert response["Location"] == reverse("runs:list")
    assert not Activity.objects.filter(pk=run.pk).exists()
    assert not WeeklyTotal.objects.filter(owner=alice).exists()


def test_a_run_entered_by_hand_in_miles(alice_client, alice):
    in_miles(alice)
    response = alice_client.post(
        reverse("runs:new"),
        {"on": "2024-05-05", "distance": "3.1", "time": "28:30", "feeling": "4", "is_race": "on"},
    )
    run = Activity.objects.get(owner=alice)
    assert response["Location"] == run.get_absolute_url()
    assert run.distance_m == pytest.approx(4988.97, abs=0.01)
    assert (run.moving_s, run.feeling, run.is_race, run.source) == (1710, 4, True, "manual")
    assert str(run.local_date) == "2024-05-05"


def test_a_parkrun_is_a_distance_runners_can_type(alice_client, alice):
    in_miles(alice)
    data = {"on": "2024-05-04", "distance": "parkrun", "time": "31:10"}
    alice_client.post(reverse("runs:new"), data)
    assert Activity.objects.get(owner=alice).distance_m == 5000


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"distance": "far", "time": "28:30"}, "as a distance"),
        ({"distance": "5 km", "time": "half an hour"}, "like 25:00"),
        ({"distance": "10 km", "time": "10:00"}, "faster than the world record"),
        ({"distance": "5 km", "time": "28:30", "on": "2999-01-01"}, "still to come"),
    ],
)
def test_a_run_entered_by_hand_is_checked(alice_client, alice, fields, error):
    data = {"on": "2024-05-05", **fields}
    body = alice_client.post(reverse("runs:new"), data).content.decode()
    assert error in body
    assert not Activity.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker manages its own transactions
def test_an_upload_is_imported_in_the_background_and_shown_file_by_file(
    alice_client, alice, settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    files = [
        upload("fenix.fit", RUN_FIT.read_bytes()),
        upload("forerunner.tcx", RUN_TCX.read_bytes()),
        upload("broken.fit", corrupt_fit(day(2024, 5, 1))),
        upload("../../sneaky.gpx", XXE_GPX),
    ]
    response = alice_client.post(reverse("runs:import"), {"files": files})
    batch = ImportBatch.objects.get(owner=alice)
    assert response["Location"] == batch.get_absolute_url()
    assert batch.status == BatchStatus.QUEUED and batch.via == "web"
    folder = batch.upload_dir
    assert sorted(p.name for p in folder.glob("*/*")) == [
        "broken.fit",
        "fenix.fit",
        "forerunner.tcx",
        "sneaky.gpx",
    ]
    assert folder.stat().st_mode & 0o777 == 0o700
    waiting = alice_client.get(batch.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 1s"' in waiting and "You can close this page" in waiting
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", "--batch", verbosity=0)

    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert (batch.imported, batch.rejected, batch.done_files) == (2, 2, 4)
    assert not folder.exists()
    body = alice_client.get(batch.get_absolute_url()).content.decode()
    assert "hx-trigger" not in body
    assert "2 imported" in body and "2 not imported" in body
    assert "The file is damaged and too little of it is readable." in body
    assert "could be an XML bomb" in body
    for activity in Activity.objects.filter(owner=alice):
        assert activity.get_absolute_url() in body


def test_the_batch_fragment_is_what_htmx_polls(alice_client, alice):
    batch = ImportBatch.objects.create(owner=alice, status=BatchStatus.RUNNING, expected_files=10)
    batch.done_files = 4
    batch.save()
    fragment = alice_client.get(batch.get_absolute_url(), HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert body.lstrip().startswith('<div id="batch-status"')
    assert "4 of about 10 files read" in body and "<h1>" not in body
    batch.status = BatchStatus.DONE
    batch.save()
    body = alice_client.get(batch.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in body and "Done." in body


def test_a_big_batch_page_shows_a_few_rows_per_outcome_and_pages_through_the_rest(
    alice_client, alice
):
    batch = ImportBatch.objects.create(owner=alice, status=BatchStatus.DONE)
    ImportItem.objects.bulk_create(
        ImportItem(batch=batch, position=n, path=f"file-{n:05}.fit", status=status, reason="r")
        for n, status in enumerate(["rejected"] * 1200 + ["skipped"] * 3)
    )
    body = alice_client.get(batch.get_absolute_url()).content.decode()
    assert "Not imported (1200)" in body and "Skipped (3)" in body
    assert body.count('<tr class="item-rejected">') == 50
    assert "file-00049.fit" in body and "file-00050.fit" not in body
    assert 'href="?show=rejected">See all 1200' in body
    assert body.count('<tr class="item-skipped">') == 3

    second = alice_client.get(batch.get_absolute_url(), {"show": "rejected", "page": 2})
    body = second.content.decode()
    assert body.count('<tr class="item-rejected">') == 500
    assert "file-00500.fit" in body and "file-00999.fit" in body and "file-01000" not in body
    assert "Skipped (3)" not in body and "Files 501–1000 of 1200" in body
    assert 'href="?show=rejected&amp;page=3" rel="next"' in body


@pytest.mark.django_db(transaction=True)  # the worker manages its own transactions
def test_an_interrupted_import_shows_so_and_resumes_without_duplicates(
    alice_client, alice, settings, tmp_path, travel
):
    settings.DATA_DIR = tmp_path
    files = [upload("fenix.fit", RUN_FIT.read_bytes()), upload("run.tcx", RUN_TCX.read_bytes())]
    alice_client.post(reverse("runs:import"), {"files": files})
    batch = ImportBatch.objects.get(owner=alice)
    # The worker took the task, read the first file and was killed (kill -9: no clean-up).
    DBTaskResult.objects.update(status="RUNNING")
    batch.begin(2)
    [first, _] = upload_paths(batch)
    import_paths(owner=alice, paths=[first], batch=ImportBatch.objects.create(owner=alice))
    batch.record_progress(1, {"imported": 1})
    url = batch.get_absolute_url()
    assert 'hx-trigger="every 1s"' in alice_client.get(url).content.decode()
    alice_client.post(reverse("runs:batch_resume", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.RUNNING  # alive a moment ago: not resumed

    travel(minutes=settings.IMPORT_STALE_MINUTES + 1)
    body = alice_client.get(url).content.decode()
    assert "This import was interrupted" in body and "after 1 of about 2 files" in body
    assert "Resume the import" in body and "hx-trigger" not in body

    response = alice_client.post(reverse("runs:batch_resume", args=[batch.pk]))
    assert response["Location"] == url
    call_command("db_worker", "--batch", verbosity=0)

    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert (batch.imported, batch.duplicate, batch.done_files) == (1, 1, 2)
    assert Activity.objects.filter(owner=alice).count() == 2
    assert not batch.upload_dir.exists()
    assert "Already in your runs (1)" in alice_client.get(url).content.decode()
    alice_client.post(reverse("runs:batch_resume", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE  # a finished import is not resumed


def test_an_interrupted_command_line_import_says_to_run_it_again(alice_client, alice, travel):
    batch = ImportBatch.objects.create(owner=alice, via="cli")
    batch.begin(10)
    travel(minutes=60)
    body = alice_client.get(batch.get_absolute_url()).content.decode()
    assert "This import was interrupted" in body and "Resume the import" not in body
    assert "Run the same <code>milepost import</code> command again" in body


def test_an_upload_needs_a_file(alice_client):
    body = alice_client.post(reverse("runs:import"), {}).content.decode()
    assert "This field is required." in body
    assert not ImportBatch.objects.exists()


@override_settings(MAX_UPLOAD_MB=1)
def test_an_upload_over_the_limit_is_refused_before_it_is_read(alice_client):
    big = upload("huge.gpx", b"<gpx>" + b" " * (2 * 2**20))
    response = alice_client.post(reverse("runs:import"), {"files": [big]})
    assert response.status_code == 413
    assert "over 1 MB" in response.content.decode()
    assert not ImportBatch.objects.exists()


@override_settings(DATA_UPLOAD_MAX_NUMBER_FILES=2)
def test_too_many_files_at_once_are_refused_kindly(alice_client):
    files = [upload(f"{n}.gpx", b"<gpx/>") for n in range(3)]
    response = alice_client.post(reverse("runs:import"), {"files": files})
    assert response.status_code == 400
    assert "Zip them into one archive" in response.content.decode()


def test_an_upload_still_needs_the_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("runs:import"), {"files": [upload("a.gpx", b"<gpx/>")]})
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


def test_a_run_by_hand_can_be_run_all_without_walking(alice_client, alice):
    data = {"on": "2024-05-04", "distance": "parkrun", "time": "34:00", "without_walking": "on"}
    alice_client.post(reverse("runs:new"), data)
    assert Activity.objects.get(owner=alice).longest_continuous_run_m == 5000


def test_a_run_by_hand_keeps_its_longest_stretch_without_walking(alice_client, alice):
    in_miles(alice)
    data = {"on": "2024-05-04", "distance": "3.1", "time": "36:00", "longest_stretch": "1"}
    alice_client.post(reverse("runs:new"), data)
    assert Activity.objects.get(owner=alice).longest_continuous_run_m == pytest.approx(1609.344)


def test_a_stretch_longer_than_the_run_is_explained_and_what_was_typed_kept(alice_client):
    data = {"on": "2024-05-04", "distance": "5 km", "time": "34:00", "longest_stretch": "8 km"}
    body = alice_client.post(reverse("runs:new"), data).content.decode()
    assert "longer than the whole run" in body and 'value="8 km"' in body
    assert not Activity.objects.exists()


def test_a_run_by_hand_can_be_corrected_and_the_totals_follow(alice_client, alice):
    alice_client.post(reverse("runs:new"), {"on": "2024-04-29", "distance": "5", "time": "30:00"})
    run = Activity.objects.get(owner=alice)
    page = alice_client.get(run.get_absolute_url()).content.decode()
    assert 'value="5 km"' in page and 'value="30:00"' in page and 'value="2024-04-29"' in page
    response = alice_client.post(
        run.get_absolute_url(),
        {
            "on": "2024-05-07",
            "distance": "6 km",
            "time": "36:00",
            "without_walking": "on",
            "start_time": "08:15",
            "name": "Saturday parkrun",
            "sport": "run",
        },
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert (str(run.local_date), run.distance_m, run.moving_s) == ("2024-05-07", 6000, 2160)
    assert run.longest_continuous_run_m == 6000 and run.name == "Saturday parkrun"
    weeks = WeeklyTotal.objects.filter(owner=alice, distance_m__gt=0)
    assert list(weeks.values_list("period_start", "distance_m")) == [(date(2024, 5, 6), 6000)]
    months = MonthlyTotal.objects.filter(owner=alice, distance_m__gt=0)
    assert list(months.values_list("period_start", "distance_m")) == [(date(2024, 5, 1), 6000)]


def test_a_run_saved_unchanged_keeps_its_exact_distance(alice_client, alice):
    in_miles(alice)
    alice_client.post(
        reverse("runs:new"), {"on": "2024-04-29", "distance": "5 km", "time": "30:00"}
    )
    run = Activity.objects.get(owner=alice)
    data = {"on": "2024-04-29", "distance": "3.107 mi", "time": "30:00", "sport": "run"}
    alice_client.post(run.get_absolute_url(), {**data, "name": "Easy"})
    run.refresh_from_db()
    assert run.distance_m == 5000 and run.name == "Easy"


def test_a_correction_into_the_future_is_explained(alice_client, alice):
    alice_client.post(reverse("runs:new"), {"on": "2024-04-29", "distance": "5", "time": "30:00"})
    run = Activity.objects.get(owner=alice)
    data = {"on": "2999-01-01", "distance": "5 km", "time": "30:00", "sport": "run"}
    body = alice_client.post(run.get_absolute_url(), data).content.decode()
    assert "still to come" in body
    run.refresh_from_db()
    assert str(run.local_date) == "2024-04-29"


def test_running_at_a_glance_shows_weeks_months_years_and_the_days_run(alice_client, alice, travel):
    in_miles(alice)
    travel(to=datetime(2024, 6, 12, 18, tzinfo=UTC))
    make_run(alice, day(2024, 6, 10), 8046.72, 50, time_zone="America/New_York")
    make_run(alice, day(2024, 6, 1, 14), 5000, 31, time_zone="America/New_York")
    make_run(alice, day(2021, 3, 3, 14), 16093.44, 100, time_zone="America/New_York")
    body = alice_client.get(reverse("runs:glance")).content.decode()
    assert "Week of" in body and "Mon 10 Jun" in body and "5 mi" in body
    assert "June 2024" in body and "8.11 mi" in body  # the month: both June runs
    assert '<th scope="row">2021</th>' in body and "10 mi" in body
    assert "June 2024: 2 days run" in body
    assert "Saturday 1 June: ran 3.11 mi" in body  # each run day in words for screen readers
    assert "Monday 10 June: ran 5 mi" in body
    assert reverse("runs:glance") in alice_client.get(reverse("runs:list")).content.decode()


def test_the_calendar_starts_at_the_first_run_not_with_empty_months(alice_client, alice, travel):
    travel(to=datetime(2024, 6, 12, 18, tzinfo=UTC))
    make_run(alice, day(2024, 4, 20), 5000, 30)
    body = alice_client.get(reverse("runs:glance")).content.decode()
    assert "April 2024: 1 day run" in body and "May 2024: no runs" in body
    assert "March 2024" not in body and "0 days run" not in body
    assert "Days run, the last 3 months" in body


def test_running_at_a_glance_reads_the_same_few_queries_for_twenty_years(
    alice_client, alice, django_assert_max_num_queries
):
    for year in range(2004, 2025):
        make_run(alice, day(year, 5, 5), 10000, 60)
    with django_assert_max_num_queries(12):
        body = alice_client.get(reverse("runs:glance")).content.decode()
    assert '<th scope="row">2004</th>' in body


def test_a_runs_original_file_is_downloaded_by_its_owner_only(alice_client, alice, bob):
    from milepost.runs.services import import_paths

    import_paths(owner=alice, paths=[RUN_TCX])
    run = Activity.objects.get(owner=alice)
    url = reverse("runs:original", args=[run.pk])
    assert url in alice_client.get(run.get_absolute_url()).content.decode()
    response = alice_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="test.tcx"'
    assert b"".join(response.streaming_content) == RUN_TCX.read_bytes()
    assert alice_client.post(url).status_code == 405
    bobs = Client()
    bobs.force_login(bob)
    assert bobs.get(url).status_code == 404
    by_hand = make_run(alice, day(2024, 5, 2), 5000, 1800)
    assert alice_client.get(reverse("runs:original", args=[by_hand.pk])).status_code == 404
