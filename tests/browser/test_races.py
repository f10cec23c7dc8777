"""Mark, back from a half marathon: the imported run is offered as a race, he says yes, and it
counts as one; an easy run at a race distance is never asked about."""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from milepost.accounts.models import Profile
from milepost.runs.models import Activity
from milepost.runs.tests.helpers import make_run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_an_imported_half_marathon_is_offered_as_a_race(page, shoot, width):
    mark = Profile.objects.create_runner("mark", password="boston or bust 47")
    race_day = datetime(2026, 4, 26, 8, tzinfo=UTC)
    for n in range(1, 9):  # his usual: 8 km in 44 minutes, 5:30 a km
        make_run(mark, race_day - timedelta(days=3 * n), 8000, 44)
    half = make_run(mark, race_day, 21300, 98, name="Riverside Half Marathon")
    easy = make_run(mark, race_day + timedelta(days=2), 10050, 58, name="Recovery 10")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("mark")
    page.locator("#id_password").fill("boston or bust 47")
    page.get_by_role("button", name="Log in").click()

    page.goto(half.get_absolute_url())
    expect(page.get_by_role("heading", name="Was this a race?")).to_be_visible()
    shoot(f"race-question-{width}")
    page.get_by_role("button", name="Yes, a race").click()
    expect(page.locator(".messages")).to_contain_text("was a race")
    expect(page.get_by_role("heading", name="Was this a race?")).to_have_count(0)
    expect(page.locator(".lead .tag", has_text="Race")).to_be_visible()
    assert Activity.objects.get(pk=half.pk).is_race

    page.goto(easy.get_absolute_url())
    expect(page.get_by_role("heading", name="Recovery 10")).to_be_visible()
    expect(page.get_by_role("heading", name="Was this a race?")).to_have_count(0)


@pytest.mark.parametrize("width", [1280, 390])
def test_marks_marathon_goal_shows_where_he_stands_and_boston(page, shoot, width, travel):
    from milepost import clock
    from milepost.goals.models import Goal

    travel(to=datetime(2026, 5, 4, 18, tzinfo=UTC))
    mark = Profile.objects.create_runner("mark", password="boston or bust 47")
    mark.profile.birth_year, mark.profile.category = 1979, "men"
    mark.profile.save()
    today = clock.now()
    for n in range(1, 25):  # 50 km weeks: 8 km most days, a long run on Sundays
        make_run(
            mark, today - timedelta(days=n), 18000 if n % 7 == 0 else 8000, 90 if n % 7 == 0 else 42
        )
    make_run(mark, today - timedelta(days=9), 21100, 96, name="Spring Half Marathon", is_race=True)
    goal = Goal.objects.create(
        owner=mark,
        title="Marathon under 3:15",
        kind="measurable",
        metric="race_time",
        race_distance_m=42195,
        target_value=3 * 3600 + 15 * 60,
        target_unit="s",
        horizon="date",
        target_date=(today + timedelta(weeks=20)).date(),
        status="active",
        themes=["numbers"],
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("mark")
    page.locator("#id_password").fill("boston or bust 47")
    page.get_by_role("button", name="Log in").click()

    card = page.locator("article", has_text="Marathon under 3:15").first
    expect(card).to_contain_text("Your recent runs point to about")
    expect(card.locator(".verdict-reasons")).to_have_count(0)  # one sentence here
    shoot(f"mark-dashboard-{width}")
    page.goto(goal.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Boston")
    expect(page.locator("main")).to_contain_text("qualifying standard for men aged 47")
    expect(page.locator("main")).not_to_contain_text("ovice")
    shoot(f"mark-marathon-goal-{width}")
