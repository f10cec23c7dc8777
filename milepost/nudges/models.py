import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from milepost import clock


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A private iCalendar feed; whoever has the secret URL can read it, so it can be renewed."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=clock.now)

    def __str__(self):
        return f"Calendar of {self.owner}"

    def get_absolute_url(self):
        return reverse("nudges:calendar_feed", args=[self.token])

    @property
    def uid_tag(self) -> str:
        """Makes the feed's event UIDs unique across installations and stable across
        requests: a digest of the secret token (it changes with a new address)."""
        return hashlib.sha256(self.token.encode()).hexdigest()[:16]

    @classmethod
    def renew_for(cls, owner) -> "CalendarFeed":
        """The runner's feed at a new secret address (their first one, or a fresh one)."""
        feed, created = cls.objects.get_or_create(owner=owner)
        if not created:
            feed.regenerate()
        return feed

    def regenerate(self) -> None:
        self.token = new_token()
        self.created_at = clock.now()
        self.save(update_fields=["token", "created_at"])


class Kind(models.TextChoices):
    BREAK = "break", "Back after a break"
    NEW_CYCLE = "new_cycle", "A new training cycle"
    GOAL_REACHED = "goal_reached", "A goal reached"
    PLATEAU = "plateau", "A plateau"
    LOW_MOTIVATION = "low_motivation", "A quieter spell"


# The reason a round started from a nudge is given (reflection.models.Reason).
ROUND_REASONS = {
    Kind.BREAK: "break",
    Kind.NEW_CYCLE: "new_cycle",
    Kind.GOAL_REACHED: "goal_reached",
    Kind.PLATEAU: "plateau",
    Kind.LOW_MOTIVATION: "plateau",
}


class NudgeQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)

    def open_on(self, today):
        """Showing on ``today``: still detected, not dismissed, not snoozed past ``today``."""
        return self.filter(closed_on=None, dismissed_at=None).filter(
            Q(snoozed_until=None) | Q(snoozed_until__lte=today)
        )


class Nudge(models.Model):
    """A reason to start a new round, found by ``triggers.detect`` and stored once.

    A nudge is open while the trigger still reports it (``closed_on`` is set the first day it
    does not), until the runner dismisses it (for good) or while a snooze lasts.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=14, choices=Kind)
    since = models.DateField()
    reason = models.TextField()
    goal = models.ForeignKey(
        "goals.Goal", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(default=clock.now)
    closed_on = models.DateField(null=True, blank=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    snoozed_until = models.DateField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NudgeQuerySet.as_manager()

    class Meta:
        ordering = ["since", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "since", "goal"],
                condition=Q(goal__isnull=False),
                name="nudge_once_per_goal",
            ),
            models.UniqueConstraint(
                fields=["owner", "kind", "since"],
                condition=Q(goal__isnull=True),
                name="nudge_once",
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="nudge_kind_known"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} since {self.since}"

    @property
    def anchor(self) -> str:
        """The page's name for this nudge: its id once stored, else its kind and first day."""
        return str(self.pk) if self.pk else f"{self.kind}-{self.since:%Y%m%d}"

    @property
    def round_reason(self) -> str:
        return ROUND_REASONS[self.kind]

    @property
    def start_round_url(self) -> str:
        return f"{reverse('rounds:round_new')}?reason={self.round_reason}"

    def dismiss(self) -> None:
        self.dismissed_at = clock.now()
        self.save(update_fields=["dismissed_at"])

    def snooze(self, until) -> None:
        self.snoozed_until = until
        self.save(update_fields=["snoozed_until"])


class CycleStart(models.Model):
    """ "I'm starting a new training cycle on …": a new-cycle nudge opens on that day."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField("My new training cycle starts on")
    note = models.CharField("A word about it (optional)", max_length=200, blank=True)
    created = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["day", "id"]

    def __str__(self):
        return f"New cycle on {self.day}"


class NudgeCheck(models.Model):
    """When the runner's nudges were last stored, and from which version of their data
    (``Profile.data_version``): the stored nudges are current while both still hold."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    checked_on = models.DateField()
    checked_at = models.DateTimeField(default=clock.now)
    data_version = models.CharField(max_length=16, blank=True)

    def __str__(self):
        return f"Nudges of {self.owner} checked on {self.checked_on}"


class DemoRunner(models.Model):
    """Marks the account `milepost demo` made: its data is made up, and only such an account
    is ever reset by the command."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created = models.DateTimeField(default=clock.now)

    def __str__(self):
        return f"Demo runner {self.user}"
