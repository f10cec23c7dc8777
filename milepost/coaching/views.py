"""Coaching pages. The runner's side (``/coaching/``): who they share with and what, invitations,
what their coach did. The coach's side (``/coach/``): the roster and each client's shared data,
read-only, every read through ``access.client_or_404``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from milepost.accounts import pagecache
from milepost.goals import services as goal_services
from milepost.goals import tracking
from milepost.goals.forms import CommentForm
from milepost.goals.models import Goal, Status
from milepost.reflection.models import Round
from milepost.reflection.questions import QUESTIONS
from milepost.rounds.views import years_context
from milepost.runs.models import Activity
from milepost.web import redirect_next, site_url

from . import access, roster, services
from .forms import CoachNoteForm, InviteClientForm, InviteCoachForm, ScopesForm
from .history import coach_activity
from .models import CoachNote, Grant, GrantStatus, Group, Invitation, InvitationKind

RECENT_RUNS = 10


# The runner's side ---------------------------------------------------------------------------


@login_required
def sharing(request):
    """Who the runner shares with and what; invitations; what their coaches did."""
    grants = list(
        Grant.objects.filter(runner=request.user)
        .exclude(status=GrantStatus.REVOKED)
        .select_related("coach__profile")
    )
    form = InviteCoachForm(request.POST or None, initial={"scopes": ["goals"]})
    if form.is_valid():
        invitation = services.invite(
            sender=request.user,
            kind=InvitationKind.FROM_RUNNER,
            email=form.cleaned_data["email"],
            scopes=form.cleaned_data["scopes"],
        )
        send_invitation(request, invitation)
        return redirect("coaching:sharing")
    return render(
        request,
        "coaching/sharing.html",
        {
            "grants": [
                (g, ScopesForm(initial={"scopes": g.scopes}, prefix=f"g{g.pk}")) for g in grants
            ],
            "form": form,
            "invitations": Invitation.objects.filter(sender=request.user).unused(),
            "history": coach_activity(request.user, limit=30),
            "shared_notes": CoachNote.objects.filter(
                runner=request.user, shared=True
            ).select_related("coach__profile"),
            "stopped": Grant.objects.filter(
                runner=request.user, status=GrantStatus.REVOKED
            ).select_related("coach__profile"),
        },
    )


def owned_grant(request, pk) -> Grant:
    return get_object_or_404(Grant, pk=pk, runner=request.user)


@login_required
@require_POST
def grant_scopes(request, pk):
    grant = owned_grant(request, pk)
    form = ScopesForm(request.POST, prefix=f"g{grant.pk}")
    if not form.is_valid():
        messages.error(request, form.errors["scopes"][0])
        return redirect("coaching:sharing")
    services.grant(runner=request.user, coach=grant.coach, scopes=form.cleaned_data["scopes"])
    messages.success(
        request, f"Saved. {grant.coach.profile.display_name} sees only that, from now on."
    )
    return redirect("coaching:sharing")


@login_required
@require_POST
def grant_status(request, pk):
    grant = owned_grant(request, pk)
    status = request.POST.get("status")
    if status not in GrantStatus.values:
        messages.error(request, "Choose to pause, resume or stop sharing.")
        return redirect("coaching:sharing")
    services.set_status(grant=grant, status=status)
    name = grant.coach.profile.display_name
    said = {
        GrantStatus.PAUSED: f"Sharing with {name} is paused: they see nothing until you resume.",
        GrantStatus.ACTIVE: f"{name} can see what you share again.",
        GrantStatus.REVOKED: f"You no longer share anything with {name}.",
    }
    messages.success(request, said[status])
    return redirect("coaching:sharing")


@login_required
@require_POST
def invitation_withdraw(request, pk):
    invitation = get_object_or_404(Invitation.objects.unused(), pk=pk, sender=request.user)
    services.withdraw(invitation=invitation)
    messages.success(request, "The link no longer works.")
    return redirect_next(request, "coaching:sharing")


def invitation(request, token):
    """A one-time link: who sent it and what it would share; accepting needs an account."""
    invitation = get_object_or_404(Invitation, token=token)
    if not request.user.is_authenticated:
        return render(request, "coaching/invitation.html", {"invitation": invitation})
    from_coach = invitation.kind == InvitationKind.FROM_COACH
    data = request.POST if request.method == "POST" else None
    form = ScopesForm(data) if from_coach else None
    if request.method == "POST" and invitation.is_open and (form is None or form.is_valid()):
        try:
            grant = services.accept(
                invitation=invitation,
                user=request.user,
                scopes=form.cleaned_data["scopes"] if form else (),
            )
        except services.CoachingError as error:
            messages.error(request, str(error))
            return redirect("coaching:invitation", token)
        if from_coach:
            messages.success(
                request, f"{grant.coach.profile.display_name} can now see what you chose."
            )
            return redirect("coaching:sharing")
        messages.success(request, f"{grant.runner.profile.display_name} is now on your roster.")
        return redirect("coaching:client", grant.runner_id)
    return render(
        request,
        "coaching/invitation.html",
        {"invitation": invitation, "form": form, "from_coach": from_coach},
    )


def send_invitation(request, invitation: Invitation) -> None:
    link = site_url(request) + invitation.get_absolute_url()
    name = request.user.profile.display_name
    if invitation.email:
        if invitation.kind == InvitationKind.FROM_RUNNER:
            body = f"{name} would like you as their running coach on Milepost.\n\n"
        else:
            body = f"{name}, a running coach, invites you to share your goals on Milepost.\n\n"
        body += f"This link works once: {link}\n\nNothing is shared until it is accepted.\n"
        send_mail(f"{name} on Milepost", body, None, [invitation.email])
        messages.success(request, f"We sent the link to {invitation.email}. It works once: {link}")
    else:
        messages.success(request, f"Send this link to the other person; it works once: {link}")


# The coach's side ----------------------------------------------------------------------------


@login_required
def coach_roster(request):
    groups = list(Group.objects.filter(coach=request.user))
    group_id = request.GET.get("group")
    group = next((g for g in groups if str(g.pk) == group_id), None)
    form = InviteClientForm(request.POST or None)
    if form.is_valid():
        invitation = services.invite(
            sender=request.user, kind=InvitationKind.FROM_COACH, email=form.cleaned_data["email"]
        )
        send_invitation(request, invitation)
        return redirect("coaching:roster")
    group_id = group.pk if group else None
    # The list is cached until something it shows changes (roster.fingerprint).
    clients = pagecache.body(
        request,
        "coaching/roster.html#clients",
        request.user.profile.today(),
        (group_id, roster.fingerprint(request.user)),
        lambda: {"clients": roster.roster(request.user, group_id=group_id), "group": group},
    )
    return render(
        request,
        "coaching/roster.html",
        {
            "clients": clients,
            "groups": groups,
            "group": group,
            "form": form,
            "invitations": Invitation.objects.filter(
                sender=request.user, kind=InvitationKind.FROM_COACH
            ).unused(),
        },
    )


@login_required
def client(request, runner):
    view = access.client_or_404(request.user, runner)
    context = client_context(view, view.grant)
    context["notes"] = CoachNote.objects.filter(coach=request.user, runner=view.runner)
    context["note_form"] = CoachNoteForm()
    return render(request, "coaching/client.html", context)


@login_required
def grant_preview(request, pk):
    """The runner sees exactly what this coach sees of them (the coach's private notes
    aside), with the grant's scopes as they are now."""
    grant = get_object_or_404(Grant.objects.live(), pk=pk, runner=request.user)
    view = access.View(grant.coach, request.user, frozenset(grant.scopes), grant)
    return render(request, "coaching/client.html", client_context(view, grant, preview=True))


