"""E-mail to runners and coaches: the one place every layer asks where a person's e-mail may
go, whether they want this kind, and sends it with a one-click unsubscribe link.

- An address counts only once its owner has confirmed it, by the link ``send_verification``
  e-mails to it (``verified_address``); no two accounts can confirm the same address.
- ``KINDS`` lists every kind of e-mail Milepost sends on its own, with its default and the
  plain words the profile page shows; ``EmailChoice`` keeps each person's choices.
- ``send`` renders a plain-text e-mail of one kind, adds the unsubscribe link to its foot and
  the ``List-Unsubscribe`` headers (RFC 8058), and sends it only to a confirmed address of a
  person who wants that kind.

Links carry signed tokens (``django.core.signing``) naming the person, so they work without
signing in; a changed or tampered token is refused in plain words (``BadLink``)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage, send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse

from milepost import clock

from .models import EmailChoice, Profile

REST_OVER = "rest_over"
STEPS_DUE = "steps_due"
NUDGES = "nudges"
COMMENT = "comment"
SUGGESTION_ANSWERED = "suggestion_answered"
DIGEST = "digest"


@dataclass(frozen=True)
class Kind:
    label: str
    default: bool
    for_coaches: bool = False


# Every kind of e-mail sent without being asked for there and then; on unless said otherwise.
KINDS = {
    REST_OVER: Kind("When your goals have rested and it is time to look at them again", True),
    STEPS_DUE: Kind("A step towards your goal on the day it is due", True),
    NUDGES: Kind("A nudge to look at your goals afresh, after a break or a race", True),
    COMMENT: Kind("A new message on a goal, from your coach or your client", True),
    SUGGESTION_ANSWERED: Kind("A client answered a goal you suggested", False, for_coaches=True),
    DIGEST: Kind("Each morning, the clients who could use a check-in", False, for_coaches=True),
}

VERIFY_SALT = "milepost.accounts.verify-email"
UNSUBSCRIBE_SALT = "milepost.accounts.unsubscribe"


class BadLink(Exception):
    """A link that cannot be followed; its message says why, in plain words."""


def verified_address(user) -> str | None:
    """The person's e-mail address if they have confirmed it (and not changed it since)."""
    profile = getattr(user, "profile", None)
    address = user.email or ""
    if address and profile and profile.verified_email == address:
        return address
    return None


def with_verified_address(prefix: str = "") -> Q:
    """The filter for users (through ``prefix``, e.g. "owner__") whose address is confirmed:
    ``verified_address`` for many at once."""
    return ~Q(**{f"{prefix}email": ""}) & Q(
        **{f"{prefix}profile__verified_email": F(f"{prefix}email")}
    )


def owner_of_verified(address: str, *, other_than=None):
    """The user who has confirmed ``address`` (any case), other than ``other_than``; or None."""
    found = Profile.objects.filter(verified_email__iexact=address)
    if other_than is not None:
        found = found.exclude(user=other_than)
    return found.select_related("user").first()


def wants(user, kind: str) -> bool:
    return user.pk in EmailChoice.objects.wanting(kind, [user.pk])


def absolute(path: str, base: str | None = None) -> str:
    return (base or settings.SITE_URL).rstrip("/") + path


# Confirming an address


def verification_token(user) -> str:
    payload = {"u": user.pk, "e": user.email, "t": int(clock.now().timestamp())}
    return signing.dumps(payload, salt=VERIFY_SALT)


def read_verification_token(token: str):
    """The user whose current address ``token`` confirms; ``BadLink`` if it cannot."""
    payload = unsign(token, VERIFY_SALT)
    age = clock.now().timestamp() - payload.get("t", 0)
    if age > settings.VERIFY_EMAIL_DAYS * 86400:
        raise BadLink(
            "This link is too old. Send yourself a new one from your profile page; "
            f"each link works for {settings.VERIFY_EMAIL_DAYS} days."
        )
    user = get_user_model().objects.filter(pk=payload.get("u"), is_active=True).first()
    if user is None or (user.email or "").lower() != str(payload.get("e", "")).lower():
        raise BadLink(
            "This link is for an address that is no longer on its account. "
            "If you changed your address, use the link sent to the new one."
        )
    return user


