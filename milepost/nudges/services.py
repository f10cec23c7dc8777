"""Nudges worked out from the runner's own data, stored once, shown until dealt with.

``trigger_inputs`` reads what ``triggers.detect`` needs in seven queries over at most
``HISTORY_DAYS`` of dates, whatever the length of the history: the runs of that stretch, the
last run day before it (so a long break is still seen), the complete weeks' totals and the
runner's first week, the goals that can matter, the check-ins' feelings and the cycle starts.
Every row dated after ``today`` is left out, so any past day can be replayed
(``milepost nudges --today``).

``refresh_nudges`` stores what is found: a new nudge once (one per owner, kind, since and goal),
a dismissed one never again, and a stored one no longer found is closed. A nudge that opened on
or before the day of the runner's latest round is already answered and is not stored.

When it runs: from the worker's periodic task, for every runner not checked yet on their
today or whose data changed since (``Profile.data_version``, which every write of what their
pages show changes), and when the runner acts on a nudge or a cycle start. The dashboard never
writes: ``open_nudges`` reads the stored nudges when the check is current, and works them out
as it reads otherwise, so what a runner sees is never behind their data.
"""

import logging
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Max, Q

from milepost import clock
from milepost.accounts import pagecache
from milepost.accounts.models import Profile
from milepost.goals import progress
from milepost.goals.metrics import RACE_METRICS, RECURRING_PERIODS
from milepost.goals.models import CheckIn, Goal, Kind, Status
from milepost.goals.services import mark_reached_from_runs
from milepost.reflection.models import Round
from milepost.runmath.units import BEST_EFFORT_DISTANCES, week_start
from milepost.runs.models import Activity, WeeklyTotal

from . import triggers
from .models import CycleStart, Nudge, NudgeCheck

# How far back the triggers ever look from ``today`` (see their docstrings): low motivation
# looks back a year, each day against the 4 + 12 weeks before it; plateau a year of weeks,
# each against the 8 weeks (volume) or 12 weeks (pace) before it.
HISTORY_DAYS = max(
    triggers.LOOKBACK_DAYS + triggers.RECENT_DAYS + triggers.BASELINE_DAYS,
    triggers.LOOKBACK_DAYS + triggers.FEELING_WINDOW_DAYS,
    7 * (triggers.PLATEAU_LOOKBACK_WEEKS + 1)
    + max(7 * triggers.PLATEAU_WINDOW_WEEKS, triggers.PACE_BLOCKS * triggers.PACE_BLOCK_DAYS),
)
# Runners whose daily check the periodic task does in one go; the rest wait 15 minutes.
REFRESH_BATCH = 200

logger = logging.getLogger(__name__)
SNOOZE_DAYS = 7


def runner_today(owner) -> date:
    return owner.profile.today()


def detect_nudges(owner, today: date) -> list[triggers.Nudge]:
    """The nudges the triggers find open on ``today`` (read-only)."""
    return triggers.detect(**trigger_inputs(owner, today))


def trigger_inputs(owner, today: date) -> dict:
    """``triggers.detect``'s arguments from the runner's rows dated up to ``today``."""
    first = today - timedelta(days=HISTORY_DAYS)
    rows = list(
        Activity.objects.filter(owner=owner, is_run=True, local_date__range=(first, today))
        .order_by("local_date", "start")
        .values_list(
            "local_date",
            "distance_m",
            "moving_s",
            "elapsed_s",
            "feeling",
            "best_efforts",
            "is_race",
            "longest_continuous_run_m",
        )
    )
    runs = [triggers.RunDay(row[0], row[1] or 0.0, row[2] or 0.0, row[4]) for row in rows]
    before = Activity.objects.filter(owner=owner, is_run=True, local_date__lt=first).aggregate(
        last=Max("local_date")
    )["last"]
    if before is not None:  # only its day matters: the run before a break
        runs.insert(0, triggers.RunDay(before, 0.0))
    return {
        "runs": runs,
        "today": today,
        "efforts": _efforts(rows),
        "goals": _goals(owner, today, first, rows),
        "checkins": [
            triggers.CheckIn(day, feeling)
            for day, feeling in CheckIn.objects.owned_by(owner)
            .filter(day__range=(first, today), feeling__isnull=False)
            .values_list("day", "feeling")
        ],
        "cycle_starts": list(
            CycleStart.objects.filter(
                owner=owner, day__range=(today - timedelta(days=triggers.OPEN_DAYS - 1), today)
            ).values_list("day", flat=True)
        ),
        "weekly_m": _weekly(owner, today, first),
        "units": owner.profile.units,
    }


def _efforts(rows) -> list[triggers.Effort]:
    efforts = []
    for day, distance, moving, elapsed, _, best, is_race, _ in rows:
        for key, seconds in (best or {}).items():
            if key in BEST_EFFORT_DISTANCES and seconds:
                efforts.append(triggers.Effort(day, BEST_EFFORT_DISTANCES[key], seconds))
        if is_race and distance and (elapsed or moving):
            efforts.append(triggers.Effort(day, distance, elapsed or moving))
    return efforts