def client_context(view, grant, preview: bool = False) -> dict:
    """A client's page: what ``view`` allows of the runner, and their roster signals."""
    runner, profile = view.runner, view.runner.profile
    today = profile.today()
    context = {"view": view, "client": runner, "profile": profile, "today": today}
    context["preview"] = preview
    (signals,) = roster.roster(grant.coach, runner_id=runner.pk) or [None]
    context["signals"] = signals.reasons if signals else []
    if view.allows("goals"):
        goals = list(
            Goal.objects.filter(owner=runner)
            .exclude(status__in=[Status.DRAFT])
            .select_related("round")
            .prefetch_related("steps", "pauses")
        )
        shown = [g for g in goals if g.status in (Status.ACTIVE, Status.CHOSEN, Status.PAUSED)]
        cards, _ = goal_services.goal_cards(shown, None, profile, with_progress=True)
        for card in cards:
            card.next_step = card.goal.next_step()
        context |= {
            "cards": [c for c in cards if c.goal.status != Status.PAUSED],
            "paused": [c for c in cards if c.goal.status == Status.PAUSED],
            "reached": [g for g in goals if g.status == Status.DONE],
            "someday": [g for g in goals if g.status == Status.SOMEDAY],
        }
    if view.allows("reflections"):
        context["rounds"] = Round.objects.filter(owner=runner).prefetch_related("themes")
    if view.allows("runs"):
        context["weekly"] = tracking.weekly_volume(profile, today)
        context["runs"] = Activity.objects.filter(owner=runner).order_by("-start")[:RECENT_RUNS]
    return context


