"""Goal operations that span the round, its themes and the runner's profile."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from milepost import clock
from milepost.accounts.models import Profile
from milepost.reflection.models import Round, RoundTheme, Stage, theme_choices
from milepost.runs.history import history_summary
from milepost.runs.models import Activity

from . import alignment, feasibility
from .models import Goal, Status, Step


@dataclass
class GoalCard:
    """What a page shows of one goal: alignment findings, feasibility and the next step."""

    goal: Goal
    findings: list[alignment.Finding] = field(default_factory=list)
    verdict: feasibility.FeasibilityVerdict | None = None
    next_step: Step | None = None


def goal_cards(goals: list[Goal], round: Round | None, profile: Profile):
    """Cards for the goals, and the findings about the list as a whole."""
    per_goal, overall = findings_for(goals, round, profile.weekly_minutes)
    today = clock.now().astimezone(profile.zone).date()
    history = history_for(profile, today)
    cards = [
        GoalCard(g, per_goal.get(g.pk, []), verdict_for(g, history, today, profile.units))
        for g in goals
    ]
    return cards, overall


def verdict_for(goal: Goal, history, today: date, units: str):
    measurable = goal.measurable(today)
    if measurable is None:
        return None
    return feasibility.assess(measurable, history, today, units=units)


def history_for(profile: Profile, today: date) -> feasibility.HistorySummary:
    """What Milepost knows of the runner's recent running: their runs once they have some,
    else what they told us ("your running lately" on the profile)."""
    if Activity.objects.filter(owner_id=profile.user_id, is_run=True).exists():
        return history_summary(profile.user, today, profile)
    recent = RECENT_WEEKS
    efforts = ()
    if profile.recent_race_m and profile.recent_race_s and profile.recent_race_on:
        efforts = (
            feasibility.Effort(
                profile.recent_race_on, profile.recent_race_m, profile.recent_race_s
            ),
        )
    long_runs = ()
    if profile.recent_long_run_m:
        long_runs = ((today - timedelta(days=7), profile.recent_long_run_m),)
    return feasibility.HistorySummary(
        efforts=efforts,
        weekly_m=(profile.typical_week_m,) * recent if profile.typical_week_m else (),
        weekly_runs=(profile.typical_week_runs,) * recent if profile.typical_week_runs else (),
        long_runs=long_runs,
        hours_per_week=profile.weekly_minutes / 60 if profile.weekly_minutes else None,
        age=profile.age,
        category=profile.category or None,
    )


RECENT_WEEKS = 4


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
