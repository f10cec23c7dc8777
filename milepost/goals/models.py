import math
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from milepost import clock
from milepost.reflection.models import Round, theme_choices

from . import alignment, metrics


class Size(models.TextChoices):
    SMALL = "small", "Small"
    MEDIUM = "medium", "Medium"
    BIG = "big", "Big"


class Horizon(models.TextChoices):
    DATE = "date", "By a date"
    SOON = "soon", "In the next month or two"
    LATER = "later", "Further out"


class Feeling(models.TextChoices):
    DOABLE = "doable", "Very doable"
    SCARY = "scary", "A little scary"


class Kind(models.TextChoices):
    MEASURABLE = "measurable", "Measurable: Milepost can follow it from my runs"
    EXPERIENTIAL = "experiential", "An experience: a place, people, a feeling; I check in"


# What a measurable goal measures: keys and labels from the one vocabulary in metrics.py.
Metric = models.TextChoices(
    "Metric", [(key.upper(), (key, m.label)) for key, m in metrics.METRICS.items()]
)


class Period(models.TextChoices):
    WEEK = "week", "per week"
    MONTH = "month", "per month"
    YEAR = "year", "per year"


class TargetUnit(models.TextChoices):
    METRES = "m", "metres"
    SECONDS = "s", "seconds"
    COUNT = "count", "runs"
    DAYS = "days", "days"


class PauseReason(models.TextChoices):
    INJURY = "injury", "Injury"
    ILLNESS = "illness", "Illness"
    LIFE = "life", "Life got busy"
    OTHER = "other", "Something else"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    CHOSEN = "chosen", "Chosen, purpose check next"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    SOMEDAY = "someday", "Someday"
    DONE = "done", "Done"


SOON_DAYS = 60
# "Further out" with no date: judged as a year from now.
LATER_DAYS = 365


class GoalQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)

    def active(self):
        return self.filter(status=Status.ACTIVE)

    def paused(self):
        return self.filter(status=Status.PAUSED)

    def someday(self):
        return self.filter(status=Status.SOMEDAY)


