"""Sign-in limits: per account and per client address, so that neither a proxy's address nor
a stranger locks a runner out (milepost/accounts/models.py, LoginFailureQuerySet)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from milepost.accounts.models import LoginFailure
from milepost.web import client_address

pytestmark = pytest.mark.django_db

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
