"""E-mail: confirmed addresses, e-mail choices with one-click unsubscribe, and password reset
(milepost/accounts/mail.py). Links are followed from the messages actually sent."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client
from django.urls import reverse

from milepost import clock
from milepost.accounts import mail
from milepost.accounts.models import EmailChoice, PasswordResetAttempt, Profile
from milepost.goals.models import Status, Step
from milepost.nudges.reminders import send_due_step_reminders

pytestmark = pytest.mark.django_db
User = get_user_model()


def link_in(message) -> str:
    """The first link to this site in an e-mail, as a path."""
    found = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert found, message.body
    return found[1]


def links_in(message) -> list[str]:
    return re.findall(r"https?://[^/\s]+(/\S+)", message.body)


def unconfirmed(user):
    Profile.objects.filter(user=user).update(verified_email="")
    user.refresh_from_db()
    return user


def step_due(runner, make_goal, title="Run 5 km"):
    goal = make_goal(runner, status=Status.ACTIVE, title="Tom's 5k & more")
    return Step.objects.create(goal=goal, title=title, due=clock.now().date())


# Confirming an address


def test_signing_up_with_an_address_sends_a_link_that_confirms_it(client, mailoutbox):
    client.post(
        reverse("accounts:signup"),
        {
            "username": "dana",
            "email": "Dana@example.org",
            "password1": "a long new password 9",
            "password2": "a long new password 9",
        },
    )
    dana = User.objects.get(username="dana")
    assert mail.verified_address(dana) is None
    assert [m.to for m in mailoutbox] == [["Dana@example.org"]]
    link = link_in(mailoutbox[0])
    page = Client().get(link)  # no need to be signed in
    assert page.status_code == 200 and b"Yes, confirm" in page.content
    dana.refresh_from_db()
    assert mail.verified_address(dana) is None  # a GET never writes
    Client().post(link)
    dana.refresh_from_db()
    assert mail.verified_address(dana) == "Dana@example.org"
    again = Client().get(link)
    assert b"Your address is confirmed" in again.content


def test_a_tampered_link_is_refused_in_plain_words(alice):
    token = mail.verification_token(unconfirmed(alice))
    with pytest.raises(mail.BadLink, match="not complete or has been changed"):
        mail.read_verification_token(token[:-2] + "xx")
    with pytest.raises(mail.BadLink, match="not complete or has been changed"):
        mail.read_unsubscribe_token(token)  # another kind of link altogether
    forged = signing.dumps({"u": alice.pk, "k": "digest"}, salt="something else")
    with pytest.raises(mail.BadLink):
        mail.read_unsubscribe_token(forged)
    page = Client().get(reverse("accounts:verify_email", args=["nonsense"]))
    assert page.status_code == 400 and b"not complete or has been changed" in page.content


def test_an_old_link_is_refused_in_plain_words(alice, travel):
    token = mail.verification_token(unconfirmed(alice))
    travel(days=2)
    assert mail.read_verification_token(token) == alice
    travel(days=2)
    with pytest.raises(mail.BadLink, match="too old"):
        mail.read_verification_token(token)


def test_a_link_for_an_address_since_changed_is_refused(alice):
    token = mail.verification_token(unconfirmed(alice))
    mail.change_address(user=alice, email="alice@new.example.org")
    with pytest.raises(mail.BadLink, match="no longer on its account"):
        mail.read_verification_token(token)


def test_two_accounts_never_confirm_the_same_address(alice, bob):
    bob.email = "ALICE@example.org"
    bob.save()
    page = Client().post(reverse("accounts:verify_email", args=[mail.verification_token(bob)]))
    assert page.status_code == 409
    assert b"Another Milepost account has already confirmed this address" in page.content
    bob.refresh_from_db()
    assert mail.verified_address(bob) is None and mail.verified_address(alice)


def test_changing_the_address_on_the_profile_sends_a_link_and_resending_waits(
    alice_client, alice, mailoutbox, travel
):
    alice_client.post(reverse("accounts:email_address"), {"email": "alice@new.example.org"})
    alice.refresh_from_db()
    assert alice.email == "alice@new.example.org" and mail.verified_address(alice) is None
    assert [m.to for m in mailoutbox] == [["alice@new.example.org"]]
    page = alice_client.get(reverse("accounts:profile")).content.decode()
    assert "Not confirmed yet" in page and "Send the link again" not in page  # just sent
    alice_client.post(reverse("accounts:verify_resend"))
    assert len(mailoutbox) == 1
    travel(minutes=6)
    page = alice_client.get(reverse("accounts:profile")).content.decode()
    assert "Send the link again" in page
    alice_client.post(reverse("accounts:verify_resend"))
    assert len(mailoutbox) == 2
    Client().post(link_in(mailoutbox[1]))
    alice.refresh_from_db()
    assert mail.verified_address(alice) == "alice@new.example.org"
    assert "Confirmed" in alice_client.get(reverse("accounts:profile")).content.decode()


def test_changing_the_address_again_and_again_sends_one_link(alice_client, alice, mailoutbox):
    for address in ("a@example.org", "b@example.org", "a@example.org"):
        alice_client.post(reverse("accounts:email_address"), {"email": address})
    assert [m.to for m in mailoutbox] == [["a@example.org"]]
    alice.refresh_from_db()
    assert alice.email == "a@example.org" and mail.verified_address(alice) is None


def test_a_bad_address_is_refused_and_kept(alice_client, alice):
    page = alice_client.post(reverse("accounts:email_address"), {"email": "not an address"})
    assert page.status_code == 400 and b'value="not an address"' in page.content
    alice.refresh_from_db()
    assert alice.email == "alice@example.org" and mail.verified_address(alice)


# Who gets e-mails, and unsubscribing


def test_an_unconfirmed_address_gets_no_reminder(alice, make_goal, mailoutbox):
    unconfirmed(alice)
    step_due(alice, make_goal)
    send_due_step_reminders()
    assert mailoutbox == []


def test_the_unsubscribe_link_in_a_sent_reminder_turns_that_kind_off(alice, make_goal, mailoutbox):
    step_due(alice, make_goal)
    assert send_due_step_reminders() == 1
    [message] = mailoutbox
    assert "Tom's 5k & more" in message.body and "&#x27;" not in message.body  # plain text
    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = [p for p in links_in(message) if "/unsubscribe/" in p][0]
    assert header.startswith("<") and header.endswith(link + ">")
    page = Client().get(link)
    assert page.status_code == 200 and b"Stop these e-mails" in page.content
    assert mail.wants(alice, mail.STEPS_DUE)  # a GET never writes
    # The one click a mail program makes (RFC 8058): a POST, no session, no CSRF token.
    one_click = Client(enforce_csrf_checks=True)
    done = one_click.post(link, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
    assert done.status_code == 200 and b"These e-mails are off" in done.content
    assert not mail.wants(alice, mail.STEPS_DUE) and mail.wants(alice, mail.NUDGES)
    step_due(alice, make_goal, title="Another run")
    send_due_step_reminders()
    assert len(mailoutbox) == 1


def test_every_kind_has_a_tick_box_on_the_profile(alice_client, alice):
    page = alice_client.get(reverse("accounts:profile")).content.decode()
    assert 'id="emails"' in page
    for kind, each in mail.KINDS.items():
        assert f'name="{kind}"' in page and each.label in page
    alice_client.post(reverse("accounts:email_choices"), {"rest_over": "on", "digest": "on"})
    chosen = EmailChoice.objects.chosen(alice)
    assert chosen["rest_over"] and chosen["digest"] and not chosen["steps_due"]


# Password reset


def ask_reset(client, address, ip="203.0.113.7"):
    return client.post(reverse("accounts:password_reset"), {"email": address}, REMOTE_ADDR=ip)


def test_a_password_reset_from_the_link_in_the_e_mail(client, alice, mailoutbox):
    assert reverse("accounts:password_reset") in client.get(reverse("accounts:login")).text
    response = ask_reset(client, "ALICE@example.org")
    assert response["Location"] == reverse("accounts:password_reset_done")
    [message] = mailoutbox
    assert message.to == ["alice@example.org"] and "&#x27;" not in message.body
    form = client.get(link_in(message), follow=True)
    assert b"Choose a new password" in form.content
    new = "a brand new password 7"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert b"Your new password is saved" in done.content
    assert client.login(username="alice", password=new)
    again = Client().get(link_in(message), follow=True)  # used: it works once
    assert b"This link no longer works" in again.content


def test_a_reset_goes_only_to_a_confirmed_address_and_the_page_says_the_same(
    client, alice, mailoutbox
):
    unconfirmed(alice)
    answers = [ask_reset(client, a) for a in ("alice@example.org", "nobody@example.org")]
    assert mailoutbox == []
    assert {(r.status_code, r["Location"]) for r in answers} == {
        (302, reverse("accounts:password_reset_done"))
    }


def test_reset_requests_are_limited_per_client_address(client, alice, settings, mailoutbox):
    settings.PASSWORD_RESET_MAX_PER_ADDRESS = 2
    for _ in range(2):
        assert ask_reset(client, "alice@example.org").status_code == 302
    refused = ask_reset(client, "alice@example.org")
    assert refused.status_code == 429 and b"Too many requests from here" in refused.content
    assert b'value="alice@example.org"' in refused.content
    assert ask_reset(client, "alice@example.org", ip="198.51.100.9").status_code == 302
    assert len(mailoutbox) == 3
    PasswordResetAttempt.objects.update(at=clock.now() - timedelta(hours=2))
    assert ask_reset(client, "alice@example.org").status_code == 302
    assert PasswordResetAttempt.objects.count() == 1  # the old ones are forgotten