class Goal(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    round = models.ForeignKey(
        Round, null=True, blank=True, on_delete=models.SET_NULL, related_name="goals"
    )
    title = models.CharField("Your goal", max_length=200)
    size = models.CharField(max_length=6, choices=Size, default=Size.MEDIUM)
    horizon = models.CharField(max_length=5, choices=Horizon, default=Horizon.SOON)
    target_date = models.DateField(null=True, blank=True)
    feeling = models.CharField(max_length=6, choices=Feeling, default=Feeling.DOABLE)
    themes = models.JSONField("The themes it serves", default=list, blank=True)
    # A sentence or a few, in the runner's words: shown on the dashboard and the goal sheet.
    why = models.TextField(
        "Why it matters to you, in your own words",
        blank=True,
        max_length=1000,
        validators=[MaxLengthValidator(1000)],
    )
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.EXPERIENTIAL)
    metric = models.CharField(max_length=16, choices=Metric, blank=True)
    period = models.CharField(max_length=5, choices=Period, blank=True)
    # Canonical units: metres for distances, seconds for times, a count for runs and days.
    target_value = models.FloatField(null=True, blank=True)
    target_unit = models.CharField(max_length=5, choices=TargetUnit, blank=True)
    race_distance_m = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status, default=Status.DRAFT)
    excited = models.BooleanField(null=True)
    out_the_door = models.BooleanField(null=True)
    smile = models.BooleanField(null=True)
    purpose_checked_at = models.DateTimeField(null=True, blank=True)
    # The runner's own date the goal was marked done; set by save(), kept through later edits.
    reached_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(default=clock.now)  # set by save(), as auto_now would

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(horizon="date") | Q(target_date__isnull=False),
                name="goal_date_horizon_has_date",
            ),
            models.CheckConstraint(
                condition=Q(kind="experiential") | ~Q(metric=""),
                name="measurable_goal_has_metric",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.status == Status.DONE and self.reached_on is None:
            self.reached_on = self.owner.profile.today()
            if update_fields is not None:
                kwargs["update_fields"] = update_fields = {*update_fields, "reached_on"}
        if update_fields is None or "updated_at" in update_fields:
            self.updated_at = clock.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("goals:detail", args=[self.pk])

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(theme_choices())
        return [labels.get(key, key) for key in self.themes]

    @property
    def needs_rethink(self) -> bool:
        answers = (self.excited, self.out_the_door, self.smile)
        return self.purpose_checked_at is not None and not all(answers)

    def is_near_term(self, today: date) -> bool:
        """Whether the goal is for the next month or two, from ``today`` (the runner's)."""
        if self.horizon == Horizon.SOON:
            return True
        return bool(self.target_date) and self.target_date <= today + timedelta(days=SOON_DAYS)

    def record_purpose(self, *, excited: bool, out_the_door: bool, smile: bool) -> None:
        self.excited, self.out_the_door, self.smile = excited, out_the_door, smile
        self.purpose_checked_at = clock.now()
        self.save(update_fields=["excited", "out_the_door", "smile", "purpose_checked_at"])

    def next_step(self):
        """The first open step; uses prefetched steps when the caller prefetched them."""
        return next((s for s in self.steps.all() if s.done_at is None), None)

    def by_date(self, today):
        """The goal's date, or the date its horizon stands for."""
        if self.target_date:
            return self.target_date
        return today + timedelta(days=SOON_DAYS if self.horizon == Horizon.SOON else LATER_DAYS)

    def measurable(self, today) -> metrics.GoalTarget | None:
        """What this goal aims at, by its date (or the one its horizon stands for), when
        feasibility can judge it; None when there is nothing to judge."""
        target = self._goal_target(by=self.by_date(today))
        return target if target is not None and target.judged else None

    def started_on(self, zone) -> date:
        """The day progress counts from: the day the goal was written, in the runner's zone.

        Not ``purpose_checked_at``: the purpose check is asked again at check-ins and would
        move the start each time. Runs between writing the goal and settling on it count too;
        the runner was already on the way."""
        return self.created_at.astimezone(zone).date()

    def progress_spec(self) -> metrics.GoalTarget | None:
        """What this goal aims at, as progress reads it; None for an experience."""
        return self._goal_target()

    def _goal_target(self, by: date | None = None) -> metrics.GoalTarget | None:
        if self.kind != Kind.MEASURABLE or not self.metric:
            return None
        race_finish = self.metric == Metric.RACE_FINISH
        return metrics.GoalTarget(
            metric=self.metric,
            target=self.race_distance_m if race_finish else self.target_value,
            period=self.period,
            unit=self.target_unit if self.metric == Metric.CONTINUOUS_RUN else "",
            race_distance_m=self.race_distance_m,
            by=by,
        )

    def open_pause(self) -> "GoalPause | None":
        """The pause under way; uses prefetched pauses when the caller prefetched them."""
        return next((p for p in self.pauses.all() if p.ended_at is None), None)

    def resumed_on(self, zone) -> date | None:
        """The day of the latest resume, in the runner's zone; None if never paused."""
        ended = [p.ended_at for p in self.pauses.all() if p.ended_at is not None]
        return max(ended).astimezone(zone).date() if ended else None

    def facts(self, today: date) -> alignment.GoalFacts:
        return alignment.GoalFacts(
            id=self.pk,
            title=self.title,
            size=self.size,
            near_term=self.is_near_term(today),
            feeling=self.feeling,
            themes=tuple(self.themes),
            target=self._goal_target(),
            dated=self.target_date is not None,
        )


class Step(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField("Step", max_length=200)
    due = models.DateField("By")
    done_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]

    def __str__(self):
        return self.title


class CheckInQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(goal__owner=user)


class CheckIn(models.Model):
    """A runner's check-in on a goal: did it happen, how it felt, a note. Gentle, not a score."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="check_ins")
    day = models.DateField("When")
    did_it = models.BooleanField("Did it happen?", null=True, blank=True)
    feeling = models.PositiveSmallIntegerField(
        "How it felt", null=True, blank=True, choices=[(n, str(n)) for n in range(1, 6)]
    )
    note = models.TextField(blank=True, max_length=2000, validators=[MaxLengthValidator(2000)])
    created_at = models.DateTimeField(default=clock.now)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(feeling__isnull=True) | Q(feeling__gte=1, feeling__lte=5),
                name="check_in_feeling_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.goal} on {self.day}"


class GoalPause(models.Model):
    """A break from a goal (injury, illness, life): kept in the goal's history, never judged."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="pauses")
    reason = models.CharField("Why the pause?", max_length=8, choices=PauseReason)
    note = models.TextField(
        "A note for yourself (optional)",
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
    )
    started_at = models.DateTimeField(default=clock.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="goal_pause_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.goal} paused ({self.reason})"


# What a revision keeps of a goal; an edit that changes none of these keeps no revision.
REVISION_FIELDS = (
    "title",
    "kind",
    "metric",
    "period",
    "target_value",
    "target_unit",
    "race_distance_m",
    "horizon",
    "target_date",
)


class GoalRevision(models.Model):
    """How a goal read before an edit, and how far along it was then."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="revisions")
    changed_at = models.DateTimeField(default=clock.now)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=Kind)
    metric = models.CharField(max_length=16, choices=Metric, blank=True)
    period = models.CharField(max_length=5, choices=Period, blank=True)
    target_value = models.FloatField(null=True, blank=True)
    target_unit = models.CharField(max_length=5, choices=TargetUnit, blank=True)
    race_distance_m = models.FloatField(null=True, blank=True)
    horizon = models.CharField(max_length=5, choices=Horizon)
    target_date = models.DateField(null=True, blank=True)
    # Progress of the old version on the day it changed; None for experiences.
    progress_fraction = models.FloatField(null=True, blank=True)
    progress_summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.title} (until {self.changed_at:%Y-%m-%d})"

    @property
    def progress_percent(self) -> int | None:
        if self.progress_fraction is None:
            return None
        return min(100, max(0, int(self.progress_fraction * 100)))

    @classmethod
    def differs(cls, before: Goal, after: Goal) -> bool:
        """Whether an edit changed what the goal aims at. Targets within 0.1 % are the same:
        the edit form shows "21.1 km" for a half marathon's 21097.5 m."""
        for name in REVISION_FIELDS:
            old, new = getattr(before, name), getattr(after, name)
            if isinstance(old, float) and isinstance(new, float):
                if not math.isclose(old, new, rel_tol=1e-3):
                    return True
            elif old != new:
                return True
        return False

    @classmethod
    def of(cls, goal: Goal, **fields) -> "GoalRevision":
        """An unsaved revision holding how ``goal`` reads now."""
        return cls(goal=goal, **{name: getattr(goal, name) for name in REVISION_FIELDS}, **fields)


class GoalComment(models.Model):
    """One message in a goal's thread between the runner and their coach. The coach writes only
    through a live grant of the goals scope; the thread stays with the runner after a revoke."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_comments"
    )
    text = models.TextField("Your message", max_length=2000)
    created_at = models.DateTimeField(default=clock.now)
    # When the e-mail about it went out (or was found not wanted): each is sent once.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]

    @property
    def by_runner(self) -> bool:
        return self.author_id == self.goal.owner_id


class SuggestionStatus(models.TextChoices):
    SUGGESTED = "suggested", "Waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class GoalSuggestionQuerySet(models.QuerySet):
    def for_runner(self, user):
        return self.filter(runner=user)

    def waiting(self):
        return self.filter(status=SuggestionStatus.SUGGESTED)


class GoalSuggestion(models.Model):
    """A goal a coach suggests to a runner: never imposed. The runner accepts it into their
    drafts (it becomes their goal, theirs to change) or declines it, with a word if they like."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_suggestions_made"
    )
    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_suggestions"
    )
    title = models.CharField("The goal", max_length=200)
    size = models.CharField(max_length=6, choices=Size, default=Size.MEDIUM)
    horizon = models.CharField(max_length=5, choices=Horizon, default=Horizon.SOON)
    target_date = models.DateField(null=True, blank=True)
    feeling = models.CharField(max_length=6, choices=Feeling, default=Feeling.DOABLE)
    why = models.TextField("Why it might matter to them", blank=True, max_length=2000)
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.EXPERIENTIAL)
    metric = models.CharField(max_length=16, choices=Metric, blank=True)
    period = models.CharField(max_length=5, choices=Period, blank=True)
    target_value = models.FloatField(null=True, blank=True)
    target_unit = models.CharField(max_length=5, choices=TargetUnit, blank=True)
    race_distance_m = models.FloatField(null=True, blank=True)
    status = models.CharField(
        max_length=9, choices=SuggestionStatus, default=SuggestionStatus.SUGGESTED
    )
    word = models.TextField("A word for your coach (optional)", blank=True, max_length=500)
    created_at = models.DateTimeField(default=clock.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggestions"
    )
    # When the coach was e-mailed the answer (or it was found not wanted): sent once.
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = GoalSuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(horizon="date") | Q(target_date__isnull=False),
                name="suggestion_date_horizon_has_date",
            ),
            models.CheckConstraint(
                condition=Q(kind="experiential") | ~Q(metric=""),
                name="measurable_suggestion_has_metric",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_waiting(self) -> bool:
        return self.status == SuggestionStatus.SUGGESTED

    def goal_fields(self) -> dict:
        """What the goal made from it starts with (the runner's to change from then on); its
        "why" stays the coach's, shown beside it, never written into the runner's words."""
        return {name: getattr(self, name) for name in SUGGESTED_FIELDS}


# What a suggestion carries over into the goal the runner accepts.
SUGGESTED_FIELDS = (
    "title",
    "size",
    "horizon",
    "target_date",
    "feeling",
    "kind",
    "metric",
    "period",
    "target_value",
    "target_unit",
    "race_distance_m",
)
# Not the coach's "why": a goal's why is the runner's own words, written by them.
