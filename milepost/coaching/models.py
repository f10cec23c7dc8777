"""Coaching: what a runner shares with a coach (a ``Grant`` and its scopes), the invitations
that lead to one, the coach's private notes, and the coach's groups.

Whatever a coach reads of a runner goes through ``access.py``, which checks the live grant and
its scope; nothing here is read any other way."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from milepost import clock


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Scope(models.TextChoices):
    GOALS = "goals", "Goals: goals, steps, progress, check-ins and pauses"
    REFLECTIONS = "reflections", "Reflections: the notes and themes of your rounds"
    RUNS = "runs", "Runs: your activities and weekly totals"


SCOPES = [s.value for s in Scope]


class GrantStatus(models.TextChoices):
    ACTIVE = "active", "Sharing"
    PAUSED = "paused", "Paused"
    REVOKED = "revoked", "Stopped"


class GrantQuerySet(models.QuerySet):
    def live(self):
        return self.filter(status=GrantStatus.ACTIVE)

    def with_scope(self, scope: str):
        return self.live().filter(**{f"share_{scope}": True})


class Grant(models.Model):
    """A runner shares with a coach: one row per pair, its scopes changed in place, paused or
    stopped by the runner at any time (effective at once: every read checks it)."""

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_grants"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_grants"
    )
    share_goals = models.BooleanField(default=False)
    share_reflections = models.BooleanField(default=False)
    share_runs = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=GrantStatus, default=GrantStatus.ACTIVE)
    created_at = models.DateTimeField(default=clock.now)
    changed_at = models.DateTimeField(default=clock.now)

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["runner", "coach"], name="one_grant_per_pair"),
            models.CheckConstraint(condition=~Q(runner=models.F("coach")), name="no_self_grant"),
        ]

    def __str__(self):
        return f"{self.runner} shares with {self.coach}"

    @property
    def scopes(self) -> list[str]:
        return [scope for scope in SCOPES if getattr(self, f"share_{scope}")]

    @property
    def is_live(self) -> bool:
        return self.status == GrantStatus.ACTIVE

    def allows(self, scope: str) -> bool:
        return self.is_live and scope in self.scopes


class InvitationKind(models.TextChoices):
    FROM_RUNNER = "runner", "A runner invites a coach"
    FROM_COACH = "coach", "A coach invites a runner"


class InvitationQuerySet(models.QuerySet):
    def unused(self):
        return self.filter(used_at=None, withdrawn_at=None)


class Invitation(models.Model):
    """A one-time link (and, given an address, an e-mail with it). Accepting it never shares
    anything by itself: the runner picks the scopes when the grant is made."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coaching_invitations"
    )
    kind = models.CharField(max_length=6, choices=InvitationKind)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    email = models.EmailField(blank=True)
    # What a runner's invitation will share once the coach accepts it (a coach's invitation
    # has none: the runner picks when accepting).
    scopes = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Invitation from {self.sender}"

    def get_absolute_url(self):
        return reverse("coaching:invitation", args=[self.token])

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.withdrawn_at is None


class CoachNote(models.Model):
    """The coach's own note about a client: private to the coach unless shared with the
    runner. Needs a live grant to be written or read; deleted with either account."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_notes_written"
    )
    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_notes_about"
    )
    text = models.TextField(max_length=4000)
    shared = models.BooleanField("Share this note with the runner", default=False)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.text[:60]


class Group(models.Model):
    """A coach's group (a programme, a community): members join by its link."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coached_groups"
    )
    name = models.CharField(max_length=100)
    join_token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=clock.now)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="coaching_groups"
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    joined_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "runner"], name="member_once_per_group")
        ]

    def __str__(self):
        return f"{self.runner} in {self.group}"


class GroupRound(models.Model):
    """A round the coach runs with a whole group: the coach's own questions (``prompts``) and
    dates. Each member who takes part starts a round of their own (a ``GroupRoundSeat``), private
    unless they share chosen notes and themes."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="rounds")
    prompts = models.JSONField(default=list, blank=True)  # [question text, ...]
    brainstorm_by = models.DateField("Reflect by")
    rest_until = models.DateField("Rest until", null=True, blank=True)
    started_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.group} round of {self.started_at:%d %B %Y}"


class GroupRoundSeat(models.Model):
    """A member's own round, taken as part of a group round: the round stays theirs."""

    group_round = models.ForeignKey(GroupRound, on_delete=models.CASCADE, related_name="seats")
    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_round_seats"
    )
    round = models.OneToOneField(
        "reflection.Round", on_delete=models.CASCADE, related_name="group_seat"
    )
    joined_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["group_round", "runner"], name="one_seat_per_runner_and_group_round"
            )
        ]

    def __str__(self):
        return f"{self.runner} in {self.group_round}"
