"""Groups, group rounds and the coach's own questions: every write (keyword-only, called alike
by the pages, the CLI and the demo), and the reads that decide what a coach and the other
members see of a member's round.

A member's round is their own. The coach sees the stage each member is at; the words of a
note or the themes of a round only once the member shares them (``Share.COACH`` or
``Share.GROUP``), and the other members only what is shared with the group. A coach whose
client shares reflections through a grant reads them on the client's pages (``access``)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from milepost.accounts import pagecache
from milepost.reflection import services as reflection_services
from milepost.reflection.models import SHARED, Note, Reason, Round, RoundTheme, Share, Stage
from milepost.rounds import services as round_services

from . import access
from .models import Group, GroupRound, GroupRoundSeat, Membership, Scope
from .services import CoachingError

MAX_PROMPTS = 8


# Writes ---------------------------------------------------------------------------------------


@transaction.atomic
def create_group(*, coach, name: str) -> Group:
    name = name.strip()
    if not name:
        raise CoachingError("Give the group a name.")
    return Group.objects.create(coach=coach, name=name)


@transaction.atomic
def join(*, group: Group, runner) -> Membership:
    """The runner joins the group by its link, once. Joining shares nothing with the coach."""
    if runner.pk == group.coach_id:
        raise CoachingError("This is your own group: send the link to the runners you coach.")
    membership, _ = Membership.objects.get_or_create(group=group, runner=runner)
    return membership


def clean_prompts(prompts) -> list[str]:
    prompts = [p.strip() for p in prompts if p and p.strip()]
    if len(prompts) > MAX_PROMPTS:
        raise CoachingError(f"Ask at most {MAX_PROMPTS} questions of your own in one round.")
    too_long = next((p for p in prompts if len(p) > 500), None)
    if too_long:
        raise CoachingError("Keep each question under 500 characters.")
    return prompts


@transaction.atomic
def start_group_round(
    *, group: Group, prompts, brainstorm_by: date, rest_until: date | None = None
) -> GroupRound:
    """A round for the whole group: the coach's questions and dates. No member's round starts
    by itself; each member starts their own when they are ready."""
    if rest_until and rest_until < brainstorm_by:
        raise CoachingError("The rest should end after the brainstorm does.")
    return GroupRound.objects.create(
        group=group,
        prompts=clean_prompts(prompts),
        brainstorm_by=brainstorm_by,
        rest_until=rest_until,
    )


@transaction.atomic
def take_part(*, group_round: GroupRound, runner) -> Round:
    """The member's own round for the group round: a normal round, theirs, with the coach's
    questions after the eight. Taking part twice returns the round already started."""
    if not Membership.objects.filter(group=group_round.group_id, runner=runner).exists():
        raise CoachingError("Join the group first to take part in its round.")
    seat = GroupRoundSeat.objects.filter(group_round=group_round, runner=runner).first()
    if seat is not None:
        return seat.round
    group = group_round.group
    round = round_services.start_round(
        owner=runner, reason=Reason.OTHER, reason_note=f"The group round of {group.name}."
    )
    for prompt in group_round.prompts:
        reflection_services.add_question(round=round, text=prompt, asked_by=group.coach)
    GroupRoundSeat.objects.create(group_round=group_round, runner=runner, round=round)
    pagecache.mark_changed(runner.pk)
    return round


@transaction.atomic
def ask_question(*, coach, round: Round, text: str):
    """The coach's own question, added to a client's round while they are still reflecting:
    only with a live grant that shares reflections."""
    view = access.view_of(coach, round.owner)
    if view is None or view.is_owner or not view.allows(Scope.REFLECTIONS):
        raise CoachingError("You can ask a question only of a client who shares reflections.")
    if round.stage != Stage.BRAINSTORM:
        raise CoachingError("This round is past reflecting: ask your question in the next one.")
    text = text.strip()
    if not text:
        raise CoachingError("Write your question first.")
    return reflection_services.add_question(round=round, text=text, asked_by=coach)


# Reads ----------------------------------------------------------------------------------------


def coached_group_or_404(coach, pk) -> Group:
    return get_object_or_404(Group, pk=pk, coach=coach)


def member_group_or_404(runner, pk) -> Group:
    """The group, for one of its members; a 404 for anyone else (its coach included: the coach
    has their own page)."""
    return get_object_or_404(
        Group.objects.select_related("coach__profile"), pk=pk, memberships__runner=runner
    )


def current_round(group: Group) -> GroupRound | None:
    return group.rounds.first()


@dataclass
class SharedRound:
    """What one member's round shows to a viewer: the stage always (within the group), and the
    notes and confirmed themes the member shared with that viewer."""

    runner: object
    round: Round | None
    notes: list[Note] = field(default_factory=list)
    themes: list[RoundTheme] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.runner.profile.display_name

    @property
    def stage(self) -> str:
        if self.round is None:
            return "Not started yet"
        return Stage(round_services.stage_of(self.round)).label

    @property
    def shares_anything(self) -> bool:
        return bool(self.notes or self.themes)


def seats_seen_by(group_round: GroupRound, *, levels) -> list[GroupRoundSeat]:
    """The group round's seats, each round with only the notes and themes shared at
    ``levels`` (the coach: coach or group; a member: group). Nothing else is read."""
    notes = Note.objects.filter(shared_with__in=levels).select_related("extra_question")
    themes = RoundTheme.objects.confirmed()
    return list(
        group_round.seats.select_related("round", "runner__profile").prefetch_related(
            Prefetch("round__notes", queryset=notes, to_attr="shared_notes"),
            Prefetch("round__themes", queryset=themes, to_attr="confirmed_themes"),
        )
    )


def shared_round(seat: GroupRoundSeat, levels) -> SharedRound:
    round = seat.round
    themes = round.confirmed_themes if round.themes_shared_with in levels else []
    return SharedRound(seat.runner, round, list(round.shared_notes), list(themes))


def coach_overview(group: Group, group_round: GroupRound | None) -> list[SharedRound]:
    """Every member for the coach: their stage in the group round, and what they shared with
    the coach (or the group)."""
    members = list(group.memberships.select_related("runner__profile"))
    seats = {}
    if group_round is not None:
        seats = {s.runner_id: s for s in seats_seen_by(group_round, levels=SHARED)}
    return [
        shared_round(seats[m.runner_id], SHARED)
        if m.runner_id in seats
        else SharedRound(m.runner, None)
        for m in members
    ]


def shared_with_group(group_round: GroupRound, viewer) -> list[SharedRound]:
    """What the other members shared with the group: only those who shared something, by name
    (never a word of anyone else's, nor a count that could name them)."""
    levels = (Share.GROUP,)
    found = [
        shared_round(seat, levels)
        for seat in seats_seen_by(group_round, levels=levels)
        if seat.runner_id != viewer.pk
    ]
    return [s for s in found if s.shares_anything]


def theme_counts(shared: list[SharedRound]) -> list[tuple[str, int]]:
    """How many members shared each confirmed theme, most first (from shared themes only)."""
    counts = Counter(t.get_key_display() for s in shared for t in s.themes)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
