"""What every response says to browsers and proxies: a signed-in runner's pages are never
stored anywhere, the browser runs only Milepost's own scripts and styles, and asks for no
camera, microphone or location."""

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