@login_required
@require_POST
def client_note(request, runner):
    view = access.client_or_404(request.user, runner)
    form = CoachNoteForm(request.POST)
    if form.is_valid():
        services.add_note(coach=request.user, runner=view.runner, **form.cleaned_data)
        shared = " and shared with them" if form.cleaned_data["shared"] else ""
        messages.success(request, f"Note kept{shared}.")
        return redirect(reverse("coaching:client", args=[view.runner.pk]) + "#notes")
    return render(
        request,
        "coaching/note_form.html",
        {"client": view.runner, "note_form": form},
        status=400,
    )


@login_required
def client_goal(request, runner, pk):
    view = access.client_or_404(request.user, runner, "goals")
    goal = get_object_or_404(Goal.objects.select_related("round"), pk=pk, owner=view.runner)
    prefetch_related_objects([goal], "pauses", "steps")
    (card,), _ = goal_services.goal_cards(
        [goal], None, view.runner.profile, with_progress=True, chart=True
    )
    context = {
        "view": view,
        "client": view.runner,
        "goal": goal,
        "card": card,
        "steps": goal.steps.all(),
        "check_ins": goal.check_ins.all()[:50],
        "pauses": goal.pauses.all(),
        "comments": goal.comments.select_related("author__profile"),
        "comment_form": CommentForm(prefix="comment"),
    }
    return render(request, "coaching/goal.html", context)


@login_required
def client_round(request, runner, pk):
    view = access.client_or_404(request.user, runner, "reflections")
    round = get_object_or_404(Round, pk=pk, owner=view.runner)
    answers = round.answers()
    context = {
        "view": view,
        "client": view.runner,
        "round": round,
        "questions": [(q, answers.get(q.key, [])) for q in QUESTIONS],
        "extra": round.extra_answers(),
        "themes": round.themes.confirmed(),
        # Goals are another scope: named here only when that is shared too.
        "goals": round.goals.all() if view.allows("goals") else None,
    }
    return render(request, "coaching/round.html", context)


@login_required
def client_years(request, runner):
    """The client's rounds across the years, as they see them; goals only with that scope."""
    view = access.client_or_404(request.user, runner, "reflections")
    context = years_context(view.runner, coach=request.user, with_goals=view.allows("goals"))
    return render(request, "rounds/years.html", context | {"view": view})