def _weekly(owner, today: date, first: date) -> dict[date, float]:
    """Metres of each complete week of the stretch, and of the runner's first week ever (the
    triggers start counting weeks there)."""
    monday = week_start(today)
    totals = WeeklyTotal.objects.filter(owner=owner)
    weekly = dict(
        totals.filter(period_start__gte=first, period_start__lt=monday).values_list(
            "period_start", "distance_m"
        )
    )
    earliest = (
        totals.filter(period_start__lt=first, distance_m__gt=0)
        .order_by("period_start")
        .values_list("period_start", "distance_m")
        .first()
    )
    if earliest is not None:
        weekly[earliest[0]] = earliest[1]
    return weekly


def _goals(owner, today: date, first: date, rows) -> list[triggers.OpenGoal]:
    """The goals the runner is working on, or finished within the stretch; drafts, someday
    ideas and paused goals (illness, injury, life) raise nothing. Their status is today's:
    a replay sees a goal marked done later as done from its ``reached_on``."""
    zone = owner.profile.zone
    goals = Goal.objects.owned_by(owner).filter(
        Q(status__in=[Status.ACTIVE, Status.CHOSEN])
        | Q(status=Status.DONE, reached_on__gte=first)
        | Q(status=Status.DONE, target_date__gte=first)
    )
    facts = [
        progress.RunFact(
            day=day,
            distance_m=distance or 0.0,
            moving_s=moving or 0.0,
            longest_continuous_m=continuous,
            best_efforts=best or {},
            is_race=is_race,
        )
        for day, distance, moving, _, _, best, is_race, continuous in rows
    ]
    watched = []
    for goal in goals:
        started = goal.started_on(zone)
        if started > today:
            continue  # not set yet on the day replayed
        measured = _progress(goal, facts, today, started)
        reached_on = measured.reached_on if measured and measured.reached else None
        if goal.status == Status.DONE and reached_on is None:
            reached_on = goal.reached_on  # the day it was marked done
        recurring = goal.period in RECURRING_PERIODS
        measurable = goal.kind == Kind.MEASURABLE
        watched.append(
            triggers.OpenGoal(
                id=goal.pk,
                title=goal.title,
                metric=goal.metric if measurable else "",
                target=goal.target_value,
                by=goal.target_date,
                is_race=measurable and goal.metric in RACE_METRICS,
                reached_on=None if recurring and goal.status != Status.DONE else reached_on,
                progress_fraction=None if recurring or measured is None else measured.fraction,
            )
        )
    return watched


def _progress(goal: Goal, facts, today: date, started: date) -> progress.Progress | None:
    spec = goal.progress_spec()
    if spec is None:
        return None
    try:
        return progress.progress(spec, facts, today, started)
    except progress.ProgressError:
        return None


# Storing -----------------------------------------------------------------------------------


def found_nudges(owner, today: date) -> dict[tuple, triggers.Nudge]:
    """The nudges the triggers find open on ``today`` that no round has answered yet, by
    their key (kind, since, goal id). Read-only."""
    answered = last_round_day(owner)
    return {
        (n.kind, n.since, n.goal_id): n
        for n in detect_nudges(owner, today)
        if answered is None or n.since > answered
    }


@transaction.atomic
def refresh_nudges(owner, today: date | None = None) -> list[Nudge]:
    """Works out the runner's nudges on ``today`` (their today by default) and stores them;
    returns the new ones. Stored nudges show exactly what ``open_nudges`` worked out as it
    read, so the runner's cached pages stay as they are. One-off goals the runs show reached
    are marked done first (``goals.services.mark_reached_from_runs``)."""
    today = today or runner_today(owner)
    # One-off goals the runs show reached are marked done first: the check sees them so.
    mark_reached_from_runs(profile=owner.profile, today=today)
    # What this check saw, read afresh: a change after it makes the check stale again.
    version = Profile.objects.filter(user=owner).values_list("data_version", flat=True).get()
    found = found_nudges(owner, today)
    known = stored_for(owner, found)
    for key, nudge in known.items():
        if nudge.dismissed_at is not None:
            continue  # dismissed for good
        if key in found:
            if nudge.closed_on is not None or nudge.reason != found[key].reason:
                nudge.closed_on, nudge.reason = None, found[key].reason
                nudge.save(update_fields=["closed_on", "reason"])
        elif nudge.closed_on is None:
            nudge.closed_on = today
            nudge.save(update_fields=["closed_on"])
    new = []
    for key, n in found.items():
        if key not in known:
            # get_or_create: two refreshes at once (the periodic check and a runner's own
            # action) store the nudge once.
            nudge, created = Nudge.objects.get_or_create(
                owner=owner,
                kind=n.kind,
                since=n.since,
                goal_id=n.goal_id,
                defaults={"reason": n.reason},
            )
            if created:
                new.append(nudge)
    checked = {"checked_on": today, "checked_at": clock.now(), "data_version": version}
    if not NudgeCheck.objects.filter(owner=owner).update(**checked):
        NudgeCheck.objects.get_or_create(owner=owner, defaults=checked)
    return new


