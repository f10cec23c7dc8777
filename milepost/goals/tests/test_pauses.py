"""Pausing a goal (injury, illness, life) and resuming it, without penalty."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse

from milepost import clock
from milepost.goals import services
from milepost.goals.forms import SettleForm
from milepost.goals.models import Goal, GoalPause, Status
from milepost.runs.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(alice, make_goal):
    return make_goal(
        alice,
        title="Run 20 km a week",
        kind="measurable",
        metric="distance",
        period="week",
        target_value=20000,
        target_unit="m",
        status=Status.ACTIVE,
    )


def pause(client, goal, reason="injury", note="Calf strain, physio says three weeks"):
    return client.post(
        reverse("goals:pause", args=[goal.pk]), {"pause-reason": reason, "pause-note": note}
    )


def test_pausing_keeps_the_reason_and_the_note(alice_client, goal):
    response = pause(alice_client, goal)
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.PAUSED
    (kept,) = goal.pauses.all()
    assert (kept.reason, kept.note, kept.ended_at) == (
        "injury",
        "Calf strain, physio says three weeks",
        None,
    )


def test_a_pause_needs_a_reason(alice_client, goal):
    response = pause(alice_client, goal, reason="", note="Just because")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose why: an injury, illness, life, or something else." in body
    assert "Just because" in body  # what was typed is kept
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE


def test_resuming_brings_it_back_to_active_and_closes_the_pause(alice_client, goal, travel):
    pause(alice_client, goal, reason="life", note="")
    travel(days=10)
    response = alice_client.post(reverse("goals:resume", args=[goal.pk]))
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    (kept,) = goal.pauses.all()
    assert kept.ended_at - kept.started_at >= timedelta(days=10)


def test_the_pause_shows_in_the_goals_history(alice_client, goal, travel):
    pause(alice_client, goal, reason="illness", note="Flu")
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "Resume this goal" in body and "Pause this goal" not in body
    assert "resting now" in body
    travel(days=7)
    alice_client.post(reverse("goals:resume", args=[goal.pk]))
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "This goal's history" in body
    assert "(illness: <q>Flu</q>), resumed" in body
    assert "Pause this goal" in body


def test_a_paused_goal_is_not_judged_on_its_page(alice_client, alice, goal):
    Activity.objects.create(  # a short run this week: it would be behind if judged
        owner=alice, start=clock.now(), distance_m=1000, elapsed_s=400, moving_s=400
    )
    pause(alice_client, goal)
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "Paused: nothing is judged" in body
    assert "Not on track yet" not in body and "On track" not in body
    assert "verdict" not in body  # no feasibility verdict either


def test_paused_goals_have_their_own_dashboard_section(alice_client, goal, make_goal, alice):
    make_goal(alice, title="Coast path with Sam", status=Status.ACTIVE)
    pause(alice_client, goal)
    body = alice_client.get(reverse("dashboard")).content.decode()
    active, paused = body.split('id="paused-heading"')
    assert "Coast path with Sam" in active and "Run 20 km a week" not in active
    assert "Run 20 km a week" in paused
    assert ": injury. <q>Calf strain, physio says three weeks</q>" in paused
    assert "Not on track yet" not in paused


def test_only_an_active_goal_can_be_paused_and_only_a_paused_one_resumed(
    alice_client, alice, make_goal
):
    someday = make_goal(alice, status=Status.SOMEDAY)
    pause(alice_client, someday)
    alice_client.post(reverse("goals:resume", args=[someday.pk]))
    someday.refresh_from_db()
    assert someday.status == Status.SOMEDAY and not someday.pauses.exists()
    with pytest.raises(services.GoalStateError):
        services.resume_goal(goal=someday)


@override_settings(MAX_ACTIVE_GOALS=3)
def test_a_paused_goal_does_not_count_against_the_limit(alice_client, alice, make_goal, goal):
    pause(alice_client, goal)
    for n in range(3):
        make_goal(alice, title=f"Active {n}", status=Status.ACTIVE)
    assert Goal.objects.owned_by(alice).active().count() == 3
    # Resuming is never refused; the runner is told, kindly, and decides.
    response = alice_client.post(reverse("goals:resume", args=[goal.pk]), follow=True)
    body = response.content.decode()
    assert "Welcome back to \u201cRun 20 km a week\u201d." in body
    assert "more active goals than the few you usually keep" in body
    assert Goal.objects.owned_by(alice).active().count() == 4


def test_settling_leaves_paused_goals_alone(alice, make_round, make_goal, goal):
    from milepost.reflection.models import Stage

    services.pause_goal(goal=goal, reason="injury")
    round = make_round(alice, stage=Stage.SETTLE)
    draft = make_goal(alice, round=round, title="New idea", status=Status.DRAFT)
    assert services.settle_candidates(round) == [draft]
    form = SettleForm({"chosen": [str(draft.pk)]}, goals=[draft])
    assert form.is_valid()
    services.choose(round=round, chosen=form.cleaned_data["chosen"])
    goal.refresh_from_db()
    assert goal.status == Status.PAUSED


def test_the_pause_constraint_keeps_the_end_after_the_start(goal):
    from django.core.exceptions import ValidationError

    kept = services.pause_goal(goal=goal, reason="other", note="Moving house")
    kept.ended_at = kept.started_at - timedelta(days=1)
    with pytest.raises(ValidationError):
        kept.full_clean()
    assert GoalPause.objects.get().note == "Moving house"
