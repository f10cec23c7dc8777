"""E-mail reminders, each sent once: a rest that is over, a step due today, a new nudge.

Each goes only to a confirmed address of a runner who wants that kind, with its one-click
unsubscribe link (``accounts.mail.send``); rows are claimed all the same, so turning an e-mail
on never sends old news. Each runner's reminders are sent on their own: one runner's failure
is logged and skipped, and the others still get theirs."""

import logging
from datetime import timedelta

from django.conf import settings

from milepost import clock
from milepost.accounts import mail
from milepost.goals.models import Status, Step
from milepost.reflection.services import send_due_rest_reminders

from .models import Nudge
from .services import refresh_due_nudges

logger = logging.getLogger(__name__)

# A step whose day passed more than this long ago is not worth an e-mail any more.
STEP_GRACE = timedelta(days=2)


def send_due_reminders() -> dict[str, int]:
    try:
        refresh_due_nudges()
    except Exception:
        logger.exception("The nudge check failed; the reminders go all the same.")
    return {
        "rest": send_due_rest_reminders(),
        "steps": send_due_step_reminders(),
        "nudges": send_due_nudges(),
    }


def send_due_step_reminders() -> int:
    """One e-mail per runner listing the steps due today (their today), each step once."""
    now = clock.now()
    window = (now - STEP_GRACE - timedelta(days=1)).date(), (now + timedelta(days=1)).date()
    steps = (
        Step.objects.filter(
            due__range=window,
            done_at=None,
            reminded_at=None,
            goal__status=Status.ACTIVE,
        )
        .filter(mail.with_verified_address("goal__owner__"))
        .select_related("goal__owner__profile")
    )
    due_by_owner: dict = {}
    for step in steps:
        owner = step.goal.owner
        today = now.astimezone(owner.profile.zone).date()
        if today - STEP_GRACE <= step.due <= today:
            due_by_owner.setdefault(owner, []).append(step)
    return sum(each_runner(send_steps, due_by_owner))


def send_steps(owner, steps: list[Step]) -> int:
    claimed = [
        s
        for s in steps
        if Step.objects.filter(pk=s.pk, reminded_at=None).update(reminded_at=clock.now())
    ]
    if not claimed:
        return 0
    context = {"profile": owner.profile, "steps": claimed, "site_url": settings.SITE_URL}
    subject = "A step towards your goal today" if len(claimed) == 1 else "Your steps for today"
    mail.send(
        user=owner,
        kind=mail.STEPS_DUE,
        subject=subject,
        template="nudges/email/steps_due.txt",
        context=context,
    )
    return len(claimed)


def send_due_nudges() -> int:
    """One e-mail per runner with the nudges that opened since the last one, each once."""
    now = clock.now()
    nudges = (
        Nudge.objects.filter(emailed_at=None, closed_on=None, dismissed_at=None)
        .filter(mail.with_verified_address("owner__"))
        .select_related("owner__profile")
    )
    due_by_owner: dict = {}
    for nudge in nudges:
        today = now.astimezone(nudge.owner.profile.zone).date()
        if nudge.snoozed_until is None or nudge.snoozed_until <= today:
            due_by_owner.setdefault(nudge.owner, []).append(nudge)
    return sum(each_runner(send_nudges, due_by_owner))


def each_runner(send, due_by_owner: dict):
    """``send(owner, items)`` for each runner; a runner whose sending fails is logged and
    skipped (counted as 0)."""
    for owner, items in due_by_owner.items():
        try:
            yield send(owner, items)
        except Exception:
            logger.exception("Reminders for runner %s failed; skipped.", owner.pk)
            yield 0


def send_nudges(owner, nudges: list[Nudge]) -> int:
    claimed = [
        n
        for n in nudges
        if Nudge.objects.filter(pk=n.pk, emailed_at=None).update(emailed_at=clock.now())
    ]
    if not claimed:
        return 0
    context = {"profile": owner.profile, "nudges": claimed, "site_url": settings.SITE_URL}
    mail.send(
        user=owner,
        kind=mail.NUDGES,
        subject="Time for a fresh look at your goals?",
        template="nudges/email/nudges.txt",
        context=context,
    )
    return len(claimed)
