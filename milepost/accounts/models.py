import hashlib
import secrets
import zoneinfo
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction

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
    def create_runner(self, username: str, email: str = "", password: str | None = None):
        """A new runner: the user and their profile, together."""
        user = get_user_model().objects.create_user(username, email, password)
        self.create(user=user)
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

    objects = ProfileQuerySet.as_manager()

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
