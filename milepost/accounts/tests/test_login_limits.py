"""Sign-in limits: per account and per client address, so that neither a proxy's address nor
a stranger locks a runner out (milepost/accounts/models.py, LoginFailureQuerySet)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from milepost.accounts.models import LoginFailure, SignupAttempt
from milepost.web import client_address

pytestmark = pytest.mark.django_db
User = get_user_model()

RIGHT = "correct horse 42"


def log_in(client, password, address="203.0.113.7", username="alice", **headers):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(response) -> bool:
    return response.status_code == 302


def address_of(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.MILEPOST_TRUSTED_PROXIES = []
    assert address_of("10.0.0.2", "198.51.100.1") == "10.0.0.2"


def test_a_trusted_proxy_passes_on_the_clients_address(settings):
    settings.MILEPOST_TRUSTED_PROXIES = ["10.0.0.2"]
    assert address_of("10.0.0.2", "198.51.100.1") == "198.51.100.1"


def test_a_client_cannot_choose_its_address_through_the_header(settings):
    settings.MILEPOST_TRUSTED_PROXIES = ["10.0.0.0/8"]
    # The client sent "1.2.3.4" itself; the proxy appended the address it saw.
    assert address_of("10.0.0.2", "1.2.3.4, 198.51.100.1") == "198.51.100.1"
    # Through two trusted proxies.
    assert address_of("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.9") == "198.51.100.1"


def test_a_garbled_header_falls_back_to_the_proxy(settings):
    settings.MILEPOST_TRUSTED_PROXIES = ["10.0.0.2"]
    assert address_of("10.0.0.2", "not-an-address") == "10.0.0.2"
    assert address_of("10.0.0.2", "") == "10.0.0.2"


def test_behind_a_proxy_one_guesser_does_not_lock_out_everyone(client, alice, bob, settings):
    settings.MILEPOST_TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(30):
        log_in(
            client,
            "wrong",
            address="127.0.0.1",
            username=f"user{n}",
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    assert not signed_in(
        log_in(client, RIGHT, address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.66")
    )
    response = log_in(client, RIGHT, address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert signed_in(response)


def test_a_stranger_cannot_lock_a_runner_out(client, alice, settings):
    settings.LOGIN_MAX_FAILURES = 5
    for _ in range(10):
        log_in(client, "wrong", address="198.51.100.66")
    assert "Too many sign-in attempts" in log_in(client, RIGHT, "198.51.100.66").text
    assert signed_in(log_in(client, RIGHT, address="203.0.113.7"))


def test_many_strangers_cannot_lock_a_runner_out_but_each_waits(client, alice, settings):
    settings.LOGIN_ACCOUNT_MAX_FAILURES = 20
    for n in range(25):
        log_in(client, "wrong", address=f"198.51.100.{n}")
    # Under attack, an address that has failed on the account waits after one try...
    assert not signed_in(log_in(client, RIGHT, address="198.51.100.3"))
    # ...while an address that has not failed still signs in with the right password.
    assert signed_in(log_in(client, RIGHT, address="203.0.113.7"))


def test_one_address_trying_many_accounts_waits(client, alice, settings):
    settings.LOGIN_ADDRESS_MAX_FAILURES = 6
    for n in range(6):
        log_in(client, "wrong", address="198.51.100.66", username=f"user{n}")
    assert not signed_in(log_in(client, RIGHT, address="198.51.100.66"))
    assert signed_in(log_in(client, RIGHT, address="203.0.113.7"))


def test_failures_are_kept_only_as_long_as_the_window(client, alice, settings, travel):
    log_in(client, "wrong")
    travel(minutes=settings.LOGIN_LOCKOUT_MINUTES + 1)
    log_in(client, "wrong", username="bob")
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["bob"]


def test_signing_in_forgets_this_addresss_failures(client, alice):
    log_in(client, "wrong")
    log_in(client, "wrong", address="198.51.100.66")
    assert signed_in(log_in(client, RIGHT))
    assert list(LoginFailure.objects.values_list("address", flat=True)) == ["198.51.100.66"]


def test_a_bad_trusted_proxy_setting_is_refused(tmp_path):
    from tests.test_settings import milepost

    result = milepost("check", env={"MILEPOST_TRUSTED_PROXIES": "proxy.lan"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "MILEPOST_TRUSTED_PROXIES must list IP addresses or networks" in result.stderr


def sign_up(client, username, address="203.0.113.7", **headers):
    password = "a long trail run"
    return client.post(
        reverse("accounts:signup"),
        {"username": username, "password1": password, "password2": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_sign_ups_are_limited_per_client_address(client, settings):
    settings.SIGNUP_MAX_PER_ADDRESS = 3
    for n in range(3):
        assert sign_up(client, f"runner{n}").status_code == 302
        client.logout()
    refused = sign_up(client, "runner3")
    assert refused.status_code == 429
    assert "Too many sign-ups from here" in refused.content.decode()
    assert not User.objects.filter(username="runner3").exists()
    # Another address still signs up.
    assert sign_up(client, "runner3", address="198.51.100.9").status_code == 302


def test_the_sign_up_limit_reads_the_client_behind_a_trusted_proxy(client, settings):
    settings.SIGNUP_MAX_PER_ADDRESS = 1
    settings.MILEPOST_TRUSTED_PROXIES = ["10.0.0.2"]
    sign_up(client, "one", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")
    client.logout()
    other = sign_up(client, "two", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.status_code == 302


def test_a_refused_address_is_not_told_whether_a_username_is_taken(client, alice, settings):
    settings.SIGNUP_MAX_PER_ADDRESS = 1
    taken = sign_up(client, "alice")
    assert "That username is taken." in taken.content.decode()
    refused = sign_up(client, "alice")
    assert refused.status_code == 429
    assert "taken" not in refused.content.decode()


def test_sign_up_attempts_are_kept_only_for_the_window(client, settings, travel):
    settings.SIGNUP_MAX_PER_ADDRESS = 1
    sign_up(client, "one")
    client.logout()
    travel(minutes=settings.SIGNUP_WINDOW_MINUTES + 1)
    assert sign_up(client, "two").status_code == 302
    assert SignupAttempt.objects.count() == 1


def test_wrong_old_passwords_on_password_change_count_with_the_sign_in_limits(
    client, alice, settings
):
    settings.LOGIN_MAX_FAILURES = 3
    client.force_login(alice)

    def change(old):
        return client.post(
            reverse("accounts:password_change"),
            {
                "old_password": old,
                "new_password1": "hills at dawn",
                "new_password2": "hills at dawn",
            },
            REMOTE_ADDR="203.0.113.7",
        )

    for _ in range(3):
        assert "incorrect" in change("guess").content.decode()
    refused = change(RIGHT).content.decode()
    assert "Too many sign-in attempts" in refused
    alice.refresh_from_db()
    assert alice.check_password(RIGHT)
