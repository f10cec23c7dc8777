"""An imported run that looks like a race is offered as one: "Was this a race?"."""

from datetime import timedelta

import pytest
from django.urls import reverse

from milepost.runs.models import Activity
from milepost.runs.racelike import looks_like_race, race_distance_near

from .helpers import day, make_run

USUAL = 360.0  # 6:00 per km


@pytest.mark.parametrize(
    ("metres", "key"),
    [(5080, "5k"), (4950, "5k"), (21300, "half"), (42600, "marathon"), (7000, ""), (None, "")],
)
def test_a_gps_reads_a_race_distance_a_little_long_or_short(metres, key):
    assert race_distance_near(metres) == key


def test_a_race_is_a_race_distance_named_so_or_run_hard():
    named = dict(name="Riverside Half Marathon", metres=21250, pace_s_per_km=350.0)
    assert looks_like_race(**named, usual_pace=USUAL)
    assert looks_like_race(name="Morning run", metres=5050, pace_s_per_km=300, usual_pace=USUAL)
    easy = dict(name="Morning run", metres=5050, pace_s_per_km=370.0, usual_pace=USUAL)
    assert not looks_like_race(**easy)
    off_distance = dict(name="Hill race", metres=7300, pace_s_per_km=300.0, usual_pace=USUAL)
    assert not looks_like_race(**off_distance)
    assert looks_like_race(name="Saturday parkrun", metres=5010, pace_s_per_km=380, usual_pace=None)


@pytest.fixture
def half(alice):
    for n in range(1, 9):  # the runner's usual: 6:00 a km
        make_run(alice, day(2026, 5, 1) - timedelta(days=3 * n), 8000, 48)
    return make_run(alice, day(2026, 5, 3), 21250, 110, name="Riverside Half Marathon")


def test_the_run_page_asks_and_a_yes_makes_it_a_race(alice_client, half):
    page = alice_client.get(half.get_absolute_url()).content.decode()
    assert "Was <a" in page and "a race?" in page
    response = alice_client.post(reverse("runs:race", args=[half.pk]), {"was_race": "yes"})
    assert response.status_code == 302
    half.refresh_from_db()
    assert half.is_race and half.race_answered
    page = alice_client.get(half.get_absolute_url()).content.decode()
    assert "a race?" not in page and "Race</span>" in page


def test_a_no_is_kept_and_never_asked_again(alice_client, half):
    alice_client.post(reverse("runs:race", args=[half.pk]), {"was_race": "no"})
    half.refresh_from_db()
    assert not half.is_race and half.race_answered
    assert "a race?" not in alice_client.get(half.get_absolute_url()).content.decode()


def test_reading_the_page_changes_nothing_and_a_bad_answer_is_explained(alice_client, half):
    alice_client.get(half.get_absolute_url())
    response = alice_client.post(reverse("runs:race", args=[half.pk]), {"was_race": "maybe"})
    assert response.status_code == 302
    half.refresh_from_db()
    assert not half.is_race and not half.race_answered


def test_training_runs_and_runs_by_hand_are_not_asked_about(alice_client, alice, half):
    easy = make_run(alice, day(2026, 5, 5), 10100, 63, name="Easy ten")
    by_hand = make_run(alice, day(2026, 5, 6), 5000, 24, source="manual", name="parkrun")
    usual = Activity.objects.usual_pace(alice, day(2026, 5, 7).date())
    assert usual == pytest.approx(360)
    assert not easy.asks_if_race(usual) and not by_hand.asks_if_race(usual)
    assert half.asks_if_race(usual)


def test_another_runner_cannot_answer(client, bob, half):
    client.force_login(bob)
    response = client.post(reverse("runs:race", args=[half.pk]), {"was_race": "yes"})
    assert response.status_code == 404
    half.refresh_from_db()
    assert not half.race_answered


def test_the_import_result_asks_about_the_runs_that_look_like_races(alice_client, alice, half):
    from milepost.runs.models import ImportBatch, ImportItem

    easy = make_run(alice, day(2026, 5, 5), 10100, 63, name="Easy ten")
    batch = ImportBatch.objects.create(owner=alice, status="done")
    for n, activity in enumerate([half, easy]):
        ImportItem.objects.create(
            batch=batch, position=n, path=f"run-{n}.fit", status="imported", activity=activity
        )
    page = alice_client.get(batch.get_absolute_url()).content.decode()
    assert "Were these races?" in page
    assert "Riverside Half Marathon</a>" in page and "Easy ten</a> (" not in page
    alice_client.post(
        reverse("runs:race", args=[half.pk]),
        {"was_race": "yes", "next": batch.get_absolute_url()},
    )
    assert "Were these races?" not in alice_client.get(batch.get_absolute_url()).content.decode()


def test_the_question_says_why_it_is_asked(alice_client, alice, half):
    page = alice_client.get(half.get_absolute_url()).content.decode()
    assert "its name sounds like one" in page
    fast = make_run(alice, day(2026, 5, 8), 10050, 50, name="Thursday evening")  # 4:59 a km
    page = alice_client.get(fast.get_absolute_url()).content.decode()
    assert "clearly faster than your usual pace" in page
