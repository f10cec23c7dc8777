from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from milepost.goals.models import Status, Step
from milepost.nudges import services
from milepost.nudges.models import CalendarFeed
from milepost.reflection.models import Stage

from .helpers import comeback, days_ago

pytestmark = pytest.mark.django_db


def events_of(response) -> dict[str, object]:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_has_rest_end_steps_goal_dates_and_races(
    client, alice, bob, make_round, make_goal
):
    resting = make_round(alice, stage=Stage.GOALS)
    resting.start_rest(3)
    race = make_goal(
        alice,
        title="Berlin marathon",
        status=Status.ACTIVE,
        kind="measurable",
        metric="race_finish",
        race_distance_m=42195,
        horizon="date",
        target_date=date(2027, 9, 26),
    )
    coast = make_goal(alice, title="Coast path with Jo", status=Status.ACTIVE)
    Step.objects.create(goal=coast, title="Walk-run 8 km, café at the end", due=date(2027, 1, 9))
    Step.objects.create(
        goal=coast, title="Done already", due=date(2027, 1, 2), done_at=resting.rest_started_at
    )
    make_goal(
        alice,
        title="Someday idea",
        status=Status.SOMEDAY,
        horizon="date",
        target_date=date(2027, 5, 1),
    )
    make_goal(
        bob,
        title="Bob's secret race",
        status=Status.ACTIVE,
        horizon="date",
        target_date=date(2027, 5, 1),
    )
    feed = CalendarFeed.objects.create(owner=alice)

    events = events_of(client.get(feed.get_absolute_url()))

    assert set(events) == {
        f"rest-{resting.pk}.{feed.uid_tag}@milepost",
        f"goal-{race.pk}.{feed.uid_tag}@milepost",
        f"step-{coast.steps.get(done_at=None).pk}.{feed.uid_tag}@milepost",
    }
    rest = events[f"rest-{resting.pk}.{feed.uid_tag}@milepost"]
    assert abs(rest.decoded("dtstart") - resting.rest_until) < timedelta(seconds=1)
    race_day = events[f"goal-{race.pk}.{feed.uid_tag}@milepost"]
    assert str(race_day["summary"]) == "Race day: Berlin marathon"
    assert race_day.decoded("dtstart") == date(2027, 9, 26)
    alarm = race_day.walk("VALARM")[0]
    assert alarm.decoded("trigger") == -timedelta(days=7)
    step = next(e for uid, e in events.items() if uid.startswith("step-"))
    assert str(step["summary"]) == "Step: Walk-run 8 km, café at the end"
    assert step.decoded("dtstart") == date(2027, 1, 9)


def test_a_new_address_retires_the_old_one(alice_client, alice):
    client = Client()
    alice_client.post(reverse("nudges:calendar_regenerate"))
    first = CalendarFeed.objects.get(owner=alice)
    old_url = first.get_absolute_url()
    assert client.get(old_url).status_code == 200
    alice_client.post(reverse("nudges:calendar_regenerate"))
    first.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(first.get_absolute_url()).status_code == 200
    body = alice_client.get(reverse("accounts:profile")).content.decode()
    assert first.token in body


def test_an_unknown_token_is_a_404(client):
    assert client.get(reverse("nudges:calendar_feed", args=["guess"])).status_code == 404


def test_regenerating_needs_a_post_and_a_login(alice_client):
    assert alice_client.get(reverse("nudges:calendar_regenerate")).status_code == 405
    response = Client().post(reverse("nudges:calendar_regenerate"))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_open_nudge_is_an_all_day_event_on_the_day_it_opened(client, alice):
    comeback(alice, back_days_ago=3)
    [nudge] = services.refresh_nudges(alice)
    feed = CalendarFeed.objects.create(owner=alice)
    event = events_of(client.get(feed.get_absolute_url()))[
        f"nudge-{nudge.pk}.{feed.uid_tag}@milepost"
    ]
    assert str(event["summary"]) == "Time for a fresh round? Back after a break"
    assert event.decoded("dtstart") == days_ago(3)
    assert event.decoded("dtend") == days_ago(2)
    # A feed is read by calendar services: titles, dates and links only, not the reasons.
    assert "description" not in event
    assert str(event["url"]) == "http://testserver/rounds/new/?reason=break"
    nudge.dismiss()
    assert events_of(client.get(feed.get_absolute_url())) == {}


def test_links_follow_the_address_the_feed_was_fetched_from(client, alice, settings, make_goal):
    make_goal(
        alice, title="Coast 10k", status=Status.ACTIVE, horizon="date", target_date=date(2027, 5, 1)
    )
    feed = CalendarFeed.objects.create(owner=alice)
    settings.ALLOWED_HOSTS = ["milepost.example.org"]
    response = client.get(feed.get_absolute_url(), HTTP_HOST="milepost.example.org")
    [event] = events_of(response).values()
    assert str(event["url"]).startswith("http://milepost.example.org/goals/")
    assert "127.0.0.1" not in response.content.decode()


def test_a_site_url_set_explicitly_wins(client, alice, settings, make_goal):
    make_goal(
        alice, title="Coast 10k", status=Status.ACTIVE, horizon="date", target_date=date(2027, 5, 1)
    )
    feed = CalendarFeed.objects.create(owner=alice)
    settings.SITE_URL, settings.SITE_URL_FROM_REQUEST = "https://runs.example.org", False
    [event] = events_of(client.get(feed.get_absolute_url())).values()
    assert str(event["url"]).startswith("https://runs.example.org/goals/")


def test_uids_are_unique_beyond_this_installation_and_stable_across_requests(
    client, alice, bob, make_goal
):
    goals = [
        make_goal(
            owner,
            title="Coast 10k",
            status=Status.ACTIVE,
            horizon="date",
            target_date=date(2027, 5, 1),
        )
        for owner in (alice, bob)
    ]
    feeds = [CalendarFeed.objects.create(owner=owner) for owner in (alice, bob)]
    first = set(events_of(client.get(feeds[0].get_absolute_url())))
    assert first == set(events_of(client.get(feeds[0].get_absolute_url())))
    [uid] = first
    assert uid != f"goal-{goals[0].pk}@milepost"
    assert uid.startswith(f"goal-{goals[0].pk}.") and uid.endswith("@milepost")
    # Another installation numbers its goals from 1 too; its feed's token differs.
    assert first.isdisjoint(events_of(client.get(feeds[1].get_absolute_url())))


def test_the_feed_leaves_out_the_goals_why(client, alice, make_goal):
    make_goal(
        alice,
        status=Status.ACTIVE,
        horizon="date",
        target_date=alice.profile.today() + timedelta(days=30),
        why="My secret reason",
    )
    feed = CalendarFeed.objects.create(owner=alice)
    assert "secret reason" not in client.get(feed.get_absolute_url()).content.decode()


@pytest.mark.parametrize("token", ["%00", "a%00b", "x" * 300])
def test_a_garbled_feed_address_is_not_found(client, token):
    assert client.get(f"/calendar/{token}.ics").status_code == 404
