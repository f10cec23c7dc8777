"""Goal operations that span the round, its themes and the runner's profile."""

from django.db import transaction

from milepost.reflection.models import Round, RoundTheme, Stage, theme_choices

from . import alignment
from .models import Goal, Status


def confirmed_themes(round: Round | None) -> tuple[list[str], str | None]:
    if round is None:
        return [], None
    themes = list(RoundTheme.objects.filter(round=round).confirmed())
    most = next((t.key for t in themes if t.most_important), None)
    return [t.key for t in themes], most


def findings_for(goals: list[Goal], round: Round | None, weekly_minutes: int | None):
    """Alignment findings grouped as {goal id: [...]} and a list for the whole set."""
    confirmed, most = confirmed_themes(round)
    findings = alignment.check_set(
        [g.facts() for g in goals], set(confirmed), most, weekly_minutes, dict(theme_choices())
    )
    per_goal: dict[int, list[alignment.Finding]] = {}
    for finding in findings:
        per_goal.setdefault(finding.goal_id, []).append(finding)
    return per_goal, per_goal.pop(None, [])


@transaction.atomic
def settle(*, round: Round, chosen: list[int]) -> None:
    """Chosen goals go on to the purpose check; the rest become someday ideas, kept."""
    candidates = settle_candidates(round)
    for goal in candidates:
        goal.status = Status.CHOSEN if goal.pk in chosen else Status.SOMEDAY
        goal.save(update_fields=["status"])
    round.advance_to(Stage.PURPOSE)


def settle_candidates(round: Round) -> list[Goal]:
    """This round's drafts and the goals already active from earlier rounds."""
    owner_goals = Goal.objects.owned_by(round.owner)
    drafts = owner_goals.filter(round=round, status__in=[Status.DRAFT, Status.CHOSEN])
    active = owner_goals.active().exclude(round=round)
    return list(active) + list(drafts)


@transaction.atomic
def check_purpose(*, goal: Goal, answers: dict[str, bool]) -> None:
    goal.record_purpose(**answers)
    if goal.status == Status.CHOSEN:
        goal.status = Status.ACTIVE
        goal.save(update_fields=["status"])
