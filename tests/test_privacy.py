"""Charlie should have no access to Alice's stuff: every object URL of one runner is a 404
for another, whatever the method."""

from datetime import UTC, datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from milepost.goals.models import Step
from milepost.nudges.models import CycleStart, Nudge
from milepost.reflection.models import Stage
from milepost.runs.models import Activity, ImportBatch

pytestmark = pytest.mark.django_db

# Which object each URL name's pk points at; a new object URL must be added here.
OBJECT_URLS = {
    "rounds:round": "round",
    "rounds:brainstorm": "round",
    "rounds:note_add": "round",
    "rounds:brainstorm_close": "round",
    "rounds:themes": "round",
    "rounds:theme_add": "round",
    "rounds:summary": "round",
    "rounds:goals": "round",
    "rounds:rest": "round",
    "rounds:rest_start": "round",
    "rounds:settle": "round",
    "rounds:purpose": "round",
    "rounds:steps": "round",
    "rounds:finish": "round",
    "rounds:close": "round",
    "goals:detail": "goal",
    "goals:edit": "goal",
    "goals:purpose_check": "goal",
    "goals:ladder": "goal",
    "goals:step_done": "step",
    "runs:detail": "activity",
    "runs:delete": "activity",
    "runs:original": "activity",
    "runs:batch": "batch",
    "paper:reflection": "round",
    "goals:pause": "goal",
    "goals:resume": "goal",
    "goals:check_in": "goal",
    "goals:reached": "goal",
    "goals:activate": "goal",
    "runs:feeling": "activity",
    "runs:race": "activity",
    "nudges:dismiss": "nudge",
    "nudges:snooze": "nudge",
    "nudges:cycle_delete": "cycle_start",
}


def url_names_with_pk(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names_with_pk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and "pk" in pattern.pattern.converters:
            yield f"{namespace}{pattern.name}"


def test_every_object_url_is_listed_here():
    assert set(url_names_with_pk()) == set(OBJECT_URLS)


@pytest.mark.parametrize("stage", [Stage.BRAINSTORM, Stage.THEMES, Stage.GOALS, Stage.STEPS])
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_runner_gets_404_on_every_object_url(
    client, alice, bob, make_round, make_goal, stage, method
):
    round = make_round(alice, stage=stage, notes={"beyond_running": "Running keeps my head clear"})
    goal = make_goal(alice, round=round, status="active")
    step = Step.objects.create(goal=goal, title="Run 5 km", due="2027-01-01")
    activity = Activity.objects.create(
        owner=alice, start=datetime(2026, 5, 1, 7, tzinfo=UTC), elapsed_s=1800, moving_s=1800
    )
    batch = ImportBatch.objects.create(owner=alice)
    nudge = Nudge.objects.create(owner=alice, kind="break", since="2026-05-02", reason="Hello")
    cycle_start = CycleStart.objects.create(owner=alice, day="2026-05-04")
    objects = {"round": round, "goal": goal, "step": step, "activity": activity, "batch": batch}
    objects |= {"nudge": nudge, "cycle_start": cycle_start}
    client.force_login(bob)
    for name, kind in OBJECT_URLS.items():
        url = reverse(name, args=[objects[kind].pk])
        response = getattr(client, method)(url, {"text": "x", "question": "proud", "days": 3})
        if response.status_code == 405:  # a POST-only URL refuses GET for any id alike
            missing = getattr(client, method)(reverse(name, args=[10**9]))
            assert (method, missing.status_code) == ("get", 405), name
            continue
        assert response.status_code == 404, f"{method.upper()} {name} gave {response.status_code}"
    client.force_login(alice)
    body = client.get(reverse("rounds:summary", args=[round.pk])).content.decode()
    assert "Running keeps my head clear" in body
    assert Activity.objects.filter(pk=activity.pk).exists()  # bob's delete did nothing
    goal.refresh_from_db()
    assert goal.status == "active" and not goal.pauses.exists() and not goal.check_ins.exists()
    assert CycleStart.objects.filter(pk=cycle_start.pk).exists()
    nudge.refresh_from_db()
    assert nudge.dismissed_at is None and nudge.snoozed_until is None


def test_a_visitor_is_sent_to_log_in(client, alice, make_round):
    round = make_round(alice)
    response = client.get(reverse("rounds:brainstorm", args=[round.pk]))
    assert response["Location"].startswith(reverse("accounts:login"))
