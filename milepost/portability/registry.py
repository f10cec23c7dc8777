"""What a runner's export holds: one ``Part`` per model, in the order a restore writes them
(a part comes after the parts it refers to).

A part names its model, the path from it to the runner (``owner``, ``goal__owner``), its
natural key (how a restore finds the row already there) and the fields it leaves out. Every
other concrete field is exported as it is stored: a foreign key to another part as that row's
position in the export (1, 2, …), a foreign key to a user as a username. A new model of a
runner's data is one entry here (``tests/test_registry.py`` fails until it has one, or a line
in ``NOT_EXPORTED`` saying why not).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models

from milepost.accounts.models import Profile
from milepost.coaching.models import CoachNote, Grant
from milepost.goals.models import (
    CheckIn,
    Goal,
    GoalComment,
    GoalPause,
    GoalRevision,
    GoalSuggestion,
    Step,
)
from milepost.nudges.models import CycleStart, Nudge
from milepost.reflection.models import Note, Round, RoundQuestion, RoundTheme
from milepost.runs.models import Activity, SourceFile


@dataclass(frozen=True)
class Part:
    name: str  # its section of data.json
    model: type[models.Model]
    owner: str  # the lookup from the model to the runner
    # Natural keys: a restored row is already there when a row of the runner has the same
    # values for any one of them (a key holding an empty string is not used).
    keys: tuple[tuple[str, ...], ...]
    skip: tuple[str, ...] = ()  # fields left out: secrets, caches
    only: dict = field(default_factory=dict)  # which rows (a coach's notes: the shared ones)
    # Names other people (a coach): restored only on the installation it was exported from,
    # and only while that person's account is there.
    names_others: bool = False
    single: bool = False  # one row per runner (the profile): restored into the row there
    # The original bytes go in the zip as a file of their own, not in the JSON.
    file_field: str = ""
    # How its rows are listed (the first key when empty); ties keep the order they were made.
    order: tuple[str, ...] = ()

    @property
    def sort_fields(self) -> tuple[str, ...]:
        return self.order or self.keys[0]

    def fields(self) -> list[models.Field]:
        skipped = {*self.skip, self.file_field, "id"}
        if "__" not in self.owner:
            skipped.add(self.owner)
        return [f for f in self.model._meta.concrete_fields if f.name not in skipped]


PARTS = [
    # A confirmed address is confirmed on this installation only: confirm it again after a move.
    Part(
        "profile",
        Profile,
        "user",
        keys=((),),
        skip=("data_version", "verified_email", "verification_sent_at"),
        single=True,
    ),
    Part("rounds", Round, "owner", keys=(("started_at",),)),
    # A coach's own questions in the runner's round (who asked is the coach's side).
    Part(
        "round_questions",
        RoundQuestion,
        "round__owner",
        keys=(("round", "position", "text"),),
        skip=("asked_by",),
    ),
    Part(
        "notes",
        Note,
        "round__owner",
        keys=(("round", "client_id"),),
        order=("round", "created_at", "client_id"),
    ),
    Part("themes", RoundTheme, "round__owner", keys=(("round", "key"),)),
    Part("goals", Goal, "owner", keys=(("created_at",),)),
    Part("goal_revisions", GoalRevision, "goal__owner", keys=(("goal", "changed_at"),)),
    Part("steps", Step, "goal__owner", keys=(("goal", "due", "title"),)),
    Part("check_ins", CheckIn, "goal__owner", keys=(("goal", "created_at"),)),
    Part("pauses", GoalPause, "goal__owner", keys=(("goal", "started_at"),)),
    # A goal's thread: the runner's own messages and their coach's.
    Part(
        "goal_comments",
        GoalComment,
        "goal__owner",
        keys=(("goal", "created_at", "text"),),
        names_others=True,
    ),
    Part(
        "goal_suggestions",
        GoalSuggestion,
        "runner",
        keys=(("coach", "created_at"),),
        names_others=True,
    ),
    Part("source_files", SourceFile, "owner", keys=(("sha256",),), file_field="data"),
    Part(
        "activities",
        Activity,
        "owner",
        keys=(("start",), ("source_hash", "source_index")),
    ),
    Part("nudges", Nudge, "owner", keys=(("kind", "since", "goal"),)),
    Part("cycle_starts", CycleStart, "owner", keys=(("day", "created"),)),
    Part("coach_grants", Grant, "runner", keys=(("coach",),), names_others=True),
    Part(
        "coach_notes",
        CoachNote,
        "runner",
        keys=(("coach", "created_at", "text"),),
        only={"shared": True},
        names_others=True,
    ),
]

PARTS_BY_NAME = {part.name: part for part in PARTS}
PARTS_BY_MODEL = {part.model: part for part in PARTS}

# Foreign keys to a user that are not exported, and why. "app_label.Model.field".
NOT_EXPORTED = {
    "runs.ImportBatch.owner": "a log of past uploads; the files themselves are exported",
    "runs.WeeklyTotal.owner": "worked out again from the runs on restore",
    "runs.MonthlyTotal.owner": "worked out again from the runs on restore",
    "nudges.CalendarFeed.owner": "a secret address; make a new one after a restore",
    "nudges.NudgeCheck.owner": "when nudges were last worked out: a cache",
    "nudges.DemoRunner.user": "marks the made-up demo account",
    "coaching.Grant.coach": "the coach's side of a runner's sharing: it is the runner's",
    "coaching.CoachNote.coach": "a coach's own notes about clients are the clients' business",
    "coaching.Invitation.sender": "one-time links: send a new one",
    "coaching.Invitation.used_by": "one-time links: send a new one",
    "coaching.Group.coach": "the coach's groups: not yet exported",
    "coaching.Membership.runner": "a group is the coach's: join again by its link",
    "portability.Export.owner": "the exports themselves",
    "accounts.ApiToken.owner": "secrets for programs: make new tokens after a restore",
    "accounts.EmailChoice.user": "e-mail choices of this installation: set them again",
    "coaching.GroupRoundSeat.runner": "a place in a coach's group round: join again by its link",
    "goals.GoalComment.author": "exported with the goal the message is on (the runner's)",
    "goals.GoalSuggestion.coach": "exported with the runner it was suggested to",
    "reflection.RoundQuestion.asked_by": "who asked is the coach's side; the question is kept",
}


def user_foreign_keys():
    """Every foreign key to the user model, as "app_label.Model.field"."""
    from django.apps import apps

    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if f.is_relation and f.related_model._meta.label == settings.AUTH_USER_MODEL:
                yield f"{model._meta.label}.{f.name}"


def covered_foreign_keys() -> set[str]:
    """The foreign keys to the user that a part's rows are found by."""
    return {f"{part.model._meta.label}.{part.owner}" for part in PARTS if "__" not in part.owner}
