import hashlib
import secrets
import zoneinfo
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models.functions import Lower

from milepost import clock

KM_PER_MILE = 1.609344


class Units(models.TextChoices):
    KM = "km", "Kilometres"
    MI = "mi", "Miles"


class Category(models.TextChoices):
    # Only used to pick age-graded and qualifying tables; optional.
    NONE = "", "Prefer not to say"
    WOMEN = "women", "Women"
    MEN = "men", "Men"
    NONBINARY = "nonbinary", "Non-binary"


def new_data_version() -> str:
    # Random rather than counted: a database restored from a backup, or a test's rolled-back
    # transaction, never brings back a version that cached pages were stored under.
    return secrets.token_hex(8)


def time_zone_choices():
    return [(tz, tz) for tz in sorted(zoneinfo.available_timezones()) if "/" in tz or tz == "UTC"]


class ProfileQuerySet(models.QuerySet):
    def mark_changed(self) -> int:
        """Something these runners' pages show has changed: their cached pages are stale."""
        return self.update(data_version=new_data_version())

    @transaction.atomic
    def create_runner(
        self,
        username: str,
        email: str = "",
        password: str | None = None,
        *,
        email_verified: bool = False,
    ):
        """A new runner: the user and their profile, together. ``email_verified`` takes the
        address as confirmed (tests, the demo, the command line); otherwise it counts only once
        its owner follows the link e-mailed to it (milepost/accounts/mail.py)."""
        user = get_user_model().objects.create_user(username, email, password)
        self.create(user=user, verified_email=email if email_verified else "")
        return user

    def give_missing(self) -> int:
        """A profile for every user made without one (by ``createsuperuser``, say)."""
        users = get_user_model().objects.filter(profile=None)
        return len(self.bulk_create(self.model(user=user) for user in users))


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField("Your name", max_length=100, blank=True)
    units = models.CharField(max_length=2, choices=Units, default=Units.KM)
    time_zone = models.CharField(max_length=64, default="UTC")
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    category = models.CharField(max_length=10, choices=Category, blank=True, default="")
    weekly_minutes = models.PositiveSmallIntegerField(
        "Time for running each week (minutes)", null=True, blank=True
    )

    # "Your running lately", for runners who have not imported their runs (yet).
    recent_race_m = models.FloatField("Recent race or timed run: distance", null=True, blank=True)
    recent_race_s = models.FloatField("Recent race or timed run: time", null=True, blank=True)
    recent_race_on = models.DateField("Recent race or timed run: date", null=True, blank=True)
    typical_week_m = models.FloatField("A typical week: distance", null=True, blank=True)
    typical_week_runs = models.PositiveSmallIntegerField(
        "A typical week: number of runs", null=True, blank=True
    )
    recent_long_run_m = models.FloatField("Longest run of the last month", null=True, blank=True)

    # Changes whenever anything the runner's pages show changes (see
    # milepost/accounts/pagecache.py): cached pages are stored under it.
    data_version = models.CharField(max_length=16, default=new_data_version, editable=False)

    # The address its owner confirmed by following the link e-mailed to it; it counts while it
    # is still the account's address (``mail.verified_address``). No two accounts share one.
    verified_email = models.EmailField(blank=True, default="", editable=False)
    # When the last confirmation link went out (resending waits VERIFY_RESEND_MINUTES).
    verification_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("verified_email"),
                condition=~models.Q(verified_email=""),
                name="one_account_per_verified_email",
            )
        ]

    def __str__(self):
        return self.name or self.user.get_username()

    def save(self, *args, update_fields=None, **kwargs):
        self.data_version = new_data_version()  # units, name and time zone show on every page
        if update_fields is not None:
            update_fields = {*update_fields, "data_version"}
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def age(self) -> int | None:
        return clock.now().year - self.birth_year if self.birth_year else None

    @property
    def display_name(self) -> str:
        return self.name or self.user.get_username()

    def today(self) -> date:
        """Today in the runner's own time zone."""
        return clock.now().astimezone(self.zone).date()

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")


class LoginFailureQuerySet(models.QuerySet):
    """Failed sign-ins, counted three ways within the window so that no stranger can lock a
    runner out (the window and limits are settings, see .env.example):

    - one address guessing one account: after LOGIN_MAX_FAILURES, that address waits for it;
    - one address trying many accounts: after LOGIN_ADDRESS_MAX_FAILURES, that address waits;
    - many addresses guessing one account: after LOGIN_ACCOUNT_MAX_FAILURES in all, each
      address that has failed on it waits. An address that has not failed is never refused,
      so the runner (from home, a phone, a club's shared address) still signs in with the
      right password while their account is being guessed at.

    Addresses are the client's (``milepost.web.client_address``), not a proxy's.
    """

    def recent(self):
        return self.filter(at__gte=window_start())

    def is_locked(self, username: str, address: str | None) -> bool:
        recent = self.recent()
        if address and recent.filter(address=address).count() >= (
            settings.LOGIN_ADDRESS_MAX_FAILURES
        ):
            return True
        account = recent.filter(username__iexact=username)
        from_here = account.filter(address=address).count()
        if from_here >= settings.LOGIN_MAX_FAILURES:
            return True
        return from_here > 0 and account.count() >= settings.LOGIN_ACCOUNT_MAX_FAILURES

    def record(self, username: str, address: str | None) -> None:
        """Notes a failed sign-in, and forgets those older than the window."""
        self.filter(at__lt=window_start()).delete()
        self.create(username=username[:150], address=address or None, at=clock.now())

    def forget(self, username: str, address: str | None) -> None:
        """A right password: this address's failures on this account no longer count."""
        self.filter(username__iexact=username, address=address or None).delete()


