"""The whole exercise in a real browser: sign up, reflect, themes, goals, rest, settle,
purpose check, steps, dashboard."""

import re

import pytest
from playwright.sync_api import expect

from milepost.accounts.models import Profile
from milepost.goals.models import Goal
from milepost.reflection.models import Round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTES = [
    ("drive", "I check my watch stats before coffee and love seeing my pace drop."),
    ("drive", "Strava graphs are half the fun."),
    ("places_people", "I'd love to run along the coast path with my sister Jo."),
    ("competition", "I get a buzz from racing and chasing people down in the last mile."),
    ("beyond_running", "Running keeps my head clear when work gets stressful."),
    ("life_fit", "With two kids I only have about four hours a week."),
    ("big_dream", "One day I want to run the Berlin marathon."),
]

GOALS = [
    # title, size, horizon, feeling, kind, measure
    ("Run the coast path with Jo", "medium", "soon", "doable", "experiential", None),
    ("Berlin marathon", "big", "later", "scary", "measurable", ("race_finish", "marathon", "")),
    ("Run 20 km a week", "small", "soon", "doable", "measurable", ("distance", "week", "20 km")),
    (
        "Parkrun under 25 minutes",
        "medium",
        "soon",
        "scary",
        "measurable",
        ("race_time", "5k", "24:59"),
    ),
]


def add_goal(page, title, size, horizon, feeling, kind, measure):
    form = page.locator("#add form")
    form.get_by_label("Your goal").fill(title)
    form.locator(f"input[name=size][value={size}]").check()
    form.locator(f"input[name=horizon][value={horizon}]").check()
    form.locator(f"input[name=feeling][value={feeling}]").check()
    form.locator("input[name=themes]").first.check()
    form.locator(f"input[name=kind][value={kind}]").check()
    if measure:
        metric, extra, target = measure
        form.get_by_label("Metric").select_option(metric)
        if metric == "distance":
            form.get_by_label("Period").select_option(extra)
        else:
            form.get_by_label("Race distance").select_option(extra)
        if target:
            form.locator("#id_target").fill(target)
    form.get_by_role("button", name="Add this goal").click()
    expect(page.get_by_role("heading", name=title, level=3)).to_be_visible()


