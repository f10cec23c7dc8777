"""Pages that bring the apps together: the home page, the runner's dashboard (goals, nudges,
runs and rounds on one page) and the profile with its calendar feed."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from milepost import clock
from milepost.accounts import mail, pagecache
from milepost.accounts.forms import ApiTokenForm, ProfileForm
from milepost.accounts.models import ApiToken
from milepost.accounts.views import email_section
from milepost.goals import services as goal_services
from milepost.goals import tracking
from milepost.goals.models import Goal, Status
from milepost.nudges.models import CalendarFeed
from milepost.nudges.services import open_nudges
from milepost.portability.models import Export
from milepost.reflection.models import Round, Stage


def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    return render(request, "home.html")


@login_required
def dashboard(request):
    today = request.user.profile.today()
    body = pagecache.body(
        request,
        "dashboard/dashboard.html#body",
        today,
        (),
        lambda: dashboard_context(request.user, today),
    )
    # Outside the cached body: confirming happens in another tab, from the e-mail.
    user = request.user
    unconfirmed = user.email if user.email and not mail.verified_address(user) else ""
    context = {"body": body, "unconfirmed_email": unconfirmed}
    return render(request, "dashboard/dashboard.html", context)


def dashboard_context(user, today) -> dict:
    profile = user.profile
    goals = list(
        Goal.objects.owned_by(user)
        .filter(status__in=[Status.ACTIVE, Status.SOMEDAY, Status.CHOSEN, Status.PAUSED])
        .select_related("round")
        .prefetch_related("steps", "pauses")
    )
    reached = list(Goal.objects.owned_by(user).filter(status=Status.DONE).order_by("-reached_on"))
    rounds = list(Round.objects.owned_by(user))
    open_rounds = [r for r in rounds if r.stage != Stage.DONE]
    shown = [g for g in goals if g.status != Status.SOMEDAY]
    latest = next((r for r in rounds if r.stage != Stage.BRAINSTORM), None)
    cards, overall = goal_services.goal_cards(shown, latest, profile, with_progress=True)
    for card in cards:
        card.next_step = card.goal.next_step()
    return {
        "cards": [c for c in cards if c.goal.status != Status.PAUSED],
        "paused": [c for c in cards if c.goal.status == Status.PAUSED],
        "overall": overall,
        "weekly": tracking.weekly_volume(profile, today),
        "nudges": open_nudges(user, today),
        "suggestions": goal_services.waiting_suggestions(user),
        "someday": [g for g in goals if g.status == Status.SOMEDAY],
        "reached": reached,
        "open_rounds": open_rounds,  # every round under way, newest first
        "open_round": next(iter(open_rounds), None),
        "past_rounds": [r for r in rounds if r.stage == Stage.DONE],
    }


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user.profile)
    if form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("dashboard")
    return render_profile(request, form=form)


def render_profile(request, *, form=None, token_form=None, new_token="", status=200):
    context = {
        "form": form or ProfileForm(instance=request.user.profile),
        "feed": CalendarFeed.objects.filter(owner=request.user).first(),
        "tokens": ApiToken.objects.filter(owner=request.user, revoked_at=None),
        "token_form": token_form or ApiTokenForm(),
        "new_token": new_token,
        "export": Export.objects.owned_by(request.user).first(),
        **email_section(request.user),
    }
    return render(request, "accounts/profile.html", context, status=status)


@login_required
@require_POST
def token_create(request):
    """A personal access token for the API, shown this once (only its hash is kept)."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return render_profile(request, token_form=form, status=400)
    days = form.cleaned_data["expires_in_days"]
    _, raw = ApiToken.objects.issue(
        owner=request.user,
        name=form.cleaned_data["name"],
        write=form.cleaned_data["write"],
        expires_at=clock.now() + timedelta(days=days) if days else None,
    )
    return render_profile(request, new_token=raw, status=201)


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, owner=request.user, revoked_at=None)
    token.revoke()
    messages.success(request, f"“{token.name}” no longer works.")
    return redirect(reverse("accounts:profile") + "#api-heading")
