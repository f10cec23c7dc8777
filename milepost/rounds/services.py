"""A round, stage by stage: each move from reflecting to the steps is one call here, made by
the round's pages. What must follow a move (themes proposed, nudges answered, the runner's
cached pages) follows here in plain sight."""

from django.db import transaction

from milepost import clock
from milepost.accounts import pagecache
from milepost.goals import services as goal_services
from milepost.goals.models import Goal, Status
from milepost.nudges import services as nudge_services
from milepost.reflection import services as reflection_services
from milepost.reflection.models import Round, RoundTheme, Stage, ThemeStatus
from milepost.reflection.services import propose_themes
from milepost.reflection.tasks import remind_rest_over


@transaction.atomic
def start_round(*, owner, reason: str, reason_note: str = "") -> Round:
    """A new round; the nudges open until today have their answer."""
    round = Round(owner=owner, reason=reason, reason_note=reason_note, started_at=clock.now())
    round.save()
    # Also marks the runner's pages changed: the new round shows on them too.
    nudge_services.close_answered(owner, round.started_at.astimezone(owner.profile.zone).date())
    return round


@transaction.atomic
def close_brainstorm(*, round: Round) -> None:
    """The runner has written what they wanted to: Milepost reads the notes for themes."""
    round.close_brainstorm()
    propose_themes(round=round)
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def decide_themes(*, round: Round, decisions: dict[str, str], most_important: str | None):
    """Confirms or dismisses each proposed theme (by key), marks the one that matters most,
    and moves on to the goals."""
    keep_theme_choices(round=round, decisions=decisions, most_important=most_important)
    round.advance_to(Stage.GOALS)
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def keep_theme_choices(*, round: Round, decisions: dict[str, str], most_important: str | None):
    """Stores the runner's answers so far (by key) without moving on: a theme left
    unanswered stays as it was."""
    themes = propose_themes(round=round)  # stored already, unless the round predates that
    round.themes.update(most_important=False)
    for theme in themes:
        if theme.key in decisions:
            theme.status = decisions[theme.key]
        theme.most_important = theme.key == most_important
        theme.save(update_fields=["status", "most_important"])
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def add_theme(
    *,
    round: Round,
    key: str,
    in_my_words: str = "",
    decisions: dict[str, str] | None = None,
    most_important: str | None = None,
) -> RoundTheme:
    """A theme Milepost missed, in the runner's own words: confirmed, theirs. The answers
    given so far on the other themes (``decisions``, ``most_important``) are kept."""
    keep_theme_choices(round=round, decisions=decisions or {}, most_important=most_important)
    theme = RoundTheme.objects.create(
        round=round,
        key=key,
        in_my_words=in_my_words,
        added_by_runner=True,
        status=ThemeStatus.CONFIRMED,
    )
    pagecache.mark_changed(round.owner_id)
    return theme


@transaction.atomic
def start_rest(*, round: Round, days: int) -> None:
    round.start_rest(days)
    # The database backend queues the task in this transaction: both or neither.
    remind_rest_over.using(run_after=round.rest_until).enqueue(round.pk)
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def end_rest(*, round: Round) -> None:
    round.end_rest()
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def settle(*, round: Round, chosen: list[int]) -> None:
    """Chosen goals go on to the purpose check; the rest become someday ideas, kept."""
    if round.stage == Stage.RESTING:
        round.end_rest()  # the rest ran its course; settling is what comes after it
    goal_services.choose(round=round, chosen=chosen)
    round.advance_to(Stage.PURPOSE if chosen else Stage.STEPS)
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def check_purpose(*, round: Round, goal: Goal, answers: dict[str, bool]) -> None:
    """The purpose check of one chosen goal; after the last one, the steps."""
    goal_services.check_purpose(goal=goal, answers=answers)
    if not chosen_goals(round).exists():
        round.advance_to(Stage.STEPS)
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def finish(*, round: Round) -> None:
    round.finish()
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def close_round(*, round: Round) -> None:
    """Closes an open round as it is: its notes and themes stay readable as a past round, the
    goals written in it and not yet chosen become someday ideas, kept; goals already chosen or
    active stay as they are."""
    Goal.objects.owned_by(round.owner_id).filter(round=round, status=Status.DRAFT).update(
        status=Status.SOMEDAY
    )
    round.close()
    pagecache.mark_changed(round.owner_id)


@transaction.atomic
def delete_round(*, round: Round) -> None:
    """Deletes the round (``reflection.services.delete_round``: its notes, themes and the
    coach's questions on it). The goals written in it stay the runner's, no longer linked to a
    round: as when a round is closed, the drafts not yet chosen become someday ideas, kept;
    chosen, active, paused and reached goals stay as they are, with their steps and
    check-ins."""
    Goal.objects.owned_by(round.owner_id).filter(round=round, status=Status.DRAFT).update(
        status=Status.SOMEDAY
    )
    reflection_services.delete_round(round=round)


def chosen_goals(round: Round):
    return Goal.objects.owned_by(round.owner_id).filter(status=Status.CHOSEN)


def stage_of(round: Round) -> str:
    """Where the runner is in the round, read without writing: a rest that has run its course
    is over, and a purpose check with no goal left to check has led to the steps."""
    stage = round.current_stage
    if stage == Stage.PURPOSE and not chosen_goals(round).exists():
        return Stage.STEPS
    return stage