def window_start():
    return clock.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


class LoginFailure(models.Model):
    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=clock.now, db_index=True)

    objects = LoginFailureQuerySet.as_manager()

    def __str__(self):
        return f"{self.username} at {self.at:%Y-%m-%d %H:%M}"


class SignupAttemptQuerySet(models.QuerySet):
    """Sign-ups tried from one client address (``milepost.web.client_address``): after
    SIGNUP_MAX_PER_ADDRESS within SIGNUP_WINDOW_MINUTES that address waits, so no one makes
    accounts by the thousand or walks the list of usernames. Kept only as long as the window."""

    def is_limited(self, address: str | None) -> bool:
        since = clock.now() - timedelta(minutes=settings.SIGNUP_WINDOW_MINUTES)
        recent = self.filter(at__gte=since, address=address or None)
        return recent.count() >= settings.SIGNUP_MAX_PER_ADDRESS

    def record(self, address: str | None) -> None:
        """Notes a sign-up tried from this address, and forgets those older than the window."""
        self.filter(at__lt=clock.now() - timedelta(minutes=settings.SIGNUP_WINDOW_MINUTES)).delete()
        self.create(address=address or None, at=clock.now())


class SignupAttempt(models.Model):
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(default=clock.now, db_index=True)

    objects = SignupAttemptQuerySet.as_manager()

    def __str__(self):
        return f"{self.address} at {self.at:%Y-%m-%d %H:%M}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        now = clock.now()
        return self.filter(revoked_at=None).filter(
            models.Q(expires_at=None) | models.Q(expires_at__gt=now)
        )

    @transaction.atomic
    def issue(self, *, owner, name: str, write: bool = False, expires_at=None):
        """A new personal access token: the row (which keeps only a hash) and the token
        itself, shown to the runner once."""
        raw = "mp_" + secrets.token_urlsafe(32)
        token = self.create(
            owner=owner,
            name=name,
            can_write=write,
            expires_at=expires_at,
            prefix=raw[:10],
            key_hash=hash_token(raw),
        )
        return token, raw

    def find(self, raw: str):
        """The usable token for this secret, with its owner, or None."""
        if not raw or len(raw) > 200:
            return None
        return (
            self.usable()
            .select_related("owner__profile")
            .filter(key_hash=hash_token(raw), owner__is_active=True)
            .first()
        )


class ApiToken(models.Model):
    """A personal access token for the JSON API (``Authorization: Bearer TOKEN``): stored as
    a hash, read-only unless made for writing, revocable, with an optional expiry."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("What it is for", max_length=100)
    prefix = models.CharField(max_length=10)
    key_hash = models.CharField(max_length=64, unique=True)
    can_write = models.BooleanField("Can add and change things", default=False)
    created_at = models.DateTimeField(default=clock.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def revoke(self) -> None:
        self.revoked_at = clock.now()
        self.save(update_fields=["revoked_at"])


class PasswordResetAttemptQuerySet(models.QuerySet):
    """Password-reset requests from one client address (``milepost.web.client_address``):
    after PASSWORD_RESET_MAX_PER_ADDRESS within PASSWORD_RESET_WINDOW_MINUTES that address
    waits, so no one floods a runner's inbox or walks the list of addresses. Kept only as long
    as the window."""

    def window_start(self):
        return clock.now() - timedelta(minutes=settings.PASSWORD_RESET_WINDOW_MINUTES)

    def is_limited(self, address: str | None) -> bool:
        recent = self.filter(at__gte=self.window_start(), address=address or None)
        return recent.count() >= settings.PASSWORD_RESET_MAX_PER_ADDRESS

    def record(self, address: str | None) -> None:
        """Notes a request from this address, and forgets those older than the window."""
        self.filter(at__lt=self.window_start()).delete()
        self.create(address=address or None, at=clock.now())


class PasswordResetAttempt(models.Model):
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(default=clock.now, db_index=True)

    objects = PasswordResetAttemptQuerySet.as_manager()

    def __str__(self):
        return f"{self.address} at {self.at:%Y-%m-%d %H:%M}"


class EmailChoiceQuerySet(models.QuerySet):
    def wanting(self, kind: str, user_ids) -> set[int]:
        """Of ``user_ids``, those who want e-mails of ``kind`` (their choice, or the default
        in ``mail.KINDS``)."""
        from .mail import KINDS

        user_ids = list(user_ids)
        chosen = dict(self.filter(kind=kind, user_id__in=user_ids).values_list("user", "enabled"))
        return {pk for pk in user_ids if chosen.get(pk, KINDS[kind].default)}

    def chosen(self, user) -> dict[str, bool]:
        """Every kind of e-mail (``mail.KINDS``), on or off for this person."""
        from .mail import KINDS

        saved = dict(self.filter(user=user).values_list("kind", "enabled"))
        return {kind: saved.get(kind, each.default) for kind, each in KINDS.items()}

    @transaction.atomic
    def choose(self, *, user, choices: dict[str, bool]) -> None:
        """Which e-mails the person wants, kind by kind (the others keep what they were)."""
        for kind, enabled in choices.items():
            self.update_or_create(user=user, kind=kind, defaults={"enabled": enabled})


class EmailChoice(models.Model):
    """A person's choice for one kind of e-mail (``mail.KINDS``); no row means the default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_choices"
    )
    kind = models.CharField(max_length=30)
    enabled = models.BooleanField()
    # The person's own day the last once-a-day e-mail of this kind went out (the digest).
    last_sent_on = models.DateField(null=True, blank=True)

    objects = EmailChoiceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_email_choice_per_kind")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} {'on' if self.enabled else 'off'}"
