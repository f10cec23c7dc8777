"""The themes page as Linda lives it: the clear themes first, the faint ones folded away, and
a theme we missed added without losing a single answer (with and without JavaScript)."""

import pytest
from playwright.sync_api import expect

from milepost.accounts.models import Profile
from milepost.reflection.models import Note, Round
from milepost.reflection.services import by_strength
from milepost.rounds import services

from .conftest import ARTIFACTS, accessibility_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINDA = {
    "drive": "I run for how it feels, the fresh air, the quiet.",
    "places_people": (
        "Saturday parkrun with my friends, then coffee. That's the best bit of my week."
    ),
    "competition": "I hate racing. Never again.",
    "beyond_running": "It's my headspace. After six weeks off with a sore knee I miss it.",
    "big_dream": "I'd love to do a half marathon one day, but only if nobody makes me race it.",
    "journey": "Coming back slowly after six weeks off.",
}


def linda_at_her_themes(page):
    user = Profile.objects.create_runner("linda", password="parkrun friends 54")
    round = Round.objects.create(owner=user, reason="break", reason_note="Sore knee")
    for question, text in LINDA.items():
        Note.objects.create(round=round, question=question, text=text)
    services.close_brainstorm(round=round)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("linda")
    page.locator("#id_password").fill("parkrun friends 54")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/rounds/{round.pk}/themes/")
    return round


def shoot_both(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    assert not accessibility_problems(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_adding_a_missed_theme_keeps_every_answer(browser, live_server, javascript):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        round = linda_at_her_themes(page)
        clear, less_clear = by_strength(list(round.themes.all()))
        expect(page.get_by_role("heading", name="What we hear in your notes")).to_be_visible()
        expect(page.locator("#theme-big_dream")).to_contain_text(
            "I'd love to do a half marathon one day, but only if nobody makes me race it."
        )
        for theme in clear:
            expect(page.locator(f"#theme-{theme.key}")).to_be_visible()
        for theme in less_clear:  # folded away until asked for
            expect(page.locator(f"#theme-{theme.key}")).to_be_hidden()
        if javascript:
            shoot_both(page, "themes-linda")
        page.locator("#less-clear summary").click()
        answers = {t.key: "confirmed" for t in clear + less_clear}
        answers[less_clear[0].key] = "dismissed"
        for key, status in answers.items():
            page.locator(f"input[name=theme_{key}][value={status}]").check()
        page.locator(f"input[name=most_important][value={clear[0].key}]").check()

        page.get_by_label("A theme we missed").select_option("health")
        page.get_by_label("In your own words (optional)").fill("Keeping my knee happy")
        page.get_by_role("button", name="Add this theme").click()

        expect(page.locator("main")).to_contain_text("Your other answers are kept")
        expect(page.locator("#theme-health")).to_contain_text("Keeping my knee happy")
        for key, status in answers.items():
            expect(page.locator(f"input[name=theme_{key}][value={status}]")).to_be_checked()
        expect(page.locator(f"input[name=most_important][value={clear[0].key}]")).to_be_checked()
        if javascript:
            shoot_both(page, "themes-linda-added")
        page.get_by_role("button", name="These are my themes").click()
        expect(page.get_by_role("heading", name="Write your goals")).to_be_visible()
        statuses = {t.key: t.status for t in round.themes.all()}
        assert statuses == {**answers, "health": "confirmed"}
    finally:
        context.close()
