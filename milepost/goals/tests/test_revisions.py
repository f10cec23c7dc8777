"""Editing a goal keeps its history: the old version and how far along it was."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from milepost import clock
from milepost.goals.models import GoalRevision, Status
from milepost.runs.models import Activity, recompute_totals

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 5, 12, tzinfo=UTC)  # a Thursday

FORM = {
    "title": "Run 20 km a week",
    "size": "medium",
    "horizon": "soon",
    "feeling": "doable",
    "themes": ["social"],
    "why": "",
    "kind": "measurable",
    "metric": "distance",
    "period": "week",
    "target": "20 km",
}


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


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
        created_at=datetime(2026, 2, 1, tzinfo=UTC),
    )


def ran(owner, km: float):
    activity = Activity.objects.create(
        owner=owner,
        start=datetime(2026, 3, 3, 7, tzinfo=UTC),
        distance_m=km * 1000,
        elapsed_s=km * 360,
        moving_s=km * 360,
    )
    recompute_totals(owner.pk, [activity.local_date])


def edit(client, goal, **changes):
    return client.post(reverse("goals:edit", args=[goal.pk]), {**FORM, **changes})


def test_a_new_target_keeps_the_old_one_and_the_progress_then(alice_client, alice, goal):
    ran(alice, 15)
    response = edit(alice_client, goal, target="30 km", title="Run 30 km a week")
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.target_value) == ("Run 30 km a week", 30000)
    (old,) = goal.revisions.all()
    assert (old.title, old.metric, old.period, old.target_value) == (
        "Run 20 km a week",
        "distance",
        "week",
        20000,
    )
    assert old.progress_fraction == 0.75 and old.progress_percent == 75
    assert old.progress_summary.startswith("15 km of 20 km so far this week")
    assert old.changed_at == NOW


def test_earlier_versions_show_on_the_goal_page(alice_client, alice, goal):
    ran(alice, 5)
    edit(alice_client, goal, target="25 km")
    edit(alice_client, goal, horizon="date", target_date="2026-06-30", target="25 km")
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    earlier = body.split("<h3>Earlier versions</h3>")[1]
    assert earlier.index("25 km per week") < earlier.index("20 km per week")  # newest first
    assert "in the next month or two" in earlier
    assert "when it stood at 25 %" in earlier
    assert "when it stood at 20 %" in earlier
    assert "By 30 June 2026" in body  # the goal as it is now


def test_an_edit_that_changes_only_the_why_keeps_no_revision(alice_client, goal):
    response = edit(alice_client, goal, why="My sister runs it too")
    assert response.status_code == 302
    assert not GoalRevision.objects.exists()


def test_turning_an_experience_into_a_number_keeps_the_experience(alice_client, alice, make_goal):
    goal = make_goal(alice, title="Coast path with Sam", status=Status.ACTIVE)
    edit(alice_client, goal, title="Coast path with Sam, 20 km a week")
    (old,) = goal.revisions.all()
    assert old.kind == "experiential" and old.progress_fraction is None
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "<strong>Coast path with Sam</strong>: an experience" in body


def test_a_bad_edit_changes_nothing(alice_client, goal):
    response = edit(alice_client, goal, target="lots")
    assert response.status_code == 200
    goal.refresh_from_db()
    assert goal.target_value == 20000
    assert not GoalRevision.objects.exists()


def test_saving_a_half_marathon_target_as_shown_keeps_no_revision(alice_client, alice, make_goal):
    goal = make_goal(
        alice,
        title="Long run of a half marathon",
        kind="measurable",
        metric="longest_run",
        target_value=21097.5,
        target_unit="m",
        status=Status.ACTIVE,
    )
    form = {**FORM, "title": goal.title, "metric": "longest_run", "period": ""}
    response = alice_client.post(
        reverse("goals:edit", args=[goal.pk]), {**form, "target": "21.1 km"}
    )
    assert response.status_code == 302
    assert not GoalRevision.objects.exists()
