"""Check-ins on experiential goals: did it happen, how it felt, a note; a gentle history."""

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from milepost import clock
from milepost.goals.models import CheckIn, Status

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 5, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.fixture
def goal(alice, make_goal):
    return make_goal(alice, title="Finish every run smiling", status=Status.ACTIVE)


def check_in(client, goal, **fields):
    data = {f"checkin-{name}": value for name, value in fields.items()}
    return client.post(reverse("goals:check_in", args=[goal.pk]), data)


def test_a_check_in_keeps_what_happened_how_it_felt_and_the_note(alice_client, goal):
    response = check_in(
        alice_client, goal, day="2026-03-04", did_it="yes", feeling="4", note="Sunrise loop"
    )
    assert response.status_code == 302
    (kept,) = goal.check_ins.all()
    assert (kept.day, kept.did_it, kept.feeling, kept.note) == (
        date(2026, 3, 4),
        True,
        4,
        "Sunrise loop",
    )


def test_the_form_offers_the_feeling_words_and_today(alice_client, goal):
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    for value, word in enumerate(("Tough", "Meh", "OK", "Good", "Great"), start=1):
        assert re.search(rf'name="checkin-feeling" value="{value}"[^>]*>\s*{word}</label>', body)
    assert 'value="2026-03-05"' in body and 'max="2026-03-05"' in body


def test_the_history_is_newest_first_in_words_without_scores(alice_client, goal):
    check_in(alice_client, goal, day="2026-03-01", did_it="no", feeling="1", note="Rain")
    check_in(alice_client, goal, day="2026-03-04", did_it="yes", feeling="5")
    check_in(alice_client, goal, day="2026-03-02", note="Thinking about it")
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    history = body.split('<ol class="check-ins">')[1].split("</ol>")[0]
    items = history.split("<li>")[1:]
    assert "Wednesday 4 March 2026</time>: it happened, felt great" in items[0]
    assert "Thinking about it" in items[1]
    assert "Sunday 1 March 2026</time>: not this time, felt tough" in items[2]
    assert '<q class="check-in-note">Rain</q>' in items[2]
    for unkind in ("/5", "score", "streak", "missed", "in a row"):
        assert unkind not in history.lower()


def test_an_empty_check_in_asks_for_a_word(alice_client, goal):
    response = check_in(alice_client, goal, day="2026-03-04")
    assert response.status_code == 200
    assert "Say whether it happened, how it felt, or write a note." in response.content.decode()
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"day": "2026-03-09", "did_it": "yes"}, "That day is still to come"),
        (
            {"day": "2026-03-04", "feeling": "7"},
            "Choose how it felt: Tough, Meh, OK, Good or Great",
        ),
        ({"day": "2026-03-04", "did_it": "maybe"}, "Select a valid choice"),
    ],
)
def test_bad_check_ins_are_explained_and_keep_the_note(alice_client, goal, fields, message):
    response = check_in(alice_client, goal, note="Kept, whatever happens", **fields)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert "Kept, whatever happens" in body
    assert not CheckIn.objects.exists()


def test_measurable_goals_and_paused_ones_take_no_check_ins(alice_client, alice, make_goal):
    measurable = make_goal(
        alice,
        kind="measurable",
        metric="runs",
        period="week",
        target_value=3,
        target_unit="count",
        status=Status.ACTIVE,
    )
    paused = make_goal(alice, title="Parkrun with Dad", status=Status.PAUSED)
    for goal in (measurable, paused):
        response = check_in(alice_client, goal, day="2026-03-04", did_it="yes")
        assert response.status_code == 302
    assert not CheckIn.objects.exists()
    assert (
        "check-ins-heading" not in alice_client.get(measurable.get_absolute_url()).content.decode()
    )
