import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_runner_signs_up_and_lands_on_their_profile(client):
    response = client.post(
        reverse("accounts:signup"),
        {"username": "carol", "password1": "a long trail run", "password2": "a long trail run"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    carol = get_user_model().objects.get(username="carol")
    assert carol.password.startswith("argon2")
    assert carol.profile.units == "km"


def test_sign_up_takes_the_browsers_time_zone(client):
    client.post(
        reverse("accounts:signup"),
        {
            "username": "linda",
            "password1": "a long trail run",
            "password2": "a long trail run",
            "time_zone": "Europe/Lisbon",
        },
    )
    assert get_user_model().objects.get(username="linda").profile.time_zone == "Europe/Lisbon"


@pytest.mark.parametrize("zone", ["", "Mars/Olympus", "<script>"])
def test_without_a_known_time_zone_sign_up_keeps_utc_and_the_profile_says_so(client, zone):
    client.post(
        reverse("accounts:signup"),
        {
            "username": "linda",
            "password1": "a long trail run",
            "password2": "a long trail run",
            "time_zone": zone,
        },
    )
    assert get_user_model().objects.get(username="linda").profile.time_zone == "UTC"
    body = client.get(reverse("accounts:profile")).content.decode()
    assert "Set to UTC for now: we could not tell your time zone" in body


def test_the_sign_up_page_has_a_field_for_the_browsers_time_zone(client):
    body = client.get(reverse("accounts:signup")).content.decode()
    assert 'type="hidden" name="time_zone"' in body
    assert "data-browser-time-zone" in body


def test_a_bad_signup_explains_and_keeps_the_name(client):
    response = client.post(
        reverse("accounts:signup"),
        {"username": "carol", "password1": "a long trail run", "password2": "different"},
    )
    assert response.status_code == 200
    assert "password fields didn" in response.content.decode()
    assert 'value="carol"' in response.content.decode()


def test_log_in_and_out(client, alice):
    response = client.post(
        reverse("accounts:login"), {"username": "alice", "password": "correct horse 42"}
    )
    assert response["Location"] == reverse("dashboard")
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard"))["Location"].startswith(reverse("accounts:login"))


def test_failed_logins_are_rate_limited(client, alice, settings):
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    response = client.post(
        reverse("accounts:login"), {"username": "alice", "password": "correct horse 42"}
    )
    assert response.status_code == 200
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_ends_after_the_window(client, alice, settings, travel):
    settings.LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    travel(minutes=settings.LOGIN_LOCKOUT_MINUTES + 1)
    response = client.post(
        reverse("accounts:login"), {"username": "alice", "password": "correct horse 42"}
    )
    assert response.status_code == 302


def test_signing_out_clears_what_the_browser_keeps(alice_client):
    response = alice_client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_change_password(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "correct horse 42",
            "new_password1": "hills before breakfast",
            "new_password2": "hills before breakfast",
        },
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    alice.refresh_from_db()
    assert alice.check_password("hills before breakfast")


SPACES = " " * 10


def test_a_password_of_only_spaces_is_refused_at_sign_up(client):
    response = client.post(
        reverse("accounts:signup"), {"username": "carol", "password1": SPACES, "password2": SPACES}
    )
    assert response.status_code == 200
    assert "Your password cannot be only spaces." in response.content.decode()
    assert not get_user_model().objects.filter(username="carol").exists()


def test_a_password_of_only_spaces_is_refused_at_password_change(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": "correct horse 42", "new_password1": SPACES, "new_password2": SPACES},
    )
    assert response.status_code == 200
    assert "Your password cannot be only spaces." in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password("correct horse 42")


def test_profile_saves_units_time_zone_and_budget(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:profile"),
        {
            "name": "Alice A.",
            "units": "mi",
            "time_zone": "Europe/London",
            "birth_year": "1974",
            "category": "women",
            "weekly_minutes": "3 hours",
        },
    )
    assert response.status_code == 302
    alice.profile.refresh_from_db()
    assert (alice.profile.units, alice.profile.time_zone) == ("mi", "Europe/London")
    assert (alice.profile.birth_year, alice.profile.weekly_minutes) == (1974, 180)


@pytest.mark.parametrize(
    "typed, minutes",
    [("4 hours", 240), ("3.5", 210), ("3h 30m", 210), ("3:30", 210), ("90 min", 90), ("", None)],
)
def test_weekly_time_is_typed_in_hours_and_kept_in_minutes(alice_client, alice, typed, minutes):
    alice_client.post(
        reverse("accounts:profile"),
        {"name": "A", "units": "km", "time_zone": "UTC", "weekly_minutes": typed},
    )
    alice.profile.refresh_from_db()
    assert alice.profile.weekly_minutes == minutes


def test_weekly_time_shows_in_hours_and_explains_a_number_of_minutes(alice_client, alice):
    alice.profile.weekly_minutes = 210
    alice.profile.save()
    body = alice_client.get(reverse("accounts:profile")).content.decode()
    assert 'value="3 hours 30 min"' in body
    response = alice_client.post(
        reverse("accounts:profile"),
        {"name": "A", "units": "km", "time_zone": "UTC", "weekly_minutes": "240"},
    )
    body = response.content.decode()
    assert "more than 40 hours a week. If you meant minutes, add “min”" in body
    assert 'value="240"' in body
    alice.profile.refresh_from_db()
    assert alice.profile.weekly_minutes == 210


def test_profile_errors_keep_what_was_typed(alice_client):
    response = alice_client.post(
        reverse("accounts:profile"),
        {"name": "Alice A.", "units": "km", "time_zone": "Mars/Olympus", "birth_year": "2024"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in body
    assert "too recent" in body
    assert 'value="Alice A."' in body


def test_forms_are_csrf_protected(alice):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    response = strict.post(reverse("accounts:profile"), {"name": "x"})
    assert response.status_code == 403


def test_running_lately_reads_distances_in_the_runners_units(alice_client, alice):
    alice.profile.units = "mi"
    alice.profile.save()
    response = alice_client.post(
        reverse("accounts:running_lately"),
        {
            "race_distance": "10k",
            "race_time": "52:30",
            "recent_race_on": "2026-10-04",
            "week_distance": "15",
            "typical_week_runs": "3",
            "long_run": "7 mi",
        },
    )
    assert response.status_code == 302
    alice.profile.refresh_from_db()
    assert alice.profile.recent_race_m == 10_000
    assert alice.profile.recent_race_s == 3150
    assert alice.profile.typical_week_m == pytest.approx(15 * 1609.344)
    assert alice.profile.recent_long_run_m == pytest.approx(7 * 1609.344)
    body = alice_client.get(reverse("accounts:running_lately")).content.decode()
    assert 'value="15 mi"' in body and 'value="52:30"' in body


def test_running_lately_explains_bad_input_and_keeps_it(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:running_lately"),
        {"race_distance": "10k", "race_time": "fast", "week_distance": "lots"},
    )
    body = response.content.decode()
    assert "Write the time like 25:00" in body
    assert "as a distance" in body
    assert 'value="lots"' in body
    alice.profile.refresh_from_db()
    assert alice.profile.recent_race_m is None


def test_a_recent_race_needs_distance_time_and_date(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:running_lately"), {"race_distance": "5k", "race_time": "25:00"}
    )
    assert "give its distance, its time and its date" in response.content.decode()


def test_a_race_run_today_is_today_in_the_runners_own_time_zone(alice_client, alice, monkeypatch):
    from datetime import UTC, datetime

    from milepost import clock

    # 08:00 on 25 November in Auckland is still the 24th in UTC.
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 24, 19, tzinfo=UTC))
    alice.profile.time_zone = "Pacific/Auckland"
    alice.profile.save()
    fields = {"race_distance": "5k", "race_time": "25:00", "recent_race_on": "2026-11-25"}
    response = alice_client.post(reverse("accounts:running_lately"), fields)
    assert response.status_code == 302
    alice.profile.refresh_from_db()
    assert str(alice.profile.recent_race_on) == "2026-11-25"
    fields["recent_race_on"] = "2026-11-26"
    response = alice_client.post(reverse("accounts:running_lately"), fields)
    assert "That date is in the future" in response.content.decode()


def test_every_way_of_making_a_user_gives_them_a_profile(client, django_user_model):
    from django.core.management import call_command

    from milepost.accounts.models import Profile

    client.post(
        "/accounts/signup/",
        {"username": "sam", "password1": "tempo tuesday 7", "password2": "tempo tuesday 7"},
    )
    runner = Profile.objects.create_runner("rosa", password="hills on thursdays")
    call_command(
        "createsuperuser", username="admin", email="a@example.org", interactive=False, verbosity=0
    )
    for name in ("sam", "rosa", "admin"):
        user = django_user_model.objects.select_related("profile").get(username=name)
        assert user.profile.units == "km"
    assert runner.profile.user == runner
