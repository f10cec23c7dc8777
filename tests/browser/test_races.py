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
