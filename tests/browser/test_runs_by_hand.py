"""Linda, no watch: a parkrun added by hand, run all without walking, corrected the next day,
and her running at a glance, on a laptop and on a phone."""

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from milepost import clock
from milepost.accounts.models import Profile
from milepost.runs.models import Activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOW = datetime(2026, 3, 9, 18, tzinfo=UTC)  # a Monday


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.mark.parametrize("width", [1280, 390])
def test_linda_adds_a_parkrun_by_hand_corrects_it_and_sees_her_running(page, shoot, width):
    Profile.objects.create_runner("linda", password="saturday parkrun 54")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("linda")
    page.locator("#id_password").fill("saturday parkrun 54")
    page.get_by_role("button", name="Log in").click()

    page.goto("/runs/new/")
    page.locator("#id_on").fill("2026-03-06")
    page.locator("#id_distance").fill("parkrun")
    page.locator("#id_time").fill("34:10")
    page.get_by_label("I ran it all without walking").check()
    shoot(f"runs-by-hand-new-{width}")
    page.get_by_role("button", name="Add this run").click()
    expect(page.get_by_text("Longest stretch without walking", exact=True)).to_be_visible()
    run = Activity.objects.get()
    assert run.longest_continuous_run_m == 5000

    page.locator("#id_on").fill("2026-03-07")  # it was Saturday, of course
    page.get_by_label("Name (optional)").fill("Saturday parkrun")
    shoot(f"runs-by-hand-edit-{width}")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Saturday parkrun")).to_be_visible()
    run.refresh_from_db()
    assert str(run.local_date) == "2026-03-07" and run.distance_m == 5000

    if width < 600:  # on a phone the links are behind the menu
        page.locator("summary", has_text="Menu").click()
    page.get_by_role("link", name="At a glance").click()
    expect(page.get_by_role("heading", name="Your running at a glance")).to_be_visible()
    expect(page.get_by_text("Saturday 7 March: ran 5 km")).to_be_attached()
    expect(page.get_by_text("March 2026: 1 day run")).to_be_visible()
    shoot(f"runs-glance-{width}")
