"""A group round with two members, one who shares and one who does not: the coach makes the
group and starts the round, the members join by the link and reflect, and each sees only what
was shared. Screenshots at 1280 and 390 pixels wide."""

from datetime import timedelta

import pytest

from milepost import clock
from milepost.accounts.models import Profile

pytestmark = pytest.mark.django_db(transaction=True)

WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def log_in(page, username, password):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_group_round_where_one_member_shares_and_one_does_not(page, shoot):
    for name, password in [("cora", "coach cora 2026"), ("alice", "alice runs 42")]:
        user = Profile.objects.create_runner(name, f"{name}@example.org", password)
        user.profile.name = name.title()
        user.profile.save()
    Profile.objects.create_runner("bob", "bob@example.org", "bob runs 42")

    log_in(page, "cora", "coach cora 2026")
    page.goto("/coach/groups/")
    page.get_by_label("The group's name").fill("Spring 10K")
    page.get_by_role("button", name="Start the group").click()
    page.get_by_label("Your own questions (optional)").fill("Who do you want at the finish line?")
    page.get_by_label("Reflect by").fill(str(clock.now().date() + timedelta(days=7)))
    page.get_by_role("button", name="Start the group round").click()
    join_url = page.locator("#join-link").inner_text()
    group_url = page.url

    for username, password in [("alice", "alice runs 42"), ("bob", "bob runs 42")]:
        log_in(page, username, password)
        page.goto(join_url)
        if username == "alice":
            page.set_viewport_size(PHONE)
            shoot("groups-join-390")
            page.set_viewport_size(WIDE)
        page.get_by_role("button", name="Join the group").click()
        page.get_by_role("button", name="Start my round").click()
        coach_question = page.locator("section.from-coach")
        coach_question.get_by_label("Add a note").fill(f"{username.upper()}-NOTE my sister")
        coach_question.get_by_role("button", name="Add note").click()
        note = coach_question.locator("li.note")
        note.wait_for()
        if username == "alice":
            note.get_by_label("Who can read this note?").select_option("group")
            note.get_by_role("button", name="Save").click()
            page.locator(".message").wait_for()
            shoot("groups-brainstorm-1280")
            page.set_viewport_size(PHONE)
            page.locator("section.from-coach").scroll_into_view_if_needed()
            shoot("groups-brainstorm-390")
            page.set_viewport_size(WIDE)

    # bob sees alice's shared note; alice sees nothing of bob's
    member_page = group_url.replace("/coach/groups/", "/groups/")
    page.goto(member_page)
    assert "ALICE-NOTE my sister" in page.content()
    shoot("groups-member-1280")
    page.set_viewport_size(PHONE)
    shoot("groups-member-390")
    page.set_viewport_size(WIDE)
    log_in(page, "alice", "alice runs 42")
    page.goto(member_page)
    assert "BOB-NOTE" not in page.content()

    log_in(page, "cora", "coach cora 2026")
    page.goto(group_url)
    body = page.content()
    assert "ALICE-NOTE my sister" in body and "BOB-NOTE" not in body
    shoot("groups-coach-1280")
    page.set_viewport_size(PHONE)
    shoot("groups-coach-390")
