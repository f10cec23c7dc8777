"""Goal operations that span the round, its themes, the runner's runs and profile."""

from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from milepost import clock
from milepost.accounts import pagecache
from milepost.accounts.models import Profile
from milepost.reflection.models import Note, Round, RoundTheme, Stage, theme_choices
from milepost.runmath.units import plan_day_problem, run_day_problem
from milepost.runs.history import RunHistory, history_summary
from milepost.runs.models import Activity

from . import alignment, feasibility
from .forms import GoalForm
from .metrics import RECURRING_PERIODS
from .models import (
    CheckIn,
    Goal,
    GoalComment,
    GoalPause,
    GoalRevision,
    GoalSuggestion,
    Status,
    Step,
    SuggestionStatus,
)
from .tracking import GoalProgress, progress_for


@dataclass
class GoalCard:
    """What a page shows of one goal: alignment findings, feasibility, progress from the
    runner's runs (measurable goals) and the next step."""

    goal: Goal
    findings: list[alignment.Finding] = field(default_factory=list)
    verdict: feasibility.FeasibilityVerdict | None = None
    next_step: Step | None = None
    progress: GoalProgress | None = None
    proposed: list[feasibility.ProposedStep] = field(default_factory=list)


def goal_cards(
    goals: list[Goal],
    round: Round | None,
    profile: Profile,
    *,
    with_progress: bool = False,
    chart: bool = False,
    ladder: bool = False,
):
    """Cards for the goals, and the findings about the list as a whole.

    Paused goals get a card with their progress so far, and nothing that judges: no findings,
    no feasibility verdict, no "on track". ``with_progress`` adds each measurable goal's
    progress (one query of runs for all of them); ``chart`` its week-by-week chart too;
    ``ladder`` the steps Milepost suggests toward it from the runner's running."""
    working = [g for g in goals if g.status != Status.PAUSED]
    per_goal, overall = findings_for(working, round, profile)
    today = runner_today(profile)
    history = history_for(profile, today)
    measured = progress_for(goals, profile, today, chart=chart) if with_progress else {}
    cards = [
        GoalCard(
            g,
            per_goal.get(g.pk, []),
            None if g.status == Status.PAUSED else verdict_for(g, history, today, profile.units),
            progress=measured.get(g.pk),
        )
        for g in goals
    ]
    if ladder:
        for card in cards:
            card.proposed = proposed_steps(card.goal, history, today, profile.units)
    return cards, overall


def proposed_steps(goal: Goal, history, today: date, units: str) -> list:
    """Steps toward a measurable goal the runner works on, from their recent running; none
    already kept among its steps (same words, or same date) and none dated before today."""
    measurable = goal.measurable(today)
    if measurable is None or goal.status not in (Status.ACTIVE, Status.CHOSEN):
        return []
    if history.is_empty and goal.metric != "race_time":
        return []  # nothing to start from: "your running lately" comes first
    dated = goal.target_date is not None
    proposed = feasibility.propose_steps(measurable, history, today, units=units, dated=dated)
    return [p for p in proposed if p.due >= today and not already_kept(p, goal.steps.all())]


def words(title: str) -> str:
    return " ".join(title.split()).casefold()


def already_kept(proposed, steps) -> bool:
    """Whether the runner already kept this suggestion: a step with its words (whatever the
    case), or one on its date (kept with the words changed)."""
    return any(words(s.title) == words(proposed.title) or s.due == proposed.due for s in steps)


def check_plan_day(day: date | None, owner_id: int, field: str, kept: date | None = None):
    """A goal's or step's date, from the runner's today to a few decades ahead (a date
    already kept through an edit may stay); else a ``ValidationError`` in plain words."""
    if day is None or day == kept:
        return
    today = Profile.objects.get(user_id=owner_id).today()
    problem = plan_day_problem(day, today)
    if day < today:
        problem = "That date has already passed. Pick today or a day ahead."
    if problem:
        raise ValidationError({field: problem})


