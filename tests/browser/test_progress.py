"""Following goals from real runs in a real browser: the progress bar and the weekly chart on
the dashboard, a goal's chart, pausing and resuming, a check-in on an experience, and how a
run felt."""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from milepost import clock
from milepost.accounts.models import Profile
from milepost.goals.models import CheckIn, Goal, Status
from milepost.runs.models import Activity, recompute_totals

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A Thursday, so this week already holds runs and still has days to go.
NOW = datetime(2026, 3, 5, 18, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


def a_runner_with_some_runs(django_user_model):
    user = Profile.objects.create_runner("rosa", password="hills on thursdays")
    user.profile.name = "Rosa"
    user.profile.save()
    runs = []
    for weeks_ago, days, km in [
        (0, (0, 2), (6, 8)),
        (1, (0, 2, 5), (6, 7, 12)),
        (2, (1, 5), (5, 10)),
        (3, (0, 2, 6), (5, 5, 9)),
        (5, (1, 6), (6, 11)),
        (7, (2,), (8,)),
        (9, (0, 4), (5, 9)),
    ]:
        monday = NOW.date() - timedelta(days=NOW.weekday(), weeks=weeks_ago)
        for day, distance in zip(days, km, strict=True):
            on = monday + timedelta(days=day)
            start = datetime(on.year, on.month, on.day, 7, tzinfo=UTC)
            runs.append(
                Activity.objects.create(
                    owner=user,
                    start=start,
                    distance_m=distance * 1000,
                    elapsed_s=distance * 370,
                    moving_s=distance * 360,
                    name=f"{distance} km by the river",
                )
            )
    recompute_totals(user.pk, [run.local_date for run in runs])
    started = NOW - timedelta(days=40)
    weekly = Goal.objects.create(
        owner=user,
        title="Run 25 km a week",
        kind="measurable",
        metric="distance",
        period="week",
        target_value=25000,
        target_unit="m",
        status=Status.ACTIVE,
        themes=["consistency"],
        created_at=started,
    )
    coast = Goal.objects.create(
        owner=user,
        title="Run the coast path with Jo",
        kind="experiential",
        status=Status.ACTIVE,
        themes=["social", "places"],
        created_at=started,
    )
    return user, weekly, coast, runs


def log_in(page):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("rosa")
    page.locator("#id_password").fill("hills on thursdays")
    page.get_by_role("button", name="Log in").click()


def test_a_runner_follows_pauses_resumes_and_checks_in(page, shoot, django_user_model):
    user, weekly, coast, runs = a_runner_with_some_runs(django_user_model)
    log_in(page)

    expect(page.get_by_role("heading", name="Active goals")).to_be_visible()
    bar = page.get_by_role("progressbar", name="Progress toward Run 25 km a week")
    expect(bar).to_have_attribute("value", "56")  # 14 km of 25 km
    card = page.locator("article.goal", has_text="Run 25 km a week")
    expect(card).to_contain_text("14 km of 25 km so far this week, right on track")
    expect(card).to_contain_text("11 km to go this week")
    chart = page.get_by_role("img", name="Your weekly distance, last 16 weeks")
    expect(chart).to_be_visible()
    expect(chart.locator("rect.bar")).to_have_count(10)  # the weeks since the first run
    expect(chart.locator("line.reference")).to_have_count(1)
    page.get_by_text("The numbers").click()
    expect(page.locator(".chart-table")).to_contain_text("Your average: 10.9 km")
    shoot("progress-01-dashboard")

    page.get_by_role("link", name="Run 25 km a week").first.click()
    expect(page.get_by_role("heading", name="Run 25 km a week", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Run 25 km a week: week by week")).to_be_visible()
    shoot("progress-02-goal")

    page.get_by_text("Need a break from this goal?").click()
    page.get_by_role("button", name="Pause this goal").click()
    expect(page.locator(".pause-box")).to_contain_text("Choose why")
    page.get_by_label("Injury").check()
    page.get_by_label("A note for yourself (optional)").fill("Sore achilles, physio on Monday")
    shoot("progress-03-pause-form")
    page.get_by_role("button", name="Pause this goal").click()
    expect(page.get_by_role("heading", name="Paused, with everything kept")).to_be_visible()
    expect(page.locator(".progress")).to_contain_text("Paused: nothing is judged")
    expect(page.locator(".progress")).not_to_contain_text("on track")
    shoot("progress-04-paused-goal")

    page.get_by_role("link", name="My goals").click()
    paused = page.locator("section", has=page.get_by_role("heading", name="Paused goals"))
    expect(paused).to_contain_text("Run 25 km a week")
    expect(paused).to_contain_text("since 5 March 2026: injury. Sore achilles, physio on Monday")
    shoot("progress-05-dashboard-paused")

    paused.get_by_role("link", name="Run 25 km a week").click()
    page.get_by_role("button", name="Resume this goal").click()
    expect(page.get_by_role("status")).to_contain_text("Welcome back")
    expect(page.locator(".goal-history")).to_contain_text("(injury: Sore achilles")
    expect(page.locator(".goal-history")).to_contain_text("resumed 5 March 2026")
    weekly.refresh_from_db()
    assert weekly.status == Status.ACTIVE
    shoot("progress-06-resumed")

    page.get_by_role("link", name="My goals").click()
    page.get_by_role("link", name="Run the coast path with Jo").click()
    form = page.locator("form.check-in-form")
    form.get_by_label("Yes").check()
    form.get_by_label("Good").check()
    form.get_by_label("A note (optional)").fill("Jo set the pace; we stopped for ice cream")
    form.get_by_role("button", name="Add this check-in").click()
    expect(page.locator(".check-ins")).to_contain_text("it happened, felt good")
    expect(page.locator(".check-ins")).to_contain_text("we stopped for ice cream")
    shoot("progress-07-check-in")
    assert CheckIn.objects.get().feeling == 4

    page.goto(runs[0].get_absolute_url())
    page.get_by_label("Great").check()
    page.get_by_role("button", name="Record how it felt").click()
    expect(page.get_by_role("status")).to_contain_text("Saved how it felt: Great.")
    shoot("progress-08-run-feeling")
    runs[0].refresh_from_db()
    assert runs[0].feeling == 5


def test_a_runner_takes_the_suggested_steps_in_their_own_words(page, shoot, django_user_model):
    user, *_ = a_runner_with_some_runs(django_user_model)
    half = Goal.objects.create(
        owner=user,
        title="My first half marathon",
        kind="measurable",
        metric="race_finish",
        race_distance_m=21097.5,
        horizon="date",
        target_date=NOW.date() + timedelta(weeks=20),
        status=Status.ACTIVE,
        created_at=NOW - timedelta(days=3),
    )
    log_in(page)
    page.goto(half.get_absolute_url())
    ladder = page.locator("details.ladder")
    expect(ladder).to_have_attribute("open", "")  # no steps yet: the suggestions are open
    expect(page.get_by_label("Step 1", exact=True)).to_have_value("A long run of 13 km")  # 12 now
    last = ladder.locator("li.ladder-step").last
    expect(last.locator("input[type=text]")).to_have_value("Race day: the half marathon")
    page.get_by_label("Step 1", exact=True).fill("")
    page.get_by_role("button", name="Add the ticked steps").click()
    expect(page.locator("details.ladder")).to_contain_text("Give the step a few words")
    page.get_by_label("Step 1", exact=True).fill("Long run to the lighthouse")
    page.get_by_label("Keep step 2").uncheck()
    suggested = ladder.locator("li.ladder-step").count()
    shoot("progress-09-suggested-steps")
    page.get_by_role("button", name="Add the ticked steps").click()
    expect(page.get_by_role("status")).to_contain_text("Added")
    steps = page.locator("ol.steps")
    expect(steps).to_contain_text("Long run to the lighthouse")
    expect(steps).to_contain_text("Race day: the half marathon")
    shoot("progress-10-steps-added")
    assert half.steps.count() == suggested - 1


def test_the_charts_print(page, django_user_model):
    a_runner_with_some_runs(django_user_model)
    log_in(page)
    expect(page.get_by_role("heading", name="Active goals")).to_be_visible()
    page.emulate_media(media="print")
    chart = page.locator(".chart-svg")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box["width"] > 500 and box["height"] > 200
    expect(page.locator(".chart-numbers")).to_be_hidden()
    expect(page.locator(".progress-bar").first).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
