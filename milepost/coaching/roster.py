"""The coach's roster: every client sharing something now, most in need of a check-in first.

The signals are the runner's own nudges (stored by the worker's periodic check, so the roster
reads them in one query) plus what only a coach needs to see: a step overdue, a rest over
without settling, a purpose check answered "not really", a goal paused, no runs for a while.
Only what a grant's scopes allow feeds it: without the runs scope no run-based signal, without
the goals scope no goal-based one. A constant number of queries, however many clients and
however long their histories."""

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, OuterRef, Subquery

from milepost import clock
from milepost.goals.models import Goal, GoalComment, GoalPause, PauseReason, Status, Step
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

    @property
    def since_iso(self) -> str:
        return self.since.isoformat()

    @property
    def since_label(self) -> str:  # "3 Dec": written here, cheaper than a template filter
        return f"{self.since.day} {self.since:%b}"

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

    def local_day(self, moment) -> date:
        return moment.astimezone(self.runner.profile.zone).date()

    @property
    def scopes_text(self) -> str:
        return ", ".join(self.grant.scopes)

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
    # Only what the roster reads of each runner: 200 clients stay cheap to load.
    grants = (
        Grant.objects.live()
        .filter(coach=coach)
        .select_related("runner__profile")
        .only(
            *("status", "share_goals", "share_reflections", "share_runs", "runner", "coach"),
            *("runner__username", "runner__profile__name", "runner__profile__time_zone"),
        )
    )
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
    _last_words(coach, clients)
    for runner_id, name in Membership.objects.filter(
        group__coach=coach, runner_id__in=clients
    ).values_list("runner_id", "group__name"):
        clients[runner_id].groups.append(name)
    for client in clients.values():
        client.reasons.sort(key=lambda r: (-r.weight, r.since))
    return sorted(clients.values(), key=Client.sort_key)


def fingerprint(coach) -> str:
    """Changes whenever the roster could: a client's data (``Profile.data_version``) or stored
    nudges (their last check), a grant, a note, a member; and every quarter of an hour, so each
    client's own day turns over in time (every time zone is a whole quarter off UTC). Three
    small queries: the page caches the roster under it."""
    grants = list(
        Grant.objects.live()
        .filter(coach=coach)
        .order_by("runner_id")
        .values_list(
            "runner_id",
            "changed_at",
            "runner__profile__data_version",
            "runner__nudgecheck__checked_at",
        )
    )
    notes = CoachNote.objects.filter(coach=coach).aggregate(last=Max("id"))["last"]
    members = Membership.objects.filter(group__coach=coach).aggregate(
        last=Max("id"), count=Count("id")
    )
    now = clock.now()
    quarter = now.replace(minute=now.minute // 15 * 15, second=0, microsecond=0)
    text = repr((grants, notes, members, quarter.isoformat()))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def _last_words(coach, clients: dict) -> None:
    """When the coach last wrote to or about each client: a note, or a message on a goal."""
    notes = (
        CoachNote.objects.filter(coach=coach, runner_id__in=clients)
        .values("runner_id")
        .annotate(last=Max("created_at"))
        .values_list("runner_id", "last")
    )
    messages = (
        GoalComment.objects.filter(author=coach, goal__owner_id__in=clients)
        .values("goal__owner_id")
        .annotate(last=Max("created_at"))
        .values_list("goal__owner_id", "last")
    )
    for runner_id, last in [*notes, *messages]:
        client = clients[runner_id]
        client.last_comment = max(filter(None, [client.last_comment, last]))


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
    """Steps overdue, rests over, purpose checks answered "not really", goals paused: plain
    rows (no model instances), a query each."""
    if not runner_ids:
        return
    steps = Step.objects.filter(
        goal__owner_id__in=runner_ids,
        goal__status=Status.ACTIVE,
        done_at=None,
        due__lt=max(clients[pk].today for pk in runner_ids),
    ).order_by("due")
    overdue = {}
    for owner_id, title, due, goal in steps.values_list(
        "goal__owner_id", "title", "due", "goal__title"
    ):
        if due < clients[owner_id].today:
            overdue.setdefault(owner_id, []).append((title, due, goal))
    for runner_id, late in overdue.items():
        title, due, goal = late[0]
        more = f" (and {len(late) - 1} more)" if len(late) > 1 else ""
        text = f"“{title}” for “{goal}” was due on {due:%-d %B}{more}."
        clients[runner_id].reasons.append(Reason("step_overdue", due, text))

    rests = Round.objects.filter(
        owner_id__in=runner_ids, stage=Stage.RESTING, rest_until__lte=clock.now()
    )
    for owner_id, rest_until in rests.values_list("owner_id", "rest_until"):
        ended = clients[owner_id].local_day(rest_until)
        text = f"Their goals have rested since {ended:%-d %B}; they have not settled yet."
        clients[owner_id].reasons.append(Reason("rest_over", ended, text))

    checked = Goal.objects.filter(
        owner_id__in=runner_ids,
        status__in=[Status.CHOSEN, Status.ACTIVE],
        purpose_checked_at__isnull=False,
    ).exclude(excited=True, out_the_door=True, smile=True)
    for owner_id, title, at in checked.values_list("owner_id", "title", "purpose_checked_at"):
        text = f"Asked whether “{title}” still carries purpose, they said not really."
        day = clients[owner_id].local_day(at)
        clients[owner_id].reasons.append(Reason("purpose_rethink", day, text))

    pauses = GoalPause.objects.filter(
        goal__owner_id__in=runner_ids, goal__status=Status.PAUSED, ended_at=None
    )
    reasons = dict(PauseReason.choices)
    for owner_id, title, why, at in pauses.values_list(
        "goal__owner_id", "goal__title", "reason", "started_at"
    ):
        text = f"“{title}” is paused ({reasons.get(why, why).lower()})."
        clients[owner_id].reasons.append(Reason("paused", clients[owner_id].local_day(at), text))


def _quiet(clients: dict, runner_ids: list) -> None:
    """No run for ``QUIET_DAYS``: each client's last run day, read newest first through the
    (owner, day) index, so a long history costs no more than a short one."""
    if not runner_ids:
        return
    latest = max(clients[pk].today for pk in runner_ids)
    last_run = (
        Activity.objects.filter(owner=OuterRef("pk"), is_run=True, local_date__lte=latest)
        .order_by("-local_date")
        .values("local_date")[:1]
    )
    last_runs = (
        get_user_model()
        .objects.filter(pk__in=runner_ids)
        .annotate(last=Subquery(last_run))
        .values_list("pk", "last")
    )
    for runner_id, last in last_runs:
        client = clients[runner_id]
        if last is not None and (client.today - last).days > QUIET_DAYS:
            days = (client.today - last).days
            text = f"No runs for {days} days (the last on {last:%-d %B %Y})."
            client.reasons.append(Reason("quiet", last + timedelta(days=1), text))
