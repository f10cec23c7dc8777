"""Every coaching write: sharing (grant, change, pause, stop), invitations, coach notes and
e-mail choices. Keyword-only, called alike by the pages, the CLI and the API."""

from django.db import transaction

from milepost import clock
from milepost.accounts import pagecache
from milepost.accounts.models import EmailChoice

from .models import (
    SCOPES,
    CoachNote,
    Grant,
    GrantStatus,
    Invitation,
    InvitationKind,
)


class CoachingError(ValueError):
    """Something the person asked for cannot be done; the message says why in plain words."""


def clean_scopes(scopes) -> list[str]:
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown:
        raise CoachingError(f"Unknown scope {unknown[0]!r}: choose from {', '.join(SCOPES)}.")
    if not scopes:
        raise CoachingError("Choose at least one thing to share: goals, reflections or runs.")
    return [s for s in SCOPES if s in scopes]


@transaction.atomic
def grant(*, runner, coach, scopes) -> Grant:
    """The runner shares ``scopes`` with the coach from now on: a new grant, or the scopes of
    the existing one replaced (and a paused or stopped one live again)."""
    scopes = clean_scopes(scopes)
    if runner.pk == coach.pk:
        raise CoachingError("You cannot be your own coach.")
    fields = {f"share_{s}": s in scopes for s in SCOPES}
    now = clock.now()
    obj, created = Grant.objects.select_for_update().get_or_create(
        runner=runner, coach=coach, defaults={**fields, "created_at": now, "changed_at": now}
    )
    if not created:
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.status, obj.changed_at = GrantStatus.ACTIVE, now
        obj.save()
    pagecache.mark_changed(runner.pk)
    return obj


@transaction.atomic
def set_status(*, grant: Grant, status: str) -> Grant:
    """Pause, stop or resume sharing: effective at once, history kept with the runner."""
    grant.status, grant.changed_at = status, clock.now()
    grant.save(update_fields=["status", "changed_at"])
    pagecache.mark_changed(grant.runner_id)
    return grant


def revoke(*, runner, coach) -> bool:
    """Stops the runner's sharing with the coach; False when there was nothing to stop."""
    found = Grant.objects.filter(runner=runner, coach=coach).exclude(status=GrantStatus.REVOKED)
    obj = found.first()
    if obj is None:
        return False
    set_status(grant=obj, status=GrantStatus.REVOKED)
    return True


@transaction.atomic
def invite(*, sender, kind: str, email: str = "", scopes=()) -> Invitation:
    """A one-time link from a runner to a coach (with what it will share), or from a coach
    to a runner (who picks what to share on accepting)."""
    scopes = clean_scopes(scopes) if kind == InvitationKind.FROM_RUNNER else []
    return Invitation.objects.create(sender=sender, kind=kind, email=email, scopes=scopes)


@transaction.atomic
def accept(*, invitation: Invitation, user, scopes=()) -> Grant:
    """The invitation used once: the grant it leads to, with the scopes the runner chose
    (given here by a runner accepting a coach's link, or in the runner's own invitation)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise CoachingError("This invitation has been used or withdrawn already.")
    if invitation.sender_id == user.pk:
        raise CoachingError("This is your own invitation: send the link to the other person.")
    if invitation.kind == InvitationKind.FROM_RUNNER:
        runner, coach, scopes = invitation.sender, user, invitation.scopes
    else:
        runner, coach = user, invitation.sender
    made = grant(runner=runner, coach=coach, scopes=scopes)
    invitation.used_at, invitation.used_by = clock.now(), user
    invitation.save(update_fields=["used_at", "used_by"])
    return made


@transaction.atomic
def withdraw(*, invitation: Invitation) -> None:
    invitation.withdrawn_at = clock.now()
    invitation.save(update_fields=["withdrawn_at"])


@transaction.atomic
def add_note(*, coach, runner, text: str, shared: bool = False) -> CoachNote:
    note = CoachNote.objects.create(coach=coach, runner=runner, text=text, shared=shared)
    if shared:
        pagecache.mark_changed(runner.pk)
    return note


def set_email_choices(*, user, choices: dict[str, bool]) -> None:
    """Which e-mails the person wants, kind by kind (``accounts.mail.KINDS``; the others keep
    what they were). Kept here for the coaching pages and commands that call it."""
    EmailChoice.objects.choose(user=user, choices=choices)
