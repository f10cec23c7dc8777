"""The demo runner in a real browser: sees the nudge its runs raised, starts a round from it
with the reason already chosen, and dismisses another (a new training cycle set on the spot)."""

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


def nudge(page, title):
    return page.locator("article.nudge").filter(has=page.get_by_role("heading", name=title))


def test_the_demo_runner_acts_on_its_nudges(page, shoot, travel):
    travel(to=datetime.combine(TODAY, time(10), tzinfo=zoneinfo.ZoneInfo(TIME_ZONE)))
    out = io.StringIO()
    call_command("demo", "--today", TODAY.isoformat(), stdout=out)
    password = re.search(r"password: (\S+)", out.getvalue())[1]
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("demo")
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.goto("/dashboard/")

    expect(
        page.get_by_text("Demo runner: the runs, rounds and goals here are made up")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Time for a fresh round?")).to_be_visible()
    comeback = nudge(page, "Back after a break")
    expect(comeback).to_contain_text("Welcome back: your first run after 20 days off.")
    shoot("nudges-01-dashboard")

    page.get_by_text("Starting a new training cycle?").click()
    page.get_by_label("My new cycle starts on").fill(TODAY.isoformat())
    page.get_by_label("A word about it (optional)").fill("Spring half marathon block")
    shoot("nudges-02-cycle-form")
    page.get_by_role("button", name="Tell Milepost").click()
    cycle = nudge(page, "A new training cycle")
    expect(cycle).to_contain_text("Your new training cycle starts today.")
    shoot("nudges-03-cycle-set")

    cycle.get_by_role("button", name="Dismiss").click()
    expect(page.get_by_text("Dismissed. That one won't come back.")).to_be_visible()
    expect(nudge(page, "A new training cycle")).to_have_count(0)
    expect(comeback).to_be_visible()
    shoot("nudges-04-dismissed")

    comeback.get_by_role("link", name="Start a round").click()
    expect(page).to_have_url(re.compile(r"/rounds/new/\?reason=break$"))
    expect(page.get_by_label("Coming back after a break")).to_be_checked()
    expect(page.get_by_label("A new training cycle (or after a goal race)")).not_to_be_checked()
    shoot("nudges-05-round-with-reason")

    page.goto("/cycles/")
    expect(
        page.get_by_role("listitem").filter(has_text="Spring half marathon block")
    ).to_be_visible()
    shoot("nudges-06-cycles")