@transaction.atomic
def add_steps(*, goal: Goal, steps: list[tuple[str, date]]) -> list[Step]:
    """The steps the runner kept, as they left them."""
    added = []
    for title, due in steps:
        check_plan_day(due, goal.owner_id, "due")
        step = Step(goal=goal, title=title, due=due)
        step.full_clean()
        step.save()
        added.append(step)
    pagecache.mark_changed(goal.owner_id)
    return added


@transaction.atomic
def add_step(*, goal: Goal, step: Step) -> Step:
    check_plan_day(step.due, goal.owner_id, "due")
    step.goal = goal
    step.save()
    pagecache.mark_changed(goal.owner_id)
    return step


@transaction.atomic
def toggle_step(*, step: Step) -> Step:
    """Ticks a step done, or unticks it."""
    step.done_at = None if step.done_at else clock.now()
    step.save(update_fields=["done_at"])
    pagecache.mark_changed(step.goal.owner_id)
    return step


@transaction.atomic
def add_check_in(*, goal: Goal, check_in: CheckIn) -> CheckIn:
    problem = run_day_problem(check_in.day, Profile.objects.get(user_id=goal.owner_id).today())
    if problem:
        raise ValidationError({"day": problem.replace("Runs", "Check-ins")})
    check_in.goal = goal
    check_in.save()
    pagecache.mark_changed(goal.owner_id)
    return check_in


def goal_form(data, round: Round | None, profile: Profile, instance=None) -> GoalForm:
    """The goal form, offering the themes the runner confirmed in the goal's round."""
    confirmed, _ = confirmed_themes(round)
    return GoalForm(
        data, instance=instance, units=profile.units, confirmed=confirmed, today=profile.today()
    )


@transaction.atomic
def add_goal(*, owner, round: Round | None, goal: Goal) -> Goal:
    """A goal written in a round (a draft until the round settles)."""
    check_plan_day(goal.target_date, owner.pk, "target_date")
    goal.owner, goal.round = owner, round
    goal.save()
    pagecache.mark_changed(owner.pk)
    return goal


def runner_today(profile: Profile) -> date:
    return profile.today()


def verdict_for(goal: Goal, history, today: date, units: str):
    measurable = goal.measurable(today)
    if measurable is None:
        return None
    return feasibility.assess(measurable, history, today, units=units)


def history_for(profile: Profile, today: date) -> feasibility.HistorySummary:
    """What Milepost knows of the runner's recent running: their runs merged with what they
    told us ("your running lately" on the profile). The race they told us counts as an effort
    beside the runs' own; their typical week and long run fill in while the runs cover fewer
    than ``RECENT_WEEKS`` complete weeks."""
    told = told_history(profile, today)
    if not Activity.objects.filter(owner_id=profile.user_id, is_run=True).exists():
        return told
    runs = feasibility_history(history_summary(profile.user, today, profile))
    efforts = runs.efforts + tuple(e for e in told.efforts if e not in runs.efforts)
    merged = {"efforts": tuple(sorted(efforts, key=lambda e: (e.on, e.distance_m)))}
    missing = RECENT_WEEKS - len(runs.weekly_m)
    if missing > 0:
        if told.weekly_m:
            merged["weekly_m"] = told.weekly_m[:missing] + runs.weekly_m
            moved_m, moved_s = sum(runs.weekly_m), sum(runs.weekly_s)
            if moved_m > 0 and moved_s > 0:  # the told weeks at the runs' own pace
                pace = moved_s / moved_m
                merged["weekly_s"] = tuple(m * pace for m in told.weekly_m[:missing])
                merged["weekly_s"] += runs.weekly_s
            else:  # no pace from the runs: feasibility works the time out from the distance
                merged["weekly_s"] = ()
        if told.weekly_runs:
            merged["weekly_runs"] = told.weekly_runs[:missing] + runs.weekly_runs
        merged["long_runs"] = runs.long_runs + told.long_runs
    return replace(runs, **merged)


