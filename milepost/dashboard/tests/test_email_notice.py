"""The dashboard says when reminders wait for an address to be confirmed, and stops saying so
once it is, even though the rest of the page is cached."""

import pytest
from django.urls import reverse

from milepost.accounts.models import Profile

pytestmark = pytest.mark.django_db

NOTICE = "Reminders wait for one click"


def test_an_unconfirmed_address_is_mentioned_until_it_is_confirmed(client):
    runner = Profile.objects.create_runner("dora", "dora@example.org", "correct horse 42")
    client.force_login(runner)
    page = client.get(reverse("dashboard")).content.decode()
    assert NOTICE in page and "dora@example.org" in page
    # Confirmed elsewhere (the link in the e-mail): one UPDATE, the cached body untouched.
    Profile.objects.filter(user=runner).update(verified_email="dora@example.org")
    assert NOTICE not in client.get(reverse("dashboard")).content.decode()


def test_no_address_no_notice(client):
    runner = Profile.objects.create_runner("eve", "", "correct horse 42")
    client.force_login(runner)
    assert NOTICE not in client.get(reverse("dashboard")).content.decode()