def send_verification(*, user, base: str | None = None) -> bool:
    """E-mails the person a link that confirms their address; false if they have none."""
    if not user.email:
        return False
    link = absolute(reverse("accounts:verify_email", args=[verification_token(user)]), base)
    context = {"user": user, "link": link, "days": settings.VERIFY_EMAIL_DAYS}
    send_mail(
        subject="Confirm your e-mail address for Milepost",
        message=render_to_string("accounts/email/verify.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    Profile.objects.filter(user=user).update(verification_sent_at=clock.now())
    return True


def can_resend(user) -> bool:
    sent = user.profile.verification_sent_at
    wait = settings.VERIFY_RESEND_MINUTES * 60
    return sent is None or (clock.now() - sent).total_seconds() >= wait


TAKEN = (
    "Another Milepost account has already confirmed this address, so it cannot be confirmed "
    "here too. Sign in to that account, or use a different address on this one."
)


def confirm_address(*, user) -> None:
    """The person's current address is theirs: it counts from now on. ``BadLink`` when
    another account has already confirmed it."""
    with transaction.atomic():
        if owner_of_verified(user.email, other_than=user):
            raise BadLink(TAKEN)
        try:
            with transaction.atomic():
                Profile.objects.filter(user=user).update(verified_email=user.email)
        except IntegrityError:  # confirmed elsewhere in the same moment
            raise BadLink(TAKEN) from None


@transaction.atomic
def change_address(*, user, email: str, base: str | None = None) -> bool:
    """A new address for the person: it counts once confirmed, so a link goes to it (true if
    one was sent; not within VERIFY_RESEND_MINUTES of the last). The same address, in any
    case, changes nothing."""
    if (user.email or "").lower() == email.lower():
        if user.email != email:  # only its case: still confirmed, if it was
            confirmed = verified_address(user) is not None
            user.email = email
            user.save(update_fields=["email"])
            if confirmed:
                Profile.objects.filter(user=user).update(verified_email=email)
        return False
    user.email = email
    user.save(update_fields=["email"])
    profile = user.profile
    profile.verified_email = ""  # the old one no longer counts, and is free for its owner
    profile.save(update_fields=["verified_email"])
    if not email or not can_resend(user):  # no one fills an inbox by changing back and forth
        return False
    return send_verification(user=user, base=base)


# Unsubscribing


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str):
    """The user and the kind of e-mail ``token`` turns off; ``BadLink`` if it cannot."""
    payload = unsign(token, UNSUBSCRIBE_SALT)
    kind = payload.get("k")
    user = get_user_model().objects.filter(pk=payload.get("u")).first()
    if user is None or kind not in KINDS:
        raise BadLink("This link is for an account or an e-mail that no longer exists.")
    return user, kind


def unsubscribe_url(user, kind: str, base: str | None = None) -> str:
    return absolute(reverse("accounts:unsubscribe", args=[unsubscribe_token(user, kind)]), base)


def unsign(token: str, salt: str) -> dict:
    try:
        payload = signing.loads(token, salt=salt)
    except signing.BadSignature:
        raise BadLink(
            "This link is not complete or has been changed. Copy the whole link from the "
            "e-mail into your browser's address bar, or open it from the e-mail again."
        ) from None
    if not isinstance(payload, dict):
        raise BadLink("This link is not one Milepost made.")
    return payload


# Sending


def send(*, user, kind: str, subject: str, template: str, context: dict) -> bool:
    """Sends the person one plain-text e-mail of ``kind``, with its unsubscribe link, if they
    have a confirmed address and want this kind; true if it went."""
    address = verified_address(user)
    if not address or not wants(user, kind):
        return False
    unsubscribe = unsubscribe_url(user, kind)
    foot = render_to_string(
        "accounts/email/footer.txt",
        {
            "kind": KINDS[kind],
            "unsubscribe": unsubscribe,
            "settings_url": absolute(reverse("accounts:profile") + "#emails"),
        },
    )
    body = render_to_string(template, context).rstrip() + "\n\n" + foot
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[address],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
    return True
