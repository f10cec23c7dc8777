import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import reverse

from milepost import clock

from .questions import QUESTION_CHOICES


def theme_choices():
    from .themes import THEME_KEYS, THEME_LABELS

    return [(key, THEME_LABELS[key]) for key in THEME_KEYS]


class Reason(models.TextChoices):
    BREAK = "break", "Coming back after a break"
    NEW_CYCLE = "new_cycle", "A new training cycle (or after a goal race)"
    GOAL_REACHED = "goal_reached", "I just reached a goal"
    PLATEAU = "plateau", "A plateau, or low motivation for a while"
    OTHER = "other", "Something else (a new year, a new season, just because)"


class Stage(models.TextChoices):
    BRAINSTORM = "brainstorm", "Reflect"
    THEMES = "themes", "Themes"
    GOALS = "goals", "Goals"
    RESTING = "resting", "Resting"
    SETTLE = "settle", "Settle"
    PURPOSE = "purpose", "Purpose check"
    STEPS = "steps", "Steps"
    DONE = "done", "Done"


STAGE_ORDER = [s.value for s in Stage]


class Share(models.TextChoices):
    """Who may read a note or a round's themes besides the runner: nobody (the default), the
    coach of the group round it belongs to, or that coach and the group's members too."""

    PRIVATE = "private", "Only me"
    COACH = "coach", "Me and my coach"
    GROUP = "group", "My coach and my group"


SHARED = (Share.COACH, Share.GROUP)  # what the coach reads: sharing with the group includes them


class RoundQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)

    def open(self):
        return self.exclude(stage=Stage.DONE)

    def owned_or_404(self, user, pk) -> "Round":
        return get_object_or_404(self, pk=pk, owner=user)

    def rest_over_unnotified(self, now):
        return self.filter(stage=Stage.RESTING, rest_until__lte=now, rest_notified_at=None)


class Round(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    reason = models.CharField(max_length=20, choices=Reason)
    reason_note = models.TextField(
        "Anything to add?", blank=True, max_length=500, validators=[MaxLengthValidator(500)]
    )
    stage = models.CharField(max_length=12, choices=Stage, default=Stage.BRAINSTORM)
    started_at = models.DateTimeField(default=clock.now)
    brainstorm_closed_at = models.DateTimeField(null=True, blank=True)
    rest_started_at = models.DateTimeField(null=True, blank=True)
    rest_until = models.DateTimeField(null=True, blank=True)
    rest_notified_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    themes_shared_with = models.CharField(max_length=8, choices=Share, default=Share.PRIVATE)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rest_until__isnull=True)
                | models.Q(rest_started_at__isnull=False),
                name="round_rest_has_start",
            )
        ]

    def __str__(self):
        return f"Round of {self.started_at:%d %B %Y}"

    def get_absolute_url(self):
        return reverse("rounds:round", args=[self.pk])

    @property
    def current_stage(self) -> str:
        """The stage as the runner is at it: a rest that has run its course is over (the
        round moves on when they settle)."""
        return Stage.SETTLE if self.rest_is_over else self.stage

    @property
    def stage_index(self) -> int:
        return STAGE_ORDER.index(self.current_stage)

    @property
    def is_resting(self) -> bool:
        return self.stage == Stage.RESTING and self.rest_until > clock.now()

    @property
    def rest_is_over(self) -> bool:
        return self.stage == Stage.RESTING and self.rest_until <= clock.now()

    def advance_to(self, stage: str) -> None:
        self.stage = stage
        self.save(update_fields=["stage"])

    def close_brainstorm(self) -> None:
        self.stage = Stage.THEMES
        self.brainstorm_closed_at = clock.now()
        self.save(update_fields=["stage", "brainstorm_closed_at"])

    def start_rest(self, days: int) -> None:
        self.stage = Stage.RESTING
        self.rest_started_at = clock.now()
        self.rest_until = self.rest_started_at + timedelta(days=days)
        self.rest_notified_at = None
        self.save(update_fields=["stage", "rest_started_at", "rest_until", "rest_notified_at"])

    def end_rest(self) -> None:
        """Ends the rest now, whether it ran its course or the runner ended it early."""
        now = clock.now()
        if self.rest_until and self.rest_until > now:
            self.rest_until = now
        self.stage = Stage.SETTLE
        self.save(update_fields=["stage", "rest_until"])

    def finish(self) -> None:
        self.stage = Stage.DONE
        self.finished_at = clock.now()
        self.save(update_fields=["stage", "finished_at"])

    def close(self) -> None:
        """Closes the round as it is, before its last step: it reads as a past round from now
        on, with everything written in it kept, and a rest it was in has nothing to remind."""
        now = clock.now()
        fields = ["stage", "finished_at"]
        if self.stage == Stage.RESTING:
            self.rest_until = min(self.rest_until, now)
            self.rest_notified_at = self.rest_notified_at or now
            fields += ["rest_until", "rest_notified_at"]
        self.stage = Stage.DONE
        self.finished_at = now
        self.save(update_fields=fields)

    def answers(self) -> dict[str, list[str]]:
        """{question key: [note, ...]} for the eight questions (a coach's own questions have
        no key: their notes are read with ``extra_answers``)."""
        answers: dict[str, list[str]] = {}
        for note in self.notes.all():
            if note.question:
                answers.setdefault(note.question, []).append(note.text)
        return answers

    def extra_answers(self) -> list[tuple["RoundQuestion", list[str]]]:
        """The coach's own questions of this round, in order, each with its notes."""
        texts: dict[int, list[str]] = {}
        for note in self.notes.all():
            if note.extra_question_id:
                texts.setdefault(note.extra_question_id, []).append(note.text)
        questions = self.extra_questions.select_related("asked_by__profile")
        return [(q, texts.get(q.pk, [])) for q in questions]


