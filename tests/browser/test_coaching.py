"""Coaching in a real browser: Alice invites her coach Cora and picks what to share, Cora
reads it from her roster, Alice widens and then stops the sharing, and Cora's pages empty at
once."""

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from milepost import clock
from milepost.accounts.models import Profile
from milepost.goals.models import Goal, Status, Step
from milepost.reflection.models import Note, Round, Stage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOW = datetime(2026, 6, 13, 16, tzinfo=UTC)
ALICE_NOTE = "Running is the hour that is only mine"


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


def runner(username, name, password):
    user = Profile.objects.create_runner(username, f"{username}@example.org", password)
    user.profile.name = name
    user.profile.save()
    return user


def log_in(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()


@pytest.fixture
def alice_and_cora(browser, live_server, page):
    alice = runner("alice", "Alice", "alice runs 2026")
    cora = runner("cora", "Cora", "cora coaches 2026")
    round = Round.objects.create(owner=alice, reason="new_cycle", stage=Stage.DONE)
    Note.objects.create(round=round, question="beyond_running", text=ALICE_NOTE)
    goal = Goal.objects.create(
        owner=alice, round=round, title="Run the canal path to Hebden", status=Status.ACTIVE
    )
    Step.objects.create(goal=goal, title="Run 8 km on the towpath", due="2026-06-10")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1000, "height": 900})
    coach_page = context.new_page()
    coach_page.set_default_timeout(15_000)
    yield alice, cora, round, goal, coach_page
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_invite_share_widen_and_revoke(page, shoot, alice_and_cora, width):
    alice, cora, round, goal, coach_page = alice_and_cora
    for each in (page, coach_page):
        each.set_viewport_size({"width": width, "height": 900})
    log_in(page, "alice", "alice runs 2026")
    page.goto("/dashboard/")
    if width < 600:  # the links fold into a menu on a phone
        page.get_by_text("Menu").click()
    page.get_by_role("link", name="Coaching").click()
    expect(page.get_by_role("heading", name="Sharing with a coach")).to_be_visible()
    page.get_by_label("Goals: goals, steps, progress, check-ins and pauses").check()
    page.get_by_role("button", name="Make the link").click()
    message = page.get_by_role("status").inner_text()
    link = re.search(r"/coaching/join/[\w-]+/", message).group(0)
    shoot(f"coaching-invite-{width}")

    log_in(coach_page, "cora", "cora coaches 2026")
    coach_page.goto(link)
    expect(
        coach_page.get_by_role("heading", name="Alice would like you as their coach")
    ).to_be_visible()
    coach_page.get_by_role("button", name="Accept and coach Alice").click()
    expect(coach_page.get_by_role("heading", name="Alice", exact=True)).to_be_visible()
    expect(coach_page.get_by_role("link", name=goal.title)).to_be_visible()
    expect(coach_page.get_by_text(ALICE_NOTE)).to_have_count(0)
    expect(coach_page.get_by_role("heading", name="Rounds")).to_have_count(0)
    coach_page.goto("/coach/")
    expect(coach_page.get_by_role("link", name="Alice")).to_be_visible()
    expect(coach_page.get_by_text("Run 8 km on the towpath")).to_be_visible()  # a step overdue

    page.goto("/coaching/")
    expect(page.get_by_text("Your coach can see:")).to_be_visible()
    shared = page.get_by_role("region", name="Cora")
    shared.get_by_label("Reflections: the notes and themes of your rounds").check()
    shared.get_by_role("button", name="Save what I share").click()
    expect(page.get_by_text("Cora sees only that, from now on.")).to_be_visible()
    shoot(f"coaching-sharing-{width}")

    coach_page.goto(f"/coach/clients/{alice.pk}/rounds/{round.pk}/")
    expect(coach_page.get_by_text(ALICE_NOTE)).to_be_visible()

    page.get_by_role("button", name="Stop sharing").click()
    expect(page.get_by_text("You no longer share anything with Cora.")).to_be_visible()
    coach_page.goto("/coach/")
    expect(coach_page.get_by_text("No one shares anything with you yet.")).to_be_visible()
    response = coach_page.goto(f"/coach/clients/{alice.pk}/rounds/{round.pk}/")
    assert response.status == 404
    response = coach_page.goto(f"/coach/clients/{alice.pk}/")
    assert response.status == 404
