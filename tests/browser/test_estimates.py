"""The pace calculator and the feasibility verdicts, in a real browser."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from milepost import clock
from milepost.accounts.models import Profile
from milepost.goals.models import Goal
from milepost.reflection.models import Round, RoundTheme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_pace_calculator_in_miles(page, shoot):
    page.goto("/tools/pace/")
    page.get_by_label("Distance").fill("half")
    page.get_by_label("Time").fill("1:58:34")
    page.get_by_label("Miles").check()
    page.get_by_label("Age", exact=False).first.fill("55")
    page.get_by_label("Category for age grading").select_option("men")
    page.get_by_role("button", name="Calculate").click()
    result = page.locator("#result")
    expect(result).to_contain_text("13.11 mi in 1:58:34")
    expect(result).to_contain_text("9:03/mi")
    expect(result).to_contain_text("Age grade")
    shoot("20-pace-calculator")
    page.get_by_label("Time").fill("soon")
    page.get_by_role("button", name="Calculate").click()
    expect(page.locator(".errorlist")).to_contain_text("as a time")
    expect(page.get_by_label("Time")).to_have_value("soon")


def test_a_runner_tells_their_running_lately_and_sees_a_verdict(page, shoot, django_user_model):
    user = Profile.objects.create_runner("sam", password="tempo tuesday 7")
    round = Round.objects.create(owner=user, reason="new_cycle", stage="goals")
    RoundTheme.objects.create(round=round, key="big_dream", status="confirmed")
    Goal.objects.create(
        owner=user,
        round=round,
        title="My first marathon",
        kind="measurable",
        metric="race_finish",
        race_distance_m=42195,
        horizon="date",
        target_date=clock.now().date() + timedelta(days=70),
        themes=["big_dream"],
    )
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("sam")
    page.locator("#id_password").fill("tempo tuesday 7")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/rounds/{round.pk}/goals/")
    expect(page.locator(".verdict")).to_contain_text("How does it look?")
    page.get_by_role("link", name="Tell us about your running lately").click()
    page.get_by_label("Recent race or timed run: distance").fill("10k")
    page.get_by_label("Its time").fill("55:10")
    page.get_by_label("Its date").fill((clock.now().date() - timedelta(days=20)).isoformat())
    page.get_by_label("A typical week: how far").fill("20 km")
    page.get_by_label("A typical week: how many runs").fill("3")
    page.get_by_label("Longest run of the last month").fill("12 km")
    shoot("21-running-lately")
    page.get_by_role("button", name="Save").click()
    verdict = page.locator(".verdict")
    expect(verdict).to_contain_text("Better a little later")
    expect(verdict).to_contain_text("would be realistic")
    shoot("22-goal-verdict")
    page.get_by_role("link", name="How we estimate").first.click()
    expect(page.get_by_role("heading", name="How we estimate")).to_be_visible()
