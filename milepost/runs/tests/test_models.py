"""Activities, their local calendar, original files and the weekly and monthly totals."""

import gzip
import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import IntegrityError

from milepost.runs.models import (
    Activity,
    MonthlyTotal,
    SourceFile,
    WeeklyTotal,
    recompute_totals,
    zone_from_name,
    zone_name_for,
)

from .helpers import day, make_run

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def test_the_runners_zone_is_kept_when_the_files_offset_agrees():
    summer = datetime(2024, 7, 1, 6, tzinfo=UTC)
    assert zone_name_for(summer, None, PARIS) == "Europe/Paris"
    assert zone_name_for(summer, 7200, PARIS) == "Europe/Paris"


def test_the_zone_at_the_first_position_wins_when_it_keeps_another_time():
    when = datetime(2024, 7, 1, 22, 30, tzinfo=UTC)
    new_york, amsterdam, tokyo = (40.75, -73.98), (52.37, 4.9), (35.68, 139.7)
    assert zone_name_for(when, None, PARIS, position=new_york) == "America/New_York"
    assert zone_name_for(when, 7200, PARIS, position=tokyo) == "Asia/Tokyo"
    # Amsterdam keeps Paris time: the runner's own zone stays
    assert zone_name_for(when, None, PARIS, position=amsterdam) == "Europe/Paris"


def test_a_file_recorded_elsewhere_keeps_its_own_offset():
    when = datetime(2024, 7, 1, 6, tzinfo=UTC)
    assert zone_name_for(when, -25200, PARIS) == "UTC-07:00"
    assert zone_name_for(when, 19800, PARIS) == "UTC+05:30"
    assert zone_from_name("UTC+05:30").utcoffset(None) == timedelta(hours=5, minutes=30)
    assert zone_from_name("UTC-07:00").utcoffset(None) == timedelta(hours=-7)
    assert zone_from_name("Not/AZone") is UTC


def test_the_local_date_is_the_runners_calendar_day(alice):
    # 23:30 UTC on Sunday 7 July is already Monday 8 July in Paris: a new week.
    run = make_run(alice, datetime(2024, 7, 7, 23, 30, tzinfo=UTC), time_zone="Europe/Paris")
    assert run.local_date == date(2024, 7, 8)
    assert run.local_start.hour == 1
    assert WeeklyTotal.objects.get(owner=alice).period_start == date(2024, 7, 8)


def test_titles_read_like_a_runners_log(alice):
    assert make_run(alice, day(2024, 5, 1, 6)).title == "Morning run"
    assert make_run(alice, day(2024, 5, 2, 19)).title == "Evening run"
    ride = make_run(alice, day(2024, 5, 3, 14), sport="cycling", is_run=False)
    assert ride.title == "Afternoon ride"
    assert make_run(alice, day(2024, 5, 4), name="Parkrun").title == "Parkrun"


def test_weekly_totals_run_monday_to_sunday_and_count_runs_only(alice):
    make_run(alice, day(2024, 5, 6), 5000, 30)  # Monday
    make_run(alice, day(2024, 5, 12), 12000, 70, elevation_gain_m=80)  # Sunday
    make_run(alice, day(2024, 5, 13), 3000, 20)  # next Monday
    make_run(alice, day(2024, 5, 8), 30000, 60, sport="cycling", is_run=False)
    weeks = {w.period_start: w for w in WeeklyTotal.objects.filter(owner=alice)}
    week = weeks[date(2024, 5, 6)]
    assert (week.runs, week.distance_m, week.moving_s) == (2, 17000, 100 * 60)
    assert (week.elevation_gain_m, week.longest_m) == (80, 12000)
    assert weeks[date(2024, 5, 13)].runs == 1


def test_monthly_totals_follow_the_calendar_month(alice):
    make_run(alice, day(2024, 1, 31), 10000)
    make_run(alice, day(2024, 2, 1), 8000)
    make_run(alice, day(2024, 2, 29), 6000)
    months = {m.period_start: m for m in MonthlyTotal.objects.filter(owner=alice)}
    assert months[date(2024, 1, 1)].distance_m == 10000
    assert (months[date(2024, 2, 1)].runs, months[date(2024, 2, 1)].distance_m) == (2, 14000)


def test_a_period_left_without_runs_loses_its_total(alice):
    run = make_run(alice, day(2024, 5, 6))
    run.delete()
    recompute_totals(alice.pk, [run.local_date])
    assert not WeeklyTotal.objects.filter(owner=alice).exists()
    assert not MonthlyTotal.objects.filter(owner=alice).exists()


def test_totals_belong_to_their_runner(alice, bob):
    make_run(alice, day(2024, 5, 6), 5000)
    make_run(bob, day(2024, 5, 7), 7000)
    assert WeeklyTotal.objects.get(owner=alice).distance_m == 5000
    assert WeeklyTotal.objects.get(owner=bob).distance_m == 7000


def test_feeling_is_one_to_five(alice):
    run = make_run(alice, day(2024, 5, 6), feeling=5, feeling_note="Flew")
    assert run.get_feeling_display() == "Great"
    with pytest.raises(IntegrityError):
        Activity.objects.filter(pk=run.pk).update(feeling=6)


def test_an_original_file_is_kept_once_per_runner(alice, bob):
    data = b"<gpx>...</gpx>"
    kept = SourceFile.objects.create(
        owner=alice, sha256="a" * 64, name="run.gpx", size=len(data), data=gzip.compress(data)
    )
    assert kept.original() == data
    SourceFile.objects.create(owner=bob, sha256="a" * 64, name="run.gpx", size=1, data=b"")
    with pytest.raises(IntegrityError):
        SourceFile.objects.create(owner=alice, sha256="a" * 64, name="x", size=1, data=b"")


def test_a_gzip_original_is_kept_as_it_came(alice):
    data = gzip.compress(b"FIT bytes")
    kept = SourceFile.objects.create(
        owner=alice, sha256="b" * 64, name="1.fit.gz", size=len(data), was_gzip=True, data=data
    )
    assert SourceFile.objects.get(pk=kept.pk).original() == data


def test_an_activity_of_a_file_is_stored_once(alice):
    make_run(alice, day(2024, 5, 6), source_hash="c" * 64, source_index=0)
    make_run(alice, day(2024, 5, 6, 9), source_hash="c" * 64, source_index=1)
    with pytest.raises(IntegrityError):
        make_run(alice, day(2024, 5, 7), source_hash="c" * 64, source_index=1)


def test_to_dict_is_the_json_shape(alice):
    run = make_run(alice, day(2024, 5, 6), 5000, 25, best_efforts={"1k": 290.5, "5k": 1500.0})
    assert run.to_dict() == {
        "start": "2024-05-06T07:00:00Z",
        "sport": "run",
        "distance_m": 5000,
        "elapsed_s": 1500,
        "moving_s": 1500,
        "elevation_gain_m": None,
        "avg_hr": None,
        "best_efforts": {"1k": 290.5, "5k": 1500.0},
        "longest_continuous_run_m": None,
    }
    assert [label for label, _, _ in run.effort_rows()] == ["1 km", "5 km"]
    assert run.pace_s_per_km == 300