def told_history(profile: Profile, today: date) -> feasibility.HistorySummary:
    """What the runner told us of their running lately, as feasibility reads it."""
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


def feasibility_history(runs: RunHistory) -> feasibility.HistorySummary:
    """The runs' own summary as feasibility reads it: the same fields, efforts as its own."""
    plain = {f.name: getattr(runs, f.name) for f in fields(runs)}
    efforts = (feasibility.Effort(e.on, e.distance_m, e.seconds) for e in runs.efforts)
    plain["efforts"] = tuple(efforts)
    return feasibility.HistorySummary(**plain)


def confirmed_themes(round: Round | None) -> tuple[list[str], str | None]:
    if round is None:
        return [], None
    themes = list(RoundTheme.objects.filter(round=round).confirmed())
    most = next((t.key for t in themes if t.most_important), None)
    return [t.key for t in themes], most


def findings_for(goals: list[Goal], round: Round | None, profile: Profile):
    """Alignment findings grouped as {goal id: [...]} and a list for the whole set, as of the
    runner's today."""
    confirmed, most = confirmed_themes(round)
    today = profile.today()
    findings = alignment.check_set(
        [g.facts(today) for g in goals],
        set(confirmed),
        most,
        profile.weekly_minutes,
        dict(theme_choices()),
    )
    per_goal: dict[int, list[alignment.Finding]] = {}
    for finding in findings:
        per_goal.setdefault(finding.goal_id, []).append(finding)
    return per_goal, per_goal.pop(None, [])


@transaction.atomic
def choose(*, round: Round, chosen: list[int]) -> None:
    """Chosen goals go on to the purpose check; the rest become someday ideas, kept."""
    for goal in settle_candidates(round):
        goal.status = Status.CHOSEN if goal.pk in chosen else Status.SOMEDAY
        goal.save(update_fields=["status"])
    pagecache.mark_changed(round.owner_id)


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
    pagecache.mark_changed(goal.owner_id)


# Editing, pausing and resuming ----------------------------------------------------------------


class GoalStateError(ValueError):
    """An operation that does not fit the goal's status (pausing a someday idea)."""


@transaction.atomic
def save_edit(*, goal: Goal, before: Goal, profile: Profile) -> GoalRevision | None:
    """Saves an edited ``goal``; ``before`` is how it read before the edit (an unsaved copy).

    When what the goal aims at changed (its title, kind, target, metric, period or date), the
    old version is kept as a revision with how far along it was on the day: an edit never
    wipes out the way so far."""
    check_plan_day(goal.target_date, goal.owner_id, "target_date", kept=before.target_date)
    revision = None
    if GoalRevision.differs(before, goal):
        measured = progress_for([before], profile, runner_today(profile)).get(before.pk)
        revision = GoalRevision.of(
            before,
            changed_at=clock.now(),
            progress_fraction=measured.result.fraction if measured else None,
            progress_summary=measured.summary if measured else "",
        )
        revision.save()
    goal.save()
    pagecache.mark_changed(goal.owner_id)
    return revision


@transaction.atomic
def pause_goal(*, goal: Goal, reason: str, note: str = "") -> GoalPause:
    """Pauses an active goal for a while (injury, illness, life): its history stays, nothing
    judges it until it is resumed, and it no longer counts against the active-goal limit."""
    if goal.status != Status.ACTIVE:
        raise GoalStateError("Only an active goal can be paused.")
    goal.status = Status.PAUSED
    goal.save(update_fields=["status"])
    pause = GoalPause(goal=goal, reason=reason, note=note, started_at=clock.now())
    pause.full_clean()
    pause.save()
    pagecache.mark_changed(goal.owner_id)
    return pause