def test_a_runner_walks_the_whole_exercise(page, shoot, travel):
    page.goto("/")
    shoot("01-home")
    page.get_by_role("link", name="Create your account").click()
    page.get_by_label("Username").fill("maria")
    page.locator("#id_password1").fill("coast path 2027")
    page.locator("#id_password2").fill("coast path 2027")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="About you")).to_be_visible()
    page.get_by_label("Your name").fill("María")
    page.get_by_label("Miles").check()
    page.get_by_label("Time for running each week").fill("4 hours")
    shoot("02-profile")
    page.get_by_role("button", name="Save", exact=True).click()

    page.get_by_role("link", name="Start a round").first.click()
    page.get_by_label("A new training cycle (or after a goal race)").check()
    shoot("03-start-round")
    page.get_by_role("button", name="Start reflecting").click()

    expect(page.get_by_role("heading", name="Reflect: write everything down")).to_be_visible()
    for question, text in NOTES:
        box = page.locator(f"#text-{question}")
        box.fill(text)
        box.press("Control+Enter")
        expect(page.locator(f"#notes-{question}")).to_contain_text(text)
    page.reload()  # notes survive a reload
    for question, text in NOTES:
        expect(page.locator(f"#notes-{question}")).to_contain_text(text)
    shoot("04-brainstorm")
    page.get_by_role("button", name="Close the brainstorm and see my themes").click()

    expect(page.get_by_role("heading", name="What we hear in your notes")).to_be_visible()
    expect(page.locator("#theme-numbers")).to_contain_text("I check my watch stats before coffee")
    shoot("05-themes")
    for fieldset in page.locator("fieldset.theme:visible").all():  # the faint ones fold away
        fieldset.get_by_label("Yes, that's me").check()
    page.locator("input[name=most_important][value=numbers]").check()
    page.get_by_role("button", name="These are my themes").click()

    expect(page.get_by_role("heading", name="Write your goals")).to_be_visible()
    for goal in GOALS:
        add_goal(page, *goal)
    coast = page.locator("article.goal", has_text="Run the coast path with Jo")
    expect(coast.locator(".finding")).to_contain_text("nothing to count")
    shoot("06-goals")

    page.get_by_label("Put the list away for how many days?").fill("3")
    page.get_by_role("button", name="Put my list away").click()
    expect(page.get_by_role("heading", name="Your list is resting")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Berlin marathon")
    shoot("07-resting")

    travel(days=3, minutes=5)
    page.goto("/dashboard/")
    expect(page.get_by_role("status").filter(has_text="Your list has rested")).to_be_visible()
    shoot("08-rest-over-banner")
    page.get_by_role("link", name="Take a fresh look at your goals").click()
    expect(page.get_by_role("heading", name="Fresh eyes: settle on a few")).to_be_visible()
    for title in (
        "Run the coast path with Jo",
        "Berlin marathon",
        "Run 20 km a week",
        "Parkrun under 25 minutes",
    ):
        page.get_by_label(title).check()
    page.get_by_role("button", name="Settle on these").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose at most 3")
    page.get_by_label("Berlin marathon").uncheck()
    shoot("09-settle")
    page.get_by_role("button", name="Settle on these").click()

    for answer in ("Yes", "Yes", "Not really"):
        expect(page.get_by_role("heading", name="Purpose check")).to_be_visible()
        for group in page.locator("main form fieldset").all()[:2]:
            group.get_by_label("Yes", exact=True).check()
        page.locator("main form fieldset").nth(2).get_by_label(answer, exact=True).check()
        if answer == "Not really":
            shoot("10-purpose")
        page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="Break them into steps")).to_be_visible()
    for index in range(page.locator("section.goal").count()):
        section = page.locator("section.goal").nth(index)
        section.get_by_label("Step", exact=True).fill(f"First step {index + 1}")
        section.get_by_label("By when", exact=True).fill(f"2027-01-0{index + 2}")
        section.get_by_role("button", name=re.compile("Add step")).click()
    shoot("11-steps")
    page.get_by_role("button", name="Finish this round").click()

    expect(page.get_by_role("heading", name="Active goals")).to_be_visible()
    for index in range(3):
        expect(page.locator("main")).to_contain_text(f"Next step: First step {index + 1}")
    expect(page.locator("main")).to_contain_text("Berlin marathon")  # a someday idea, kept
    expect(page.locator(".tag.warn")).to_have_count(1)  # one goal marked for a rethink
    expect(page.locator("main")).to_contain_text("mi per week")  # the runner's own units
    shoot("12-dashboard")

    assert Round.objects.get().stage == "done"
    assert Goal.objects.filter(status="active").count() == 3
    assert Goal.objects.filter(status="someday").count() == 1


def log_in(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_note_sent_while_offline_is_kept_and_sent_once_back_online(page, django_user_model):
    user = Profile.objects.create_runner("offline", password="no signal 2027")
    round = Round.objects.create(owner=user, reason="break")
    log_in(page, "offline", "no signal 2027")
    page.goto(f"/rounds/{round.pk}/brainstorm/")
    page.context.set_offline(True)
    page.locator("#text-proud").fill("Finishing my first 10k after my knee surgery")
    page.locator("#q-proud").get_by_role("button", name="Add note").click()
    expect(page.locator("#q-proud [data-state]")).to_contain_text("No connection")
    expect(page.locator("#text-proud")).to_have_value(
        "Finishing my first 10k after my knee surgery"
    )
    page.context.set_offline(False)
    expect(page.locator("#notes-proud")).to_contain_text("after my knee surgery")
    expect(page.locator("#text-proud")).to_have_value("")
    page.reload()
    expect(page.locator("#notes-proud li")).to_have_count(1)
    assert round.notes.count() == 1


def test_a_half_typed_note_survives_a_reload(page, django_user_model):
    user = Profile.objects.create_runner("drafter", password="half typed 2027")
    round = Round.objects.create(owner=user, reason="plateau")
    log_in(page, "drafter", "half typed 2027")
    page.goto(f"/rounds/{round.pk}/brainstorm/")
    page.locator("#text-journey").fill("Next step: a 10 mile long run")
    page.reload()
    expect(page.locator("#text-journey")).to_have_value("Next step: a 10 mile long run")
    expect(page.locator("#q-journey [data-state]")).to_contain_text("unsent note is back")
    assert round.notes.count() == 0
