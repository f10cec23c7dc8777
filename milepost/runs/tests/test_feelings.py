"""How a run felt: a quick word from Tough to Great and a note, offered on the run's page
(after a run added by hand too) and on the import result, and editable later."""

import re

import pytest
from django.urls import reverse

from milepost.runs.feelings import FEELING_ERROR, RATE_AFTER_IMPORT
from milepost.runs.models import Activity, BatchStatus, ImportBatch, ImportItem, WeeklyTotal

from .helpers import day, make_run

pytestmark = pytest.mark.django_db


def rate(client, activity, feeling, note="", next=""):
    data = {f"run{activity.pk}-feeling": feeling, f"run{activity.pk}-feeling_note": note}
    if next:
        data["next"] = next
    return client.post(reverse("runs:feeling", args=[activity.pk]), data)


def test_the_run_page_offers_the_words(alice_client, alice):
    run = make_run(alice, day(2024, 5, 6))
    body = alice_client.get(run.get_absolute_url()).content.decode()
    assert "How it felt" in body
    assert f'action="{reverse("runs:feeling", args=[run.pk])}"' in body
    for value, word in enumerate(("Tough", "Meh", "OK", "Good", "Great"), start=1):
        radio = rf'name="run{run.pk}-feeling" value="{value}"[^>]*>\s*{word}</label>'
        assert re.search(radio, body)


def test_a_feeling_and_its_note_are_kept(alice_client, alice):
    run = make_run(alice, day(2024, 5, 6))
    response = rate(alice_client, run, "2", "Legs heavy after the hills")
    assert response["Location"] == run.get_absolute_url()
    run.refresh_from_db()
    assert (run.feeling, run.feeling_note) == (2, "Legs heavy after the hills")
    body = alice_client.get(run.get_absolute_url()).content.decode()
    assert "Saved how it felt: Meh." in body
    assert re.search(rf'name="run{run.pk}-feeling" value="2"[^>]* checked> Meh</label>', body)
    assert "Legs heavy after the hills</textarea>" in body


def test_it_can_be_changed_later_and_totals_are_untouched(alice_client, alice):
    run = make_run(alice, day(2024, 5, 6), feeling=1, feeling_note="Rough start")
    totals = list(WeeklyTotal.objects.values())
    rate(alice_client, run, "4", "Rough start, strong finish")
    run.refresh_from_db()
    assert (run.feeling, run.feeling_note) == (4, "Rough start, strong finish")
    assert list(WeeklyTotal.objects.values()) == totals


@pytest.mark.parametrize("bad", ["0", "6", "7", "great", "-1", "3.5"])
def test_a_bad_rating_is_refused_with_a_clear_message_and_the_note_kept(alice_client, alice, bad):
    run = make_run(alice, day(2024, 5, 6), feeling=3, feeling_note="")
    response = rate(alice_client, run, bad, "Windy on the front")
    body = response.content.decode()
    assert response.status_code == 200
    assert FEELING_ERROR in body
    assert 'role="alert"' in body
    assert "Windy on the front</textarea>" in body  # what was typed is not lost
    run.refresh_from_db()
    assert (run.feeling, run.feeling_note) == (3, "")


def test_a_note_that_is_too_long_is_refused(alice_client, alice):
    run = make_run(alice, day(2024, 5, 6))
    response = rate(alice_client, run, "5", "x" * 2001)
    assert "to 2000 characters or fewer" in response.content.decode()
    run.refresh_from_db()
    assert run.feeling is None


def test_no_rating_leaves_just_the_note(alice_client, alice):
    run = make_run(alice, day(2024, 5, 6), feeling=5)
    rate(alice_client, run, "", "Forgot my watch")
    run.refresh_from_db()
    assert (run.feeling, run.feeling_note) == (None, "Forgot my watch")


def test_it_goes_back_to_the_page_it_came_from_on_this_site_only(alice_client, alice):
    run = make_run(alice, day(2024, 5, 6))
    assert rate(alice_client, run, "5", next="/runs/import/3/")["Location"] == "/runs/import/3/"
    evil = rate(alice_client, run, "5", next="https://evil.example/")
    assert evil["Location"] == run.get_absolute_url()


def test_a_run_added_by_hand_lands_on_its_page_with_the_feeling_offered(alice_client, alice):
    response = alice_client.post(
        reverse("runs:new"), {"on": "2024-05-06", "distance": "5", "time": "30:00"}, follow=True
    )
    body = response.content.decode()
    run = Activity.objects.get()
    assert "Run added." in body
    assert f'action="{reverse("runs:feeling", args=[run.pk])}"' in body


def test_the_manual_form_uses_the_same_words(alice_client):
    body = alice_client.get(reverse("runs:new")).content.decode()
    assert "Tough" in body and "Meh" in body and "Rough" not in body


def test_the_import_result_offers_the_latest_imported_runs(alice_client, alice):
    batch = ImportBatch.objects.create(owner=alice, status=BatchStatus.DONE, imported=12)
    runs = [make_run(alice, day(2024, 5, 1 + n), name=f"Run {n}") for n in range(12)]
    for n, run in enumerate(runs):
        ImportItem.objects.create(
            batch=batch, position=n, path=f"{n}.fit", status="imported", activity=run
        )
    old = make_run(alice, day(2023, 1, 1), name="Old favourite")
    ImportItem.objects.create(
        batch=batch, position=99, path="old.fit", status="duplicate", activity=old
    )
    body = alice_client.get(batch.get_absolute_url()).content.decode()
    offered = body.split('id="feelings-heading"')[1]
    assert offered.count('class="feeling-form"') == RATE_AFTER_IMPORT == 10
    assert "Run 11" in offered and "Run 2" in offered and "Run 1<" not in offered
    assert "Old favourite" not in offered  # already in the runs: not new to rate
    assert f'name="next" value="{batch.get_absolute_url()}"' in offered
    assert "your 10 latest runs" in offered


def test_a_batch_still_running_offers_nothing_yet(alice_client, alice):
    batch = ImportBatch.objects.create(owner=alice, status=BatchStatus.RUNNING)
    body = alice_client.get(batch.get_absolute_url()).content.decode()
    assert "feelings-heading" not in body
