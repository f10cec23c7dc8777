from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from milepost import clock
from milepost.reflection.forms import EndRestForm, RestForm
from milepost.reflection.models import Round, Stage
from milepost.reflection.tasks import remind_rest_over
from milepost.reflection.views import owned_round, stage_redirect
from milepost.web import redirect_next, safe_next

from . import services
from .forms import GoalForm, PurposeForm, SettleForm, StepForm
from .models import Goal, Status, Step


def owned_goal(request, pk) -> Goal:
    return get_object_or_404(Goal.objects.select_related("round"), pk=pk, owner=request.user)


def goal_form(request, round: Round | None, instance=None):
    confirmed, _ = services.confirmed_themes(round)
    return GoalForm(
        request.POST or None,
        instance=instance,
        units=request.user.profile.units,
        confirmed=confirmed,
    )


def resting(round: Round | None) -> bool:
    return round is not None and round.stage == Stage.RESTING


@login_required
def round_goals(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.GOALS:
        return stage_redirect(round)
    form = goal_form(request, round)
    if form.is_valid():
        goal = form.save(commit=False)
        goal.owner, goal.round = request.user, round
        goal.save()
        messages.success(request, f"Added \u201c{goal.title}\u201d.")
        return redirect("goals:round_goals", round.pk)
    cards, overall = services.goal_cards(
        list(round.goals.filter(status=Status.DRAFT)), round, request.user.profile
    )
    context = {
        "round": round,
        "form": form,
        "cards": cards,
        "overall": overall,
        "rest_form": RestForm(),
    }
    return render(request, "goals/round_goals.html", context)


@login_required
def goal_edit(request, pk):
    goal = owned_goal(request, pk)
    if resting(goal.round) and goal.round.is_resting:
        messages.info(request, "Your list is resting. You can look again when the rest is over.")
        return redirect("goals:rest", goal.round.pk)
    form = goal_form(request, goal.round, instance=goal)
    if form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect_next(request, goal)
    context = {"form": form, "goal": goal, "next": safe_next(request)}
    return render(request, "goals/goal_form.html", context)


@login_required
@require_POST
def rest_start(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.GOALS:
        return stage_redirect(round)
    form = RestForm(request.POST)
    if not round.goals.filter(status=Status.DRAFT).exists():
        messages.error(request, "Write at least one goal before you put the list away.")
    elif form.is_valid():
        round.start_rest(form.cleaned_data["days"])
        remind_rest_over.using(run_after=round.rest_until).enqueue(round.pk)
        return redirect("goals:rest", round.pk)
    else:
        messages.error(request, "Choose between 1 and 30 days.")
    return redirect("goals:round_goals", round.pk)


@login_required
def rest(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.RESTING:
        return stage_redirect(round)
    form = EndRestForm(request.POST if request.method == "POST" else None)
    if round.rest_is_over or form.is_valid():
        round.end_rest()
        messages.success(request, "Welcome back. Read your list with fresh eyes.")
        return redirect("goals:settle", round.pk)
    context = {"round": round, "form": form, "goal_count": round.goals.count()}
    return render(request, "goals/rest.html", context)


@login_required
def settle(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.SETTLE:
        return stage_redirect(round)
    candidates = services.settle_candidates(round)
    form = SettleForm(request.POST or None, goals=candidates)
    if form.is_valid():
        services.settle(round=round, chosen=form.cleaned_data["chosen"])
        return redirect("goals:purpose", round.pk)
    cards, overall = services.goal_cards(candidates, round, request.user.profile)
    context = {
        "round": round,
        "form": form,
        "cards": cards,
        "overall": overall,
        "chosen": {str(v) for v in form["chosen"].value() or []} if form.is_bound else None,
    }
    return render(request, "goals/settle.html", context)


@login_required
def purpose(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.PURPOSE:
        return stage_redirect(round)
    goal = Goal.objects.owned_by(request.user).filter(status=Status.CHOSEN).first()
    if goal is None:
        round.advance_to(Stage.STEPS)
        return redirect("goals:steps", round.pk)
    form = PurposeForm(request.POST or None, prefix=f"goal{goal.pk}")
    if form.is_valid():
        services.check_purpose(goal=goal, answers=form.answers())
        if goal.needs_rethink:
            messages.info(request, f"\u201c{goal.title}\u201d is marked for a rethink. It stays.")
        return redirect("goals:purpose", round.pk)
    remaining = Goal.objects.owned_by(request.user).filter(status=Status.CHOSEN).count()
    context = {"round": round, "goal": goal, "form": form, "remaining": remaining}
    return render(request, "goals/purpose.html", context)


@login_required
def steps(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.STEPS:
        return stage_redirect(round)
    goals = Goal.objects.owned_by(request.user).active().prefetch_related("steps")
    context = {"round": round, "goals": goals, "today": clock.now().date()}
    return render(request, "goals/steps.html", context)


@login_required
@require_POST
def round_finish(request, pk):
    round = owned_round(request, pk)
    if round.stage == Stage.STEPS:
        round.finish()
        messages.success(request, "Your goals are set. Go and enjoy the journey.")
        return redirect("dashboard")
    return stage_redirect(round)


@login_required
def goal_detail(request, pk):
    goal = owned_goal(request, pk)
    if resting(goal.round) and goal.round.is_resting:
        return redirect("goals:rest", goal.round.pk)
    form = StepForm(request.POST or None)
    if form.is_valid():
        step = form.save(commit=False)
        step.goal = goal
        step.save()
        messages.success(request, f"Step added: {step.title}.")
        return redirect_next(request, goal)
    (card,), _ = services.goal_cards([goal], goal.round, request.user.profile)
    context = {
        "goal": goal,
        "card": card,
        "form": form,
        "steps": goal.steps.all(),
        "purpose_form": PurposeForm(prefix=f"goal{goal.pk}"),
    }
    return render(request, "goals/goal_detail.html", context)


@login_required
@require_POST
def goal_purpose(request, pk):
    goal = owned_goal(request, pk)
    form = PurposeForm(request.POST, prefix=f"goal{goal.pk}")
    if form.is_valid():
        services.check_purpose(goal=goal, answers=form.answers())
        messages.success(request, "Thank you for checking in with yourself.")
    else:
        messages.error(request, "Answer all three questions, yes or not really.")
    return redirect(goal)


@login_required
@require_POST
def step_done(request, pk):
    step = get_object_or_404(Step.objects.select_related("goal"), pk=pk, goal__owner=request.user)
    step.done_at = None if step.done_at else clock.now()
    step.save(update_fields=["done_at"])
    return redirect_next(request, step.goal)


def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    return render(request, "home.html")


@login_required
def dashboard(request):
    profile = request.user.profile
    goals = list(
        Goal.objects.owned_by(request.user)
        .filter(status__in=[Status.ACTIVE, Status.SOMEDAY, Status.CHOSEN])
        .select_related("round")
        .prefetch_related("steps")
    )
    active = [g for g in goals if g.status != Status.SOMEDAY]
    cards, overall = services.goal_cards(active, latest_round(request.user), profile)
    for card in cards:
        card.next_step = card.goal.next_step()
    rounds = list(Round.objects.owned_by(request.user))
    context = {
        "cards": cards,
        "overall": overall,
        "someday": [g for g in goals if g.status == Status.SOMEDAY],
        "open_round": next((r for r in rounds if r.stage != Stage.DONE), None),
        "past_rounds": [r for r in rounds if r.stage == Stage.DONE],
    }
    return render(request, "goals/dashboard.html", context)


def latest_round(user) -> Round | None:
    return Round.objects.owned_by(user).exclude(stage=Stage.BRAINSTORM).first()
