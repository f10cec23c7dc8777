"""Deleting a goal, a note and a round, by keyboard, on a laptop and on a phone: each delete
link sits quietly at the foot of its page (or beside its note), the confirmation page says in
plain words what goes and what stays, and the runner lands back with a message."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from milepost import clock
from milepost.accounts.models import Profile
from milepost.goals.models import CheckIn, Goal, Step
from milepost.reflection.models import Note, Round
from milepost.rounds import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def a_runner_with_a_round_and_a_goal():
    user = Profile.objects.create_runner("rosa", password="hills on thursdays")
    round = Round.objects.create(owner=user, reason="new_cycle")
    Note.objects.create(
        round=round,
        question="places_people",
        text="Running with Sam and the club on Sundays is the best part of my week.",
    )
    Note.objects.create(round=round, question="proud", text="Finishing my first half, in the rain.")
    services.close_brainstorm(round=round)
    round.finish()
    goal = Goal.objects.create(owner=user, round=round, title="Run a 10k", status="active")
    today = clock.now().date()
    for n in range(4):
        Step.objects.create(goal=goal, title=f"{5 + n} km", due=today + timedelta(weeks=n + 1))
    for n in range(2):
        CheckIn.objects.create(goal=goal, day=today - timedelta(days=n), did_it=True)
    Goal.objects.create(owner=user, round=round, title="A trail marathon", status="someday")
    return round, goal


def log_in(page):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("rosa")
    page.locator("#id_password").fill("hills on thursdays")
    page.get_by_role("button", name="Log in").click()


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def follow_by_keyboard(page, name: str) -> None:
    link = page.get_by_role("link", name=name)
    link.focus()
    expect(link).to_be_focused()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("size", SIZES)
def test_a_runner_deletes_a_note_a_goal_and_a_round(page, shoot, size):
    round, goal = a_runner_with_a_round_and_a_goal()
    page.set_viewport_size(SIZES[size])
    log_in(page)

    page.goto(goal.get_absolute_url())
    follow_by_keyboard(page, "Delete this goal…")
    expect(page.get_by_role("heading", name="Delete this goal?")).to_be_visible()
    expect(page.locator(".lead")).to_contain_text(
        "This deletes the goal “Run a 10k” with its 4 steps and 2 check-ins."
    )
    expect(page.get_by_text("Your runs stay")).to_be_visible()
    assert no_sideways_scrolling(page)
    shoot(f"delete-{size}-01-goal")
    page.get_by_role("button", name="Delete the goal").click()
    expect(page.get_by_text("Deleted the goal “Run a 10k”.")).to_be_visible()

    page.goto(f"/rounds/{round.pk}/summary/")
    shoot(f"delete-{size}-02-round-summary")
    follow_by_keyboard(page, "Delete the note “Finishing my first half")
    expect(page.get_by_role("heading", name="Delete this note?")).to_be_visible()
    assert no_sideways_scrolling(page)
    shoot(f"delete-{size}-03-note")
    page.get_by_role("button", name="Delete the note").click()
    expect(page.get_by_text("Deleted your note.")).to_be_visible()
    expect(page.get_by_text("Finishing my first half")).to_have_count(0)

    follow_by_keyboard(page, "Delete this round…")
    expect(page.get_by_role("heading", name="Delete this round?")).to_be_visible()
    expect(page.get_by_text("The goal you wrote in it stays yours")).to_be_visible()
    assert no_sideways_scrolling(page)
    shoot(f"delete-{size}-04-round")
    page.get_by_role("button", name="Delete the round").click()
    expect(page.get_by_text("Deleted your round of")).to_be_visible()
    assert not Round.objects.exists() and not Note.objects.exists()
    assert Goal.objects.get().title == "A trail marathon"  # its goals stay
