"""Milepost on Linda's phone and Mark's keyboard: a 390 px screen with no sideways scrolling
of the page, the weekly chart opening on the latest weeks, a compact menu, and focus landing on
the message after a form is sent."""

import pytest
from playwright.sync_api import expect

from .test_progress import NOW, a_runner_with_some_runs, frozen_clock, log_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def page_overflow(page) -> int:
    """How many pixels the page is wider than the screen (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def in_view(page, locator) -> bool:
    """Whether the element's box lies inside its scrolling box and the screen, sideways."""
    return locator.evaluate(
        """el => {
            const box = el.getBoundingClientRect();
            const frame = el.closest('.chart-drawing').getBoundingClientRect();
            return box.left >= frame.left - 1 && box.right <= frame.right + 1
                && box.right <= window.innerWidth;
        }"""
    )


def test_the_dashboard_fits_a_phone_and_its_chart_opens_on_the_latest_weeks(
    page, shoot, django_user_model
):
    a_runner_with_some_runs(django_user_model)
    page.set_viewport_size(PHONE)
    log_in(page)
    expect(page.get_by_role("heading", name="Active goals")).to_be_visible()
    assert page_overflow(page) <= 0
    chart = page.get_by_role("img", name="Your weekly distance, last 16 weeks")
    expect(chart).to_be_visible()
    assert in_view(page, chart.locator("rect.bar.current"))
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 140, header  # two lines at most
    shoot("phone-01-dashboard")

    page.get_by_role("link", name="Run 25 km a week").first.click()
    chart = page.get_by_role("img", name="Run 25 km a week: week by week")
    expect(chart).to_be_visible()
    assert page_overflow(page) <= 0
    assert in_view(page, chart.locator("rect.bar").last)
    shoot("phone-02-goal")


def test_the_phone_menu_opens_with_the_keyboard(page, shoot, django_user_model):
    a_runner_with_some_runs(django_user_model)
    page.set_viewport_size(PHONE)
    log_in(page)
    expect(page.get_by_role("heading", name="Active goals")).to_be_visible()
    runs = page.get_by_role("link", name="Runs", exact=True)
    expect(runs).to_be_hidden()
    page.get_by_text("Menu").focus()
    page.keyboard.press("Enter")
    expect(runs).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert page_overflow(page) <= 0
    shoot("phone-03-menu-open")
    page.keyboard.press("Escape")
    expect(runs).to_be_hidden()


def test_on_a_wide_screen_the_links_show_without_a_menu(page, shoot, django_user_model):
    a_runner_with_some_runs(django_user_model)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page)
    expect(page.get_by_role("link", name="Runs", exact=True)).to_be_visible()
    expect(page.get_by_text("Menu")).to_be_hidden()
    assert page_overflow(page) <= 0
    shoot("wide-01-dashboard")


def test_after_a_form_is_sent_focus_lands_on_the_message(page, django_user_model):
    user, weekly, coast, runs = a_runner_with_some_runs(django_user_model)
    log_in(page)
    page.goto(runs[0].get_absolute_url())
    page.get_by_label("Great").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Record how it felt").focus()
    page.keyboard.press("Enter")
    message = page.get_by_role("status").filter(has_text="Saved how it felt: Great.")
    expect(message).to_be_visible()
    expect(message).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "messages"
    page.keyboard.press("Tab")  # the next stop is on the page, not the menu again
    assert page.evaluate("!document.activeElement.closest('.site-header')")


def test_sign_up_takes_the_time_zone_of_the_browser(browser, live_server, django_user_model):
    context = browser.new_context(base_url=live_server.url, timezone_id="America/Chicago")
    page = context.new_page()
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill("linda")
    page.locator("#id_password1").fill("coast path 2027")
    page.locator("#id_password2").fill("coast path 2027")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="About you")).to_be_visible()
    expect(page.get_by_label("Time zone")).to_have_value("America/Chicago")
    context.close()
    assert django_user_model.objects.get(username="linda").profile.time_zone == "America/Chicago"
