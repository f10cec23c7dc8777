"""The nudges on the dashboard: start a round with the reason filled in, dismiss, snooze; the
training cycle form; only ever the runner's own."""

import html
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from milepost.accounts.models import Profile
from milepost.nudges.models import CycleStart, Nudge, NudgeCheck
from milepost.runmath.units import format_weekday

from .helpers import comeback, days_ago, today

pytestmark = pytest.mark.django_db


def make_nudge(owner, kind="break", **fields):
    """A nudge as if found today (the day's check done, so the dashboard keeps it)."""
    version = Profile.objects.get(user=owner).data_version
    NudgeCheck.objects.update_or_create(
        owner=owner, defaults={"checked_on": today(), "data_version": version}
    )
    defaults = {"since": days_ago(2), "reason": f"A {kind} reason, kindly put."}
    return Nudge.objects.create(owner=owner, kind=kind, **{**defaults, **fields})


def test_the_dashboard_shows_a_nudge_found_in_the_runs(alice_client, alice):
    comeback(alice, back_days_ago=3, off=20)
    body = alice_client.get(reverse("dashboard")).content.decode()
    assert "Time for a fresh round?" in body
    assert "Welcome back: your first run after 20 days off." in body
    assert 'href="/rounds/new/?reason=break"' in body


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("break", "break"),
        ("new_cycle", "new_cycle"),
        ("goal_reached", "goal_reached"),
        ("plateau", "plateau"),
        ("low_motivation", "plateau"),
    ],
)
def test_start_a_round_opens_the_round_form_with_the_reason_chosen(
    alice_client, alice, kind, reason
):
    make_nudge(alice, kind)
    body = alice_client.get(reverse("dashboard")).content.decode()
    url = f"/rounds/new/?reason={reason}"
    assert f'href="{url}"' in body
    form = alice_client.get(url).content.decode()
    [chosen] = re.findall(r'<input type="radio" name="reason"[^>]* checked>', form)
    assert f'value="{reason}"' in chosen


def test_dismiss_hides_a_nudge_for_good(alice_client, alice):
    nudge = make_nudge(alice)
    response = alice_client.post(reverse("nudges:dismiss", args=[nudge.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    body = html.unescape(response.content.decode())
    assert "Dismissed. That one won't come back." in body
    assert nudge.reason not in body
    nudge.refresh_from_db()
    assert nudge.dismissed_at is not None


def test_snooze_hides_a_nudge_for_a_week(alice_client, alice):
    nudge = make_nudge(alice)
    response = alice_client.post(reverse("nudges:snooze", args=[nudge.pk]), follow=True)
    until = today() + timedelta(days=7)
    assert f"It will be back on {format_weekday(until)}." in response.content.decode()
    assert nudge.reason not in response.content.decode()
    nudge.refresh_from_db()
    assert nudge.snoozed_until == until
    assert not Nudge.objects.open_on(until - timedelta(days=1)).exists()
    assert Nudge.objects.open_on(until).get() == nudge


def test_another_runners_nudge_is_a_404_and_stays_as_it_was(client, alice, bob):
    nudge = make_nudge(alice)
    client.force_login(bob)
    for name in ("nudges:dismiss", "nudges:snooze"):
        assert client.post(reverse(name, args=[nudge.pk])).status_code == 404
        assert client.get(reverse(name, args=[nudge.pk])).status_code == 405
    nudge.refresh_from_db()
    assert nudge.dismissed_at is None and nudge.snoozed_until is None
    assert nudge.reason not in client.get(reverse("dashboard")).content.decode()


def test_a_visitor_is_sent_to_log_in(client, alice):
    nudge = make_nudge(alice)
    response = client.post(reverse("nudges:dismiss", args=[nudge.pk]))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_cycle_starting_today_brings_a_nudge_at_once(alice_client, alice):
    alice_client.get(reverse("dashboard"))  # the day's check is done
    response = alice_client.post(
        reverse("nudges:cycles"),
        {"day": today().isoformat(), "note": "Marathon block"},
        follow=True,
    )
    body = response.content.decode()
    assert "Noted. A new cycle is a good moment for a round" in body
    assert "Your new training cycle starts today." in body
    assert 'href="/rounds/new/?reason=new_cycle"' in body
    assert CycleStart.objects.get().note == "Marathon block"


def test_a_cycle_start_to_come_is_listed_and_can_be_removed(alice_client, alice):
    day = today() + timedelta(days=10)
    response = alice_client.post(reverse("nudges:cycles"), {"day": day.isoformat()}, follow=True)
    assert f"On {format_weekday(day)}, when your new cycle starts" in response.content.decode()
    assert (
        f"{day.day} {day:%B} {day.year}"
        in alice_client.get(reverse("nudges:cycles")).content.decode()
    )
    cycle = CycleStart.objects.get()
    alice_client.post(reverse("nudges:cycle_delete", args=[cycle.pk]))
    assert not CycleStart.objects.exists()


def test_a_cycle_start_long_ago_is_refused_kindly(alice_client):
    response = alice_client.post(reverse("nudges:cycles"), {"day": days_ago(60).isoformat()})
    assert response.status_code == 400
    assert "Choose a day in the last four weeks, or one to come." in response.content.decode()
    assert not CycleStart.objects.exists()


def test_another_runners_cycle_start_is_a_404(client, alice, bob):
    cycle = CycleStart.objects.create(owner=alice, day=today())
    client.force_login(bob)
    assert client.post(reverse("nudges:cycle_delete", args=[cycle.pk])).status_code == 404
    assert CycleStart.objects.exists()
    assert (
        str(cycle.day.year)
        not in client.get(reverse("nudges:cycles"))
        .content.decode()
        .split("Cycle starts")[1]
        .split("</ul>")[0]
    )


def test_the_demo_banner_shows_only_for_the_demo_runner(client, alice):
    call_command("demo", stdout=io.StringIO())
    client.force_login(alice)
    assert "Demo runner:" not in client.get(reverse("dashboard")).content.decode()
    client.force_login(get_user_model().objects.get(username="demo"))
    body = client.get(reverse("runs:list")).content.decode()
    assert "Demo runner: the runs, rounds and goals here are made up" in body
