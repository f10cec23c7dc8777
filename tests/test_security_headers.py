"""What every response says to browsers and proxies: a signed-in runner's pages are never
stored anywhere, the browser runs only Milepost's own scripts and styles, and asks for no
camera, microphone or location."""

import re
from pathlib import Path
from unittest.mock import patch

import pytest
from django.urls import reverse

from milepost.nudges.models import CalendarFeed

pytestmark = pytest.mark.django_db

PRIVATE_PAGES = [
    "dashboard",
    "accounts:profile",
    "runs:list",
    "paper:worksheet",  # a PDF whose view says "never cache" in its own words
    "api:openapi-json",
]


@pytest.mark.parametrize("name", PRIVATE_PAGES)
def test_a_signed_in_runners_pages_are_never_stored(alice_client, name):
    response = alice_client.get(reverse(name))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"


def test_a_redirect_to_a_signed_in_runner_is_not_stored_either(alice_client):
    response = alice_client.get(reverse("accounts:signup"))
    assert response.status_code == 302
    assert response["Cache-Control"] == "no-store, private"


def test_public_pages_for_strangers_are_left_alone(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_calendar_feed_is_never_stored(client, alice):
    feed = CalendarFeed.objects.create(owner=alice)
    response = client.get(reverse("nudges:calendar_feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_page_allows_only_milepost_own_scripts_and_styles(client, alice, signed_in):
    if signed_in:
        client.force_login(alice)
    response = client.get(reverse("dashboard" if signed_in else "home"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy and "unsafe" not in policy
    for word in ("camera=()", "microphone=()", "geolocation=()"):
        assert word in response["Permissions-Policy"]


TEMPLATES = Path(__file__).resolve().parent.parent / "milepost"


def test_no_template_has_an_inline_script_or_style():
    """What the policy refuses: <script> without src, <style>, style="..." and on...= handlers
    (500.html aside, made to stand alone when nothing else works)."""
    found = []
    for template in TEMPLATES.rglob("templates/**/*.html"):
        if template.name == "500.html":
            continue
        text = template.read_text()
        inline_script = re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)
        if inline_script or re.search(r"<style|\sstyle=|\son[a-z]+=|hx-on", text):
            found.append(str(template))
    assert found == []


def test_htmx_is_told_not_to_add_a_style_of_its_own(client):
    body = client.get(reverse("home")).content.decode()
    assert '"includeIndicatorStyles": false' in body


def test_the_error_page_keeps_its_own_style(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    with patch("milepost.dashboard.views.render", side_effect=RuntimeError("boom")):
        response = client.get(reverse("home"))
    assert response.status_code == 500
    assert "style-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]
    assert "script-src 'self';" in response["Content-Security-Policy"]


def test_the_api_documentation_may_load_swagger_from_its_cdn(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert "https://cdn.jsdelivr.net" in response["Content-Security-Policy"]


def test_a_sign_in_lasts_three_days_not_two_weeks(client, alice):
    response = client.post(
        reverse("accounts:login"), {"username": "alice", "password": "correct horse 42"}
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["max-age"] == 3 * 24 * 60 * 60


def test_what_a_program_reads_with_an_api_token_is_never_stored(client, alice):
    from milepost.accounts.models import ApiToken

    raw = ApiToken.objects.issue(owner=alice, name="script")[1]
    response = client.get("/api/v1/profile", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
