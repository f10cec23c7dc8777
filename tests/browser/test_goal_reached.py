"""Reaching a goal in a real browser: Linda marks her waterfront run as done, reads her own
words back, and finds it under "Reached" on her dashboard."""

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from milepost import clock
from milepost.accounts.models import Profile
from milepost.goals.models import Goal, Status
from milepost.reflection.models import Note, Round, Stage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOW = datetime(2026, 6, 13, 16, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.mark.parametrize("width", [1280, 390])
def test_linda_marks_her_goal_reached_and_reads_her_own_words(page, shoot, width):
    user = Profile.objects.create_runner("linda", password="parkrun saturdays")
    user.profile.name = "Linda"
    user.profile.save()
    round = Round.objects.create(owner=user, reason="new_cycle", stage=Stage.DONE)
    Note.objects.create(round=round, question="proud", text="Finishing with my parkrun friends")
    goal = Goal.objects.create(
        owner=user,
        round=round,
        title="Run the Portland waterfront with my sister",
        why="Time with my sister, by the river",
        status=Status.ACTIVE,
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("linda")
    page.locator("#id_password").fill("parkrun saturdays")
    page.get_by_role("button", name="Log in").click()
    page.goto(goal.get_absolute_url())
    page.get_by_role("button", name="I did it").click()
    expect(page.get_by_role("heading", name="You did it!")).to_be_visible()
    reward = page.locator("section.reached")
    expect(reward.get_by_text("Time with my sister, by the river")).to_be_visible()
    expect(reward.get_by_text("Finishing with my parkrun friends")).to_be_visible()
    round_link = page.get_by_role("link", name="Start a \u201cgoal reached\u201d round")
    expect(round_link).to_have_attribute("href", "/rounds/new/?reason=goal_reached")
    shoot(f"goal-reached-{width}")
    page.goto("/dashboard/")
    reached = page.locator("section", has=page.get_by_role("heading", name="Reached"))
    expect(reached.get_by_role("link", name=goal.title)).to_be_visible()
    expect(page.get_by_text("No active goals yet.")).to_be_visible()
    shoot(f"goal-reached-dashboard-{width}")