def stored_for(owner, found: dict) -> dict[tuple, Nudge]:
    """The runner's stored nudges that are open, or that share a day with one found."""
    since = {key[1] for key in found}
    stored = Nudge.objects.owned_by(owner).filter(
        Q(closed_on=None, dismissed_at=None) | Q(since__in=since)
    )
    return {(n.kind, n.since, n.goal_id): n for n in stored}


def last_round_day(owner) -> date | None:
    started = Round.objects.owned_by(owner).aggregate(last=Max("started_at"))["last"]
    return started.astimezone(owner.profile.zone).date() if started else None


def is_checked(owner, today: date) -> bool:
    """Whether the stored nudges are the runner's nudges on ``today``: checked that day, and
    nothing they show has changed since (``Profile.data_version``)."""
    return NudgeCheck.objects.filter(
        owner=owner, checked_on=today, data_version=F("owner__profile__data_version")
    ).exists()


def open_nudges(user, today: date | None = None) -> list[Nudge]:
    """The nudges showing on the runner's dashboard on ``today``. Never writes: the stored
    ones when today's check is current; else worked out now from the runner's data and
    matched with what is stored (a dismissed or snoozed nudge stays so). A nudge not stored
    yet is an unsaved ``Nudge``; the worker's periodic check stores it."""
    today = today or runner_today(user)
    if is_checked(user, today):
        return list(Nudge.objects.owned_by(user).open_on(today))
    found = found_nudges(user, today)
    known = stored_for(user, found)
    shown = []
    for key, n in found.items():
        nudge = known.get(key) or Nudge(
            owner=user, kind=n.kind, since=n.since, goal_id=n.goal_id, reason=n.reason
        )
        if nudge.dismissed_at or (nudge.snoozed_until and nudge.snoozed_until > today):
            continue
        nudge.reason = n.reason
        shown.append(nudge)
    return sorted(shown, key=lambda n: (n.since, n.pk or 0))


def stored_nudge(owner, *, kind: str, since: date, goal_id: int | None) -> Nudge | None:
    """The stored nudge with that key, storing the runner's nudges first if it is one they
    were shown before the periodic check stored it."""
    lookup = {"kind": kind, "since": since, "goal_id": goal_id}
    nudge = Nudge.objects.owned_by(owner).filter(**lookup).first()
    if nudge is None:
        refresh_nudges(owner)
        nudge = Nudge.objects.owned_by(owner).filter(**lookup).first()
    return nudge


@transaction.atomic
def dismiss(*, nudge: Nudge) -> None:
    nudge.dismiss()
    pagecache.mark_changed(nudge.owner_id)


@transaction.atomic
def snooze(*, nudge: Nudge, until: date) -> None:
    nudge.snooze(until)
    pagecache.mark_changed(nudge.owner_id)


@transaction.atomic
def add_cycle_start(*, owner, cycle: CycleStart) -> CycleStart:
    """ "My new training cycle starts on …": a new-cycle nudge opens on that day."""
    cycle.owner = owner
    cycle.save()
    pagecache.mark_changed(owner.pk)
    return cycle


@transaction.atomic
def delete_cycle_start(*, cycle: CycleStart) -> None:
    cycle.delete()
    pagecache.mark_changed(cycle.owner_id)


def refresh_due_nudges(limit: int = REFRESH_BATCH) -> int:
    """The daily check of runners not checked yet today (their today), at most ``limit``,
    those waiting longest first. Returns how many were checked."""
    now = clock.now()
    latest_today = (now + timedelta(hours=14)).date()  # the furthest-ahead time zone's today
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(nudgecheck=None)
            | Q(nudgecheck__checked_on__lt=latest_today)
            | ~Q(nudgecheck__data_version=F("profile__data_version"))
        )
        .select_related("profile", "nudgecheck")
        .order_by(F("nudgecheck__checked_on").asc(nulls_first=True), "pk")
    )
    done = 0
    for user in users.iterator(chunk_size=100):
        today = now.astimezone(user.profile.zone).date()
        check = getattr(user, "nudgecheck", None)
        current = check is not None and check.data_version == user.profile.data_version
        if current and check.checked_on >= today:
            continue
        try:
            refresh_nudges(user, today)
        except Exception:
            # One runner's bad data must not stop everyone's check: logged, tried next time.
            logger.exception("The nudge check of runner %s failed; skipped.", user.pk)
            continue
        done += 1
        if done >= limit:
            break
    return done


def close_answered(owner, day: date) -> int:
    """A round has started: the nudges open until ``day`` have their answer."""
    closed = (
        Nudge.objects.owned_by(owner)
        .filter(closed_on=None, dismissed_at=None, since__lte=day)
        .update(closed_on=day)
    )
    pagecache.mark_changed(owner.pk)
    return closed
