"""Deleting a goal: a confirmation page says what goes, the POST deletes it with everything
kept on it, and the runner's runs, rounds and other goals stay."""

from datetime import timedelta

import pytest
from django.urls import reverse

from milepost import clock
from milepost.accounts.models import Profile
from milepost.goals import services
from milepost.goals.models import (
    CheckIn,
    Goal,
    GoalComment,
    GoalPause,
    GoalRevision,
    GoalSuggestion,
    Status,
    Step,
    SuggestionStatus,
)
from milepost.nudges.models import Nudge
from milepost.reflection.models import Stage
from milepost.runs.models import Activity
from milepost.runs.services import record_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(alice, coach, make_round, make_goal):
    """ "Run a 10k", with 4 steps, 2 check-ins, a pause, an earlier version, a message from the
    coach, the nudge about it, the suggestion it came from, and a run that counted."""
    round = make_round(alice, stage=Stage.DONE)
    goal = make_goal(alice, round=round, title="Run a 10k", status="active")
    today = clock.now().date()
    for n in range(4):
        Step.objects.create(goal=goal, title=f"Step {n}", due=today + timedelta(days=7 * n))
    for n in range(2):
        CheckIn.objects.create(goal=goal, day=today - timedelta(days=n), did_it=True)
    now = clock.now()
    GoalPause.objects.create(goal=goal, reason="injury", started_at=now, ended_at=now)
    GoalRevision.of(goal).save()
    GoalComment.objects.create(goal=goal, author=coach, text="How did the hills feel?")
    Nudge.objects.create(owner=alice, kind="goal_reached", since=today, reason="!", goal=goal)
    GoalSuggestion.objects.create(
        coach=coach, runner=alice, title="Run a 10k", status=SuggestionStatus.ACCEPTED, goal=goal
    )
    record_run(owner=alice, on=today, distance_m=10000, duration_s=3600)
    return goal


def test_the_confirmation_says_what_goes_and_what_stays(alice_client, goal):
    body = alice_client.get(reverse("goals:delete", args=[goal.pk])).content.decode()
    assert "This deletes the goal <strong>&ldquo;Run a 10k&rdquo;</strong> with its 4 steps" in body
    assert "2 check-ins, 1 pause, 1 earlier version and 1 message with your coach." in body
    assert "Your runs stay" in body
    assert "Your coach suggested this goal" in body
    assert 'method="post"' in body and "Keep it" in body
    assert Goal.objects.filter(pk=goal.pk).exists()  # a GET deletes nothing


def test_a_goal_with_nothing_on_it_is_just_the_goal(alice_client, alice, make_goal):
    goal = make_goal(alice, title="Smile on every run")
    body = alice_client.get(reverse("goals:delete", args=[goal.pk])).content.decode()
    assert "This deletes the goal <strong>&ldquo;Smile on every run&rdquo;</strong>. It" in body
    assert "suggested" not in body


def test_deleting_takes_everything_kept_on_the_goal(alice_client, alice, goal, make_goal):
    other = make_goal(alice, title="Run with Sam", status="active")
    before = Profile.objects.get(user=alice).data_version
    response = alice_client.post(reverse("goals:delete", args=[goal.pk]))
    assert response["Location"] == reverse("dashboard")  # its round is over
    assert not Goal.objects.filter(pk=goal.pk).exists()
    for model in (Step, CheckIn, GoalPause, GoalRevision, GoalComment, Nudge):
        assert not model.objects.exists(), model.__name__
    # What stays: the runs, the round, the other goal, the coach's suggestion (unlinked).
    assert Activity.objects.filter(owner=alice).count() == 1
    assert alice.round_set.count() == 1
    assert Goal.objects.filter(pk=other.pk).exists()
    suggestion = GoalSuggestion.objects.get()
    assert suggestion.goal is None and suggestion.status == SuggestionStatus.ACCEPTED
    assert Profile.objects.get(user=alice).data_version != before  # the cached pages retire
    body = alice_client.get(response["Location"]).content.decode()
    assert "Deleted the goal \u201cRun a 10k\u201d. Your runs are all kept." in body
    assert "Run a 10k" not in body.replace("Deleted the goal \u201cRun a 10k\u201d", "")


def test_a_goal_of_a_round_under_way_goes_back_to_that_round(alice_client, alice, make_round):
    round = make_round(alice, stage=Stage.GOALS)
    goal = Goal.objects.create(owner=alice, round=round, title="Try a trail", status="draft")
    response = alice_client.post(reverse("goals:delete", args=[goal.pk]))
    assert response["Location"] == round.get_absolute_url()
    assert not round.goals.exists()


def test_the_goal_page_has_a_quiet_delete_link(alice_client, goal):
    body = alice_client.get(goal.get_absolute_url()).content.decode()
    assert f'<p class="delete-link"><a href="{reverse("goals:delete", args=[goal.pk])}">' in body


def test_the_service_leaves_other_runners_alone(alice, bob, goal, make_goal):
    bobs = make_goal(bob, title="Bob's goal", status=Status.ACTIVE)
    services.delete_goal(goal=goal)
    assert Goal.objects.filter(pk=bobs.pk).exists()
