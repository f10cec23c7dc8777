"""Starting a round while one is open: the open one is shown, to carry on or close as it is."""

import pytest
from playwright.sync_api import expect

from milepost.accounts.models import Profile
from milepost.reflection.models import Note, Round, Stage

from .test_themes import shoot_both

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_open_round_is_shown_and_closed_as_it_is(page):
    user = Profile.objects.create_runner("linda", password="parkrun friends 54")
    old = Round.objects.create(owner=user, reason="break", stage=Stage.GOALS)
    Note.objects.create(round=old, question="journey", text="Coming back after six weeks off.")
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("linda")
    page.locator("#id_password").fill("parkrun friends 54")
    page.get_by_role("button", name="Log in").click()

    expect(page.locator("main")).to_contain_text("Your round is at the Goals step.")
    shoot_both(page, "dashboard-round-under-way")
    page.goto("/rounds/new/")  # "Start a round", as the menu has it
    expect(page.get_by_role("heading", name="Your round is under way")).to_be_visible()
    shoot_both(page, "round-new-with-open-round")
    page.get_by_role("button", name="Close this round as it is").click()
    expect(page.locator(".messages")).to_contain_text("That round is closed")
    expect(page.get_by_role("heading", name="Your round is under way")).to_have_count(0)
    page.get_by_label("Coming back after a break").check()
    page.get_by_role("button", name="Start reflecting").click()
    expect(page.get_by_role("heading", name="Reflect: write everything down")).to_be_visible()

    page.goto("/dashboard/")
    expect(page.locator("main")).to_contain_text("Your round is at the Reflect step.")
    expect(page.get_by_role("link", name=old.__str__())).to_be_visible()  # under Past rounds
    old.refresh_from_db()
    assert old.stage == Stage.DONE and old.notes.count() == 1


def test_enter_in_a_goals_title_adds_nothing_until_the_runner_adds_it(page):
    from milepost.goals.models import Goal

    user = Profile.objects.create_runner("mark", password="boston or bust 47")
    round = Round.objects.create(owner=user, reason="new_cycle", stage=Stage.GOALS)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("mark")
    page.locator("#id_password").fill("boston or bust 47")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/rounds/{round.pk}/goals/")
    title = page.get_by_label("Your goal", exact=False).first
    title.fill("Marathon under 3:15")
    title.press("Enter")
    page.wait_for_timeout(500)  # had Enter sent the form, the page would be reloading now
    assert Goal.objects.count() == 0
    expect(title).to_have_value("Marathon under 3:15")
    page.get_by_role("button", name="Add this goal").click()
    expect(page.locator(".messages")).to_contain_text("Added")
    assert Goal.objects.get().title == "Marathon under 3:15"
