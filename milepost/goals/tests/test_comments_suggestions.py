"""A goal's thread the runner answers on the goal page, and the goals a coach suggests: the
runner takes one into their list or lets it go, with a word if they like. Never imposed."""

import pytest
from django.urls import reverse

from milepost.goals import services
from milepost.goals.models import GoalComment, GoalSuggestion, Status
from milepost.reflection.models import Stage

pytestmark = pytest.mark.django_db


def suggestion_for(runner, coach, **fields) -> GoalSuggestion:
    return services.suggest_goal(
        coach=coach,
        runner=runner,
        suggestion=GoalSuggestion(title="Run a trail 10k", why="You light up on trails.", **fields),
    )


def test_the_goal_page_shows_the_thread_with_the_coachs_name(alice_client, alice, coach, make_goal):
    goal = make_goal(alice, status="active")
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "With your coach" not in page  # no thread until someone writes
    services.add_comment(goal=goal, author=coach, text="How did the lighthouse run feel?")
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "With your coach" in page and "How did the lighthouse run feel?" in page
    assert "Cora" in page and "Send my answer" in page


def test_the_runner_answers_in_the_thread(alice_client, alice, coach, make_goal):
    goal = make_goal(alice, status="active")
    services.add_comment(goal=goal, author=coach, text="How did it go?")
    response = alice_client.post(
        reverse("goals:comment", args=[goal.pk]), {"comment-text": "  Windy, but lovely.  "}
    )
    assert response.status_code == 302
    answer = GoalComment.objects.get(author=alice)
    assert answer.text == "Windy, but lovely." and answer.goal == goal
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert page.index("How did it go?") < page.index("Windy, but lovely.")


def test_an_empty_answer_is_sent_back_kindly(alice_client, alice, coach, make_goal):
    goal = make_goal(alice, status="active")
    services.add_comment(goal=goal, author=coach, text="How did it go?")
    response = alice_client.post(reverse("goals:comment", args=[goal.pk]), {"comment-text": " "})
    assert "Write a few words first." in response.content.decode()
    long = alice_client.post(reverse("goals:comment", args=[goal.pk]), {"comment-text": "a" * 2001})
    assert long.status_code == 200 and GoalComment.objects.count() == 1


def test_another_runner_cannot_write_in_the_thread(client, alice, bob, make_goal):
    goal = make_goal(alice, status="active")
    client.force_login(bob)
    response = client.post(reverse("goals:comment", args=[goal.pk]), {"comment-text": "Hi"})
    assert response.status_code == 404 and not GoalComment.objects.exists()


def test_a_suggestion_shows_on_the_dashboard_and_the_goals_stage(
    alice_client, alice, coach, make_round
):
    round = make_round(alice, stage=Stage.GOALS)
    suggestion_for(alice, coach)
    dashboard = alice_client.get(reverse("dashboard")).content.decode()
    assert "Suggested by your coach" in dashboard and "Run a trail 10k" in dashboard
    assert "You light up on trails." in dashboard
    stage = alice_client.get(reverse("rounds:goals", args=[round.pk])).content.decode()
    assert "Run a trail 10k" in stage and "Add it to my goals" in stage


def test_accepting_makes_a_draft_in_the_round_being_written(alice_client, alice, coach, make_round):
    round = make_round(alice, stage=Stage.GOALS)
    suggestion = suggestion_for(alice, coach, size="big", feeling="scary")
    next_url = reverse("rounds:goals", args=[round.pk])
    response = alice_client.post(
        reverse("goals:suggestion_accept", args=[suggestion.pk]), {"next": next_url}
    )
    assert response["Location"] == next_url
    suggestion.refresh_from_db()
    goal = suggestion.goal
    assert suggestion.status == "accepted" and suggestion.answered_at is not None
    assert (goal.owner, goal.round, goal.status) == (alice, round, Status.DRAFT)
    assert (goal.title, goal.size, goal.feeling) == ("Run a trail 10k", "big", "scary")
    assert goal.why == ""  # the why of a goal is the runner's own words
    assert "Run a trail 10k" in alice_client.get(next_url).content.decode()
    assert "Suggested by your coach" not in alice_client.get(reverse("dashboard")).content.decode()


def test_accepting_with_no_round_being_written_keeps_it_as_a_someday_idea(
    alice_client, alice, coach, make_round
):
    make_round(alice, stage=Stage.STEPS)
    suggestion = suggestion_for(
        alice,
        coach,
        kind="measurable",
        metric="distance",
        period="week",
        target_value=20000,
        target_unit="m",
    )
    alice_client.post(reverse("goals:suggestion_accept", args=[suggestion.pk]))
    goal = alice.goal_set.get()
    assert (goal.round, goal.status, goal.metric, goal.target_value) == (
        None,
        Status.SOMEDAY,
        "distance",
        20000,
    )
    assert "Run a trail 10k" in alice_client.get(reverse("dashboard")).content.decode()


def test_declining_keeps_the_runners_word_and_makes_no_goal(alice_client, alice, coach):
    suggestion = suggestion_for(alice, coach)
    response = alice_client.post(
        reverse("goals:suggestion_decline", args=[suggestion.pk]),
        {f"decline{suggestion.pk}-word": "Trails scare me this year."},
    )
    assert response["Location"] == reverse("dashboard")
    suggestion.refresh_from_db()
    assert suggestion.status == "declined" and suggestion.word == "Trails scare me this year."
    assert not alice.goal_set.exists()
    # Answered once: a second answer changes nothing.
    alice_client.post(reverse("goals:suggestion_accept", args=[suggestion.pk]))
    assert not alice.goal_set.exists()


def test_declining_needs_no_word(alice_client, alice, coach):
    suggestion = suggestion_for(alice, coach)
    alice_client.post(reverse("goals:suggestion_decline", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.status == "declined" and suggestion.word == ""


def test_only_the_runner_answers_their_suggestion(client, alice, bob, coach):
    suggestion = suggestion_for(alice, coach)
    for who in (bob, coach):
        client.force_login(who)
        for name in ("goals:suggestion_accept", "goals:suggestion_decline"):
            assert client.post(reverse(name, args=[suggestion.pk])).status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.is_waiting