class RoundQuestion(models.Model):
    """A question of the runner's coach, added to this round after the eight: from a group
    round's prompts, or asked of one client. Its notes are the runner's, like any other."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="extra_questions")
    text = models.CharField(max_length=500)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions_asked",
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text[:60]

    @property
    def key(self) -> str:
        """What the brainstorm page sends for it in place of one of the eight keys."""
        return f"extra-{self.pk}"

    # Read by the pages and the PDF like one of the eight (``questions.Question``).
    prompts = ()

    @property
    def title(self) -> str:
        return self.text

    @property
    def intent(self) -> str:
        if self.asked_by is None:
            return "A question from your coach."
        return f"A question from {self.asked_by.profile.display_name}, your coach."


# A round holds at most this many notes, of up to 4,000 characters each and this many
# characters in all (some 17,000 words): many times what anyone writes in a brainstorm, and a
# bound on what the round's pages, themes and PDF cost to make.
MAX_NOTES_PER_ROUND = 200
MAX_ROUND_CHARS = 100_000


class Note(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="notes")
    # One of the eight question keys, or blank for a note on one of the coach's questions.
    question = models.CharField(max_length=20, choices=QUESTION_CHOICES, blank=True)
    extra_question = models.ForeignKey(
        RoundQuestion, null=True, blank=True, on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(max_length=4000, validators=[MaxLengthValidator(4000)])
    # Sent by the page with each note, so a retried save never stores it twice.
    client_id = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(default=clock.now)
    shared_with = models.CharField(max_length=8, choices=Share, default=Share.PRIVATE)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "client_id"], name="note_saved_once"),
            models.CheckConstraint(
                condition=(models.Q(question="") & models.Q(extra_question__isnull=False))
                | (~models.Q(question="") & models.Q(extra_question__isnull=True)),
                name="note_on_one_question",
            ),
        ]

    def __str__(self):
        return self.text[:60]


class ThemeStatus(models.TextChoices):
    PROPOSED = "proposed", "Not decided yet"
    CONFIRMED = "confirmed", "Yes, that's me"
    DISMISSED = "dismissed", "Not really"


class RoundThemeQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=ThemeStatus.CONFIRMED)


class RoundTheme(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="themes")
    key = models.CharField(max_length=20, choices=theme_choices)
    score = models.FloatField(default=0)
    # [{"question": KEY, "text": PHRASE}, ...] quoted from the round's notes.
    evidence = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=ThemeStatus, default=ThemeStatus.PROPOSED)
    added_by_runner = models.BooleanField(default=False)
    in_my_words = models.CharField(max_length=300, blank=True)
    most_important = models.BooleanField(default=False)

    objects = RoundThemeQuerySet.as_manager()

    class Meta:
        ordering = ["-most_important", "-added_by_runner", "-score", "key"]
        constraints = [
            models.UniqueConstraint(fields=["round", "key"], name="theme_once_per_round"),
            models.UniqueConstraint(
                fields=["round"],
                condition=models.Q(most_important=True),
                name="one_most_important_theme",
            ),
        ]

    def __str__(self):
        return self.get_key_display()

    @property
    def description(self) -> str:
        from .themes import THEME_DESCRIPTIONS

        return THEME_DESCRIPTIONS.get(self.key, "")
