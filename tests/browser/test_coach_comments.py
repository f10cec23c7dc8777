"""Alice and her coach Cora: a message on her goal she answers on the goal page, and a goal
Cora suggests that Alice takes into her list from the dashboard, on a laptop and a phone."""

import pytest
from playwright.sync_api import expect

from milepost.accounts.models import Profile
from milepost.coaching import services
from milepost.goals import services as goal_services
from milepost.goals.models import Goal, GoalSuggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def alice_and_cora():
    alice = Profile.objects.create_runner("alice", "alice@example.org", "correct horse 42")
    cora = Profile.objects.create_runner("cora", "cora@example.org", "coach cora 2026")
    for user, name in ((alice, "Alice"), (cora, "Cora")):
        user.profile.name = name
        user.profile.save()
    services.grant(runner=alice, coach=cora, scopes=["goals"])
    goal = Goal.objects.create(
        owner=alice, title="Run to the lighthouse with Sam", status="active", themes=["social"]
    )
    goal_services.add_comment(
        goal=goal, author=cora, text="How did the first lighthouse run feel? Any niggles?"
    )
    goal_services.suggest_goal(
        coach=cora,
        runner=alice,
        suggestion=GoalSuggestion(
            title="Run a trail 10k", feeling="scary", why="You light up every time you run trails."
        ),
    )
    return alice, goal


@pytest.mark.parametrize("size", SIZES)
def test_alice_answers_her_coach_and_takes_a_suggestion(page, shoot, size):
    alice, goal = alice_and_cora()
    page.set_viewport_size(SIZES[size])
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.locator("#id_password").fill("correct horse 42")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", name="Suggested by your coach")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    shoot(f"coach-{size}-01-dashboard-suggestion")

    page.goto(goal.get_absolute_url())
    expect(page.get_by_role("heading", name="With your coach")).to_be_visible()
    page.get_by_label("Your message").fill("Felt great, a bit windy. No niggles!")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text("Felt great, a bit windy.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.get_by_role("heading", name="With your coach").scroll_into_view_if_needed()
    shoot(f"coach-{size}-02-goal-thread")

    page.goto("/dashboard/")
    page.get_by_role("button", name="Add it to my goals").click()
    expect(page.get_by_text("It's yours: change it as you like.")).to_be_visible()
    assert alice.goal_set.filter(title="Run a trail 10k", status="someday").exists()
