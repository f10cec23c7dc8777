"""Suggested steps on a goal's page and on a round's steps page: shown from the runner's own
runs, changed and kept as the runner likes, every mistake explained with what they typed kept."""

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse

from milepost import clock
from milepost.goals.models import Status, Step
from milepost.reflection.models import Stage
from milepost.runs.services import record_run

pytestmark = pytest.mark.django_db


def today():
    return clock.now().date()


@pytest.fixture
def running(alice):
    """Six weeks of three runs, the longest 8 km."""
    for week in range(6):
        for day, km in ((1, 5), (3, 6), (6, 8)):
            on = today() - timedelta(weeks=week, days=day)
            record_run(owner=alice, on=on, distance_m=km * 1000, duration_s=km * 360)


@pytest.fixture
def half(alice, make_goal):
    return make_goal(
        alice,
        title="My first half marathon",
        status=Status.ACTIVE,
        kind="measurable",
        metric="race_finish",
        race_distance_m=21097.5,
        horizon="date",
        target_date=today() + timedelta(weeks=20),
    )


def suggestions(page: str, goal) -> dict[str, str]:
    """The suggested steps' fields as the page fills them in: {name: value}."""
    start = page.index(f'action="{reverse("goals:ladder", args=[goal.pk])}"')
    form = page[start : page.index("</form>", start)]
    fields = dict(re.findall(r'name="([^"]+)"[^>]*?value="([^"]*)"', form))
    fields.update({name: "on" for name in re.findall(r'name="([^"]+)"[^>]*checked', form)})
    fields.pop("csrfmiddlewaretoken", None)
    return {name: html.unescape(value) for name, value in fields.items()}


def test_a_goal_page_suggests_long_runs_up_to_race_day(alice_client, running, half):
    page = alice_client.get(half.get_absolute_url()).content.decode()
    assert "Suggested steps from where you are now" in page
    fields = suggestions(page, half)
    titles = [v for k, v in fields.items() if k.endswith("-title")]
    assert titles[0].startswith("A long run of") and titles[-1] == "Race day: the half marathon"
    assert all(fields[k] == "on" for k in fields if k.endswith("-keep"))


def test_kept_steps_are_added_as_changed_and_untouched_ones_left(alice_client, running, half):
    fields = suggestions(alice_client.get(half.get_absolute_url()).content.decode(), half)
    prefix = f"ladder{half.pk}"
    fields[f"{prefix}-0-title"] = "Long run along the canal, 10 km"
    fields[f"{prefix}-0-due"] = (today() + timedelta(days=10)).isoformat()
    del fields[f"{prefix}-1-keep"]  # unticked
    response = alice_client.post(reverse("goals:ladder", args=[half.pk]), fields, follow=True)
    kept = int(fields[f"{prefix}-TOTAL_FORMS"]) - 1
    assert f"Added {kept} steps" in html.unescape(response.content.decode())
    steps = list(half.steps.all())
    assert len(steps) == kept
    assert steps[0].title == "Long run along the canal, 10 km"
    assert steps[0].due == today() + timedelta(days=10)
    assert fields[f"{prefix}-1-title"] not in [s.title for s in steps]
    # what is kept is no longer suggested
    page = alice_client.get(half.get_absolute_url()).content.decode()
    assert "Race day: the half marathon" not in page.split("Suggested steps")[-1]


def test_a_kept_suggestion_is_not_offered_again_even_reworded(alice_client, running, half):
    fields = suggestions(alice_client.get(half.get_absolute_url()).content.decode(), half)
    prefix = f"ladder{half.pk}"
    first_due = fields[f"{prefix}-0-due"]
    fields[f"{prefix}-0-title"] = "Long run along the CANAL"
    fields[f"{prefix}-1-title"] = fields[f"{prefix}-1-title"].upper()
    alice_client.post(reverse("goals:ladder", args=[half.pk]), fields)
    page = alice_client.get(half.get_absolute_url()).content.decode()
    assert "Suggested steps" not in page  # all five kept: nothing offered again, ticked
    assert page.count(f'datetime="{first_due}"') == 1  # the kept step, once


def test_a_mistake_is_explained_nothing_is_added_and_the_typing_is_kept(
    alice_client, running, half
):
    fields = suggestions(alice_client.get(half.get_absolute_url()).content.decode(), half)
    prefix = f"ladder{half.pk}"
    fields[f"{prefix}-0-title"] = "   "
    fields[f"{prefix}-1-title"] = "Hills with Sam"
    fields[f"{prefix}-2-due"] = "next Tuesday"
    response = alice_client.post(reverse("goals:ladder", args=[half.pk]), fields)
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Give the step a few words, or untick it." in page
    assert "Enter a date, like 2027-03-01." in page
    assert 'value="Hills with Sam"' in page and 'value="next Tuesday"' in page
    assert not Step.objects.exists()  # one form, one transaction


def test_keeping_none_is_explained(alice_client, running, half):
    fields = suggestions(alice_client.get(half.get_absolute_url()).content.decode(), half)
    fields = {k: v for k, v in fields.items() if not k.endswith("-keep")}
    response = alice_client.post(reverse("goals:ladder", args=[half.pk]), fields)
    assert "Tick at least one step to add" in response.content.decode()
    assert not Step.objects.exists()


def test_a_broken_form_is_a_clear_error_not_a_crash(alice_client, half):
    response = alice_client.post(reverse("goals:ladder", args=[half.pk]), {"junk": "1"})
    assert response.status_code == 200
    assert not Step.objects.exists()


def test_no_suggestions_for_an_experience_or_without_any_running(
    alice_client, alice, half, make_goal
):
    assert "Suggested steps" not in alice_client.get(half.get_absolute_url()).content.decode()
    experience = make_goal(alice, title="Run the coast path", status=Status.ACTIVE)
    record_run(owner=alice, on=today(), distance_m=5000, duration_s=1800)
    assert "Suggested steps" not in alice_client.get(experience.get_absolute_url()).content.decode()


def test_the_rounds_steps_page_suggests_steps_and_comes_back_to_itself(
    alice_client, alice, running, half, make_round
):
    round = make_round(alice, stage=Stage.STEPS)
    half.round = round
    half.save()
    steps_page = reverse("rounds:steps", args=[round.pk])
    page = alice_client.get(steps_page).content.decode()
    fields = suggestions(page, half)
    fields["next"] = steps_page
    response = alice_client.post(reverse("goals:ladder", args=[half.pk]), fields)
    assert response["Location"] == steps_page
    assert half.steps.count() == int(fields[f"ladder{half.pk}-TOTAL_FORMS"])


def test_another_runners_goal_takes_no_steps(client, bob, running, half):
    client.force_login(bob)
    response = client.post(reverse("goals:ladder", args=[half.pk]), {})
    assert response.status_code == 404
    assert not Step.objects.exists()
