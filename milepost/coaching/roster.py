"""The coach's roster: every client sharing something now, most in need of a check-in first.

The signals are the runner's own nudges (stored by the worker's periodic check, so the roster
reads them in one query) plus what only a coach needs to see: a step overdue, a rest over
without settling, a purpose check answered "not really", a goal paused, no runs for a while.
Only what a grant's scopes allow feeds it: without the runs scope no run-based signal, without
the goals scope no goal-based one. A constant number of queries, however many clients and
however long their histories."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Max

from milepost import clock
from milepost.goals.models import Goal, GoalPause, Status, Step
from milepost.nudges.models import Nudge
from milepost.nudges.services import found_nudges
from milepost.reflection.models import Round, Stage
from milepost.runs.models import Activity

from .models import CoachNote, Grant, Membership

# No run for this long reads as quiet (a break nudge comes once they are back).
QUIET_DAYS = 14

# What each kind needs shared, and how much it asks for a check-in (higher first).
KINDS = {
    "low_motivation": ("runs", 3),
    "purpose_rethink": ("goals", 3),
    "plateau": ("runs", 2),
    "quiet": ("runs", 2),
    "rest_over": ("goals", 2),
    "break": ("runs", 2),
    "goal_reached": ("goals", 2),
    "step_overdue": ("goals", 1),
    "paused": ("goals", 1),
    "new_cycle": ("runs", 1),
}


# The runner's nudges speak to the runner; the roster says the same thing about them.
NUDGE_TEXTS = {
    "break": "Back running after a break: a good moment to talk about what comes next.",
    "new_cycle": "Starting a new training cycle.",
    "goal_reached": "Reached a goal: one to celebrate.",
    "plateau": "Their running has levelled off for a while.",
    "low_motivation": "A quieter spell than usual: fewer runs, or runs that felt harder.",
}


def nudge_text(kind: str, goal_title: str | None) -> str:
    if kind == "goal_reached" and goal_title:
        return f"Reached “{goal_title}”: one to celebrate."
    return NUDGE_TEXTS[kind]


@dataclass
class Reason:
    kind: str
    since: date
    text: str

    @property
    def weight(self) -> int:
        return KINDS[self.kind][1]

    def as_json(self) -> dict:
        return {"kind": self.kind, "since": self.since.isoformat(), "text": self.text}


@dataclass
class Client:
    grant: Grant
    today: date
    reasons: list[Reason] = field(default_factory=list)
    last_comment: object = None  # when the coach last wrote to or about them
    groups: list[str] = field(default_factory=list)

    @property
    def runner(self):
        return self.grant.runner

    @property
    def name(self) -> str:
        return self.runner.profile.display_name

    @property
    def needs_check_in(self) -> bool:
        return bool(self.reasons)

    def sort_key(self):
        weight = sum(r.weight for r in self.reasons)
        oldest = min((r.since for r in self.reasons), default=date.max)
        return (not self.needs_check_in, -weight, oldest, self.name.lower())

    def as_json(self) -> dict:
        return {
            "runner": self.runner.get_username(),
            "needs_check_in": self.needs_check_in,
            "reasons": [r.as_json() for r in self.reasons],
            "scopes": self.grant.scopes,
        }


def roster(
    coach,
    today: date | None = None,
    group_id: int | None = None,
    fresh: bool = False,
    runner_id: int | None = None,
) -> list[Client]:
    """The coach's clients sharing something now, most in need first. ``today`` replays a
    day for everyone (the CLI's ``--today``); by default each runner's own today. The pages
    read the nudges the worker stored; ``fresh`` works each client's out for the day instead
    (read-only, a few queries per client: the CLI's replay)."""
    grants = Grant.objects.live().filter(coach=coach).select_related("runner__profile")
    if runner_id is not None:  # one client's signals, for their page
        grants = grants.filter(runner_id=runner_id)
    grants = list(grants)
    if group_id is not None:
        in_group = set(
            Membership.objects.filter(group_id=group_id, group__coach=coach).values_list(
                "runner_id", flat=True
            )
        )
        grants = [g for g in grants if g.runner_id in in_group]
    clients = {
        g.runner_id: Client(g, today or g.runner.profile.today()) for g in grants if g.scopes
    }
    by_scope = {
        scope: [pk for pk, c in clients.items() if scope in c.grant.scopes]
        for scope in ("goals", "runs")
    }
    if fresh:
        _fresh_nudges(clients)
    else:
        _nudges(clients, by_scope)
    _goal_signals(clients, by_scope["goals"])
    _quiet(clients, by_scope["runs"])
    for runner_id, last in (
        CoachNote.objects.filter(coach=coach, runner_id__in=clients)
        .values("runner_id")
        .annotate(last=Max("created_at"))
        .values_list("runner_id", "last")
    ):
        clients[runner_id].last_comment = last
    for runner_id, name in Membership.objects.filter(
        group__coach=coach, runner_id__in=clients
    ).values_list("runner_id", "group__name"):
        clients[runner_id].groups.append(name)
    for client in clients.values():
        client.reasons.sort(key=lambda r: (-r.weight, r.since))
    return sorted(clients.values(), key=Client.sort_key)


def _nudges(clients: dict, by_scope: dict) -> None:
    """The runner's own open nudges, each only where its scope is shared."""
    wanted = set(by_scope["goals"]) | set(by_scope["runs"])
    nudges = Nudge.objects.filter(owner_id__in=wanted, closed_on=None).select_related("goal")
    for nudge in nudges.order_by("since"):
        client = clients[nudge.owner_id]
        scope = KINDS[nudge.kind][0]
        if scope in client.grant.scopes and nudge.since <= client.today:
            text = nudge_text(nudge.kind, nudge.goal.title if nudge.goal else None)
            client.reasons.append(Reason(nudge.kind, nudge.since, text))


def _fresh_nudges(clients: dict) -> None:
    for client in clients.values():
        found = found_nudges(client.runner, client.today).values()
        titles = dict(
            Goal.objects.filter(pk__in=[n.goal_id for n in found if n.goal_id]).values_list(
                "pk", "title"
            )
        )
        for nudge in found:
            if KINDS[nudge.kind][0] in client.grant.scopes:
                text = nudge_text(nudge.kind, titles.get(nudge.goal_id))
                client.reasons.append(Reason(nudge.kind, nudge.since, text))


def _goal_signals(clients: dict, runner_ids: list) -> None:
    if not runner_ids:
        return
    steps = (
        Step.objects.filter(
            goal__owner_id__in=runner_ids,
            goal__status=Status.ACTIVE,
            done_at=None,
            due__lt=max(clients[pk].today for pk in runner_ids),
        )
        .select_related("goal")
        .order_by("due")
    )
    overdue = {}
    for step in steps:
        client = clients[step.goal.owner_id]
        if step.due < client.today:
            overdue.setdefault(step.goal.owner_id, []).append(step)
    for runner_id, late in overdue.items():
        first = late[0]
        more = f" (and {len(late) - 1} more)" if len(late) > 1 else ""
        text = f"“{first.title}” for “{first.goal.title}” was due on {first.due:%-d %B}{more}."
        clients[runner_id].reasons.append(Reason("step_overdue", first.due, text))

    now = clock.now()
    for rnd in Round.objects.filter(
        owner_id__in=runner_ids, stage=Stage.RESTING, rest_until__lte=now
    ).select_related("owner__profile"):
        ended = rnd.rest_until.astimezone(rnd.owner.profile.zone).date()
        text = "Their goals have rested since " + f"{ended:%-d %B}; they have not settled yet."
        clients[rnd.owner_id].reasons.append(Reason("rest_over", ended, text))

    rethink = Goal.objects.filter(
        owner_id__in=runner_ids,
        status__in=[Status.CHOSEN, Status.ACTIVE],
        purpose_checked_at__isnull=False,
    ).select_related("owner__profile")
    for goal in rethink:
        if goal.needs_rethink:
            day = goal.purpose_checked_at.astimezone(goal.owner.profile.zone).date()
            text = f"Asked whether “{goal.title}” still carries purpose, they said not really."
            clients[goal.owner_id].reasons.append(Reason("purpose_rethink", day, text))

    pauses = GoalPause.objects.filter(
        goal__owner_id__in=runner_ids, goal__status=Status.PAUSED, ended_at=None
    ).select_related("goal__owner__profile")
    for pause in pauses:
        day = pause.started_at.astimezone(pause.goal.owner.profile.zone).date()
        text = f"“{pause.goal.title}” is paused ({pause.get_reason_display().lower()})."
        clients[pause.goal.owner_id].reasons.append(Reason("paused", day, text))


def _quiet(clients: dict, runner_ids: list) -> None:
    last_runs = (
        Activity.objects.filter(
            owner_id__in=runner_ids,
            is_run=True,
            local_date__lte=max((clients[pk].today for pk in runner_ids), default=date.max),
        )
        .values("owner_id")
        .annotate(last=Max("local_date"))
        .values_list("owner_id", "last")
    )
    for runner_id, last in last_runs:
        client = clients[runner_id]
        if last is not None and (client.today - last).days > QUIET_DAYS:
            days = (client.today - last).days
            text = f"No runs for {days} days (the last on {last:%-d %B %Y})."
            client.reasons.append(Reason("quiet", last + timedelta(days=1), text))
