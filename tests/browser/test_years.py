"""The demo runner's rounds across the years in a real browser: side by side on a wide screen,
stacked cards on a phone, with what changed in words."""

import io
import re
import zoneinfo
from datetime import date, datetime, time

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from milepost.demo import TIME_ZONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = date(2026, 3, 5)


def test_the_demo_runners_rounds_across_the_years(page, shoot, travel):
    travel(to=datetime.combine(TODAY, time(10), tzinfo=zoneinfo.ZoneInfo(TIME_ZONE)))
    out = io.StringIO()
    call_command("demo", "--today", TODAY.isoformat(), stdout=out)
    password = re.search(r"password: (\S+)", out.getvalue())[1]
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("demo")
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.goto("/dashboard/")
    page.get_by_role("link", name="Your rounds side by side, across the years").click()

    expect(page.get_by_role("heading", name="Your rounds across the years")).to_be_visible()
    expect(page.get_by_text("Competing has not come back since 2023.")).to_be_visible()
    cards = page.locator(".years-round")
    expect(cards).to_have_count(3)
    page.set_viewport_size({"width": 1280, "height": 900})
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert second["x"] > first["x"] and abs(second["y"] - first["y"]) < 2  # side by side
    shoot("years-01-wide")

    page.set_viewport_size({"width": 390, "height": 844})
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert second["y"] > first["y"] + first["height"] - 1  # stacked
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot("years-02-phone")

    # A new round: what was written last time comes only after the first note, folded away.
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto("/rounds/new/")
    page.get_by_label("Coming back after a break").check()
    page.get_by_role("button", name="Start reflecting").click()
    drive = page.locator("#q-drive")
    expect(drive.get_by_text("What you wrote last time")).to_have_count(0)
    drive.get_by_label("Add a note").fill("How my legs feel, these days.")
    drive.get_by_role("button", name="Add note").click()
    expect(drive.locator(".notes .note").first).to_contain_text("How my legs feel")
    summary = drive.get_by_text("What you wrote last time (November 2025)")
    expect(summary).to_be_visible()
    expect(drive.get_by_text("I like watching my weekly kilometres add up")).to_be_hidden()
    summary.click()
    expect(drive.get_by_text("I like watching my weekly kilometres add up")).to_be_visible()
    shoot("years-03-last-time")