@transaction.atomic
def resume_goal(*, goal: Goal) -> bool:
    """Brings a paused goal back to active, without penalty. Returns True when that makes
    more active goals than the usual limit (allowed: the runner decides)."""
    if goal.status != Status.PAUSED:
        raise GoalStateError("Only a paused goal can be resumed.")
    goal.status = Status.ACTIVE
    goal.save(update_fields=["status"])
    goal.pauses.filter(ended_at__isnull=True).update(ended_at=clock.now())
    pagecache.mark_changed(goal.owner_id)
    return over_active_limit(goal.owner_id)


@transaction.atomic
def make_active(*, goal: Goal) -> bool:
    """Makes a someday idea active, without a new round. Returns True when that makes more
    active goals than the usual limit (allowed, as resuming: the runner decides)."""
    if goal.status != Status.SOMEDAY:
        raise GoalStateError("Only a someday idea can be made active.")
    goal.status = Status.ACTIVE
    goal.save(update_fields=["status"])
    pagecache.mark_changed(goal.owner_id)
    return over_active_limit(goal.owner_id)


def over_active_limit(owner_id: int) -> bool:
    """Whether the runner now works on more goals than the usual few (never refused)."""
    return Goal.objects.owned_by(owner_id).active().count() > settings.MAX_ACTIVE_GOALS


# Reaching a goal --------------------------------------------------------------------------

REACHABLE = (Status.ACTIVE, Status.CHOSEN, Status.PAUSED)


def reached_by_runs(goal: Goal, progress: GoalProgress | None) -> bool:
    """Whether the runs show a one-off goal reached (a race, a time, a longest run, a streak,
    a year's distance): the goal page shows it reached before anything marks it."""
    return (
        goal.status in REACHABLE
        and goal.period not in RECURRING_PERIODS
        and progress is not None
        and not progress.waiting
        and progress.result.reached
    )


@transaction.atomic
def mark_reached(*, goal: Goal, on: date) -> None:
    """ "I did it": the goal is done, reached on the runner's ``on``; it leaves the active
    goals (and the active-goal limit) and shows under "Reached"."""
    if goal.status not in REACHABLE:
        raise GoalStateError("Only a goal you are working on can be marked as reached.")
    goal.status, goal.reached_on = Status.DONE, on
    goal.save(update_fields=["status", "reached_on"])
    pagecache.mark_changed(goal.owner_id)


@transaction.atomic
def mark_reached_from_runs(*, profile: Profile, today: date) -> list[Goal]:
    """Marks done the one-off goals the runner's runs show reached by ``today``, on the day
    the runs reached them. Called by the worker's periodic check, never by a page."""
    goals = list(Goal.objects.owned_by(profile.user_id).active().prefetch_related("pauses"))
    measured = progress_for(goals, profile, today)
    reached = [g for g in goals if reached_by_runs(g, measured.get(g.pk))]
    for goal in reached:
        mark_reached(goal=goal, on=measured[goal.pk].result.reached_on or today)
    return reached


def proud_notes(goal: Goal) -> list[str]:
    """What the runner wrote of a proud moment in the goal's round, in their own words."""
    if goal.round_id is None:
        return []
    notes = Note.objects.filter(round_id=goal.round_id, question="proud")
    return [text for text in notes.values_list("text", flat=True) if text.strip()]


# Deleting a goal ----------------------------------------------------------------------------


def counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def what_goes_with(goal: Goal) -> list[str]:
    """What deleting ``goal`` deletes with it, in words ("4 steps", "2 check-ins"), for its
    confirmation page; what it has none of is left out."""
    kept = [
        (goal.steps.count(), "step", "steps"),
        (goal.check_ins.count(), "check-in", "check-ins"),
        (goal.pauses.count(), "pause", "pauses"),
        (goal.revisions.count(), "earlier version", "earlier versions"),
        (goal.comments.count(), "message with your coach", "messages with your coach"),
    ]
    words = [counted(*row) for row in kept if row[0]]
    if goal.purpose_checked_at:
        words.append("your purpose-check answers")
    return words


@transaction.atomic
def delete_goal(*, goal: Goal) -> None:
    """Deletes the goal and all that was kept on it: its steps, check-ins, pauses, earlier
    versions, its thread with the coach and the nudges about it (their foreign keys cascade).
    A coach's suggestion it came from stays the coach's, no longer linked to it
    (``SET_NULL``). The runner's runs, rounds and other goals are not touched."""
    owner_id = goal.owner_id
    goal.delete()
    pagecache.mark_changed(owner_id)


# A goal's thread, and the goals a coach suggests ----------------------------------------------
# The coach's side (who may write, and the e-mails) is decided in milepost/coaching: these
# writes trust their caller to have checked the grant.


@transaction.atomic
def add_comment(*, goal: Goal, author, text: str) -> GoalComment:
    """A message in the goal's thread, by its runner or (checked by the caller) their coach."""
    comment = GoalComment(goal=goal, author=author, text=text.strip())
    comment.full_clean()
    comment.save()
    pagecache.mark_changed(goal.owner_id)
    return comment


@transaction.atomic
def suggest_goal(*, coach, runner, suggestion: GoalSuggestion) -> GoalSuggestion:
    """A coach's suggestion, waiting for the runner's answer on their dashboard."""
    suggestion.coach, suggestion.runner = coach, runner
    suggestion.status = SuggestionStatus.SUGGESTED
    suggestion.full_clean()
    suggestion.save()
    pagecache.mark_changed(runner.pk)
    return suggestion


def waiting_suggestions(user) -> list[GoalSuggestion]:
    """Goals the runner's coaches suggested, still waiting for an answer, newest first."""
    return list(GoalSuggestion.objects.for_runner(user).waiting().select_related("coach__profile"))


# Stages of a round whose list of goals is still being written.
DRAFTING = (Stage.BRAINSTORM, Stage.THEMES, Stage.GOALS)


def drafting_round(owner) -> Round | None:
    """The runner's newest round still writing its goals, if any."""
    return Round.objects.owned_by(owner).filter(stage__in=DRAFTING).first()


def answer_waiting(suggestion: GoalSuggestion) -> GoalSuggestion:
    """The suggestion locked for its answer; GoalStateError if it was answered already."""
    locked = GoalSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if not locked.is_waiting:
        raise GoalStateError("You have answered this suggestion already.")
    return locked


@transaction.atomic
def accept_suggestion(*, suggestion: GoalSuggestion) -> Goal:
    """The suggested goal becomes the runner's own: a draft in the round they are writing
    goals in, or a someday idea when no round is at that point (never an active goal)."""
    suggestion = answer_waiting(suggestion)
    round = drafting_round(suggestion.runner)
    goal = Goal(
        owner=suggestion.runner,
        round=round,
        status=Status.DRAFT if round else Status.SOMEDAY,
        **suggestion.goal_fields(),
    )
    goal.save()  # what it carries was checked when the coach suggested it
    suggestion.status, suggestion.answered_at, suggestion.goal = (
        SuggestionStatus.ACCEPTED,
        clock.now(),
        goal,
    )
    suggestion.save(update_fields=["status", "answered_at", "goal"])
    pagecache.mark_changed(suggestion.runner_id)
    return goal


@transaction.atomic
def decline_suggestion(*, suggestion: GoalSuggestion, word: str = "") -> GoalSuggestion:
    """No thank you, with a word for the coach if the runner likes."""
    suggestion = answer_waiting(suggestion)
    suggestion.status, suggestion.answered_at = SuggestionStatus.DECLINED, clock.now()
    suggestion.word = word.strip()
    suggestion.full_clean()
    suggestion.save(update_fields=["status", "answered_at", "word"])
    pagecache.mark_changed(suggestion.runner_id)
    return suggestion
