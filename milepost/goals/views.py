import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from milepost import clock
from milepost.accounts import pagecache
from milepost.nudges.services import open_nudges
from milepost.reflection.forms import EndRestForm, RestForm
from milepost.reflection.models import Round, Stage
from milepost.reflection.tasks import remind_rest_over
from milepost.reflection.views import owned_round, stage_redirect
from milepost.web import redirect_next, safe_next

from . import services, tracking
from .forms import (
    CheckInForm,
    GoalForm,
    PauseForm,
    PurposeForm,
    SettleForm,
    StepForm,
    proposed_step_formset,
)
from .models import Goal, Kind, Status, Step

CHECK_INS_SHOWN = 50


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
    before = copy.copy(goal)  # the form changes ``goal`` as it validates
    form = goal_form(request, goal.round, instance=goal)
    if form.is_valid():
        revision = services.save_edit(
            goal=form.save(commit=False), before=before, profile=request.user.profile
        )
        kept = " The earlier version is kept in its history." if revision else ""
        messages.success(request, f"Saved.{kept}")
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
    goals = list(Goal.objects.owned_by(request.user).active().prefetch_related("steps", "pauses"))
    profile = request.user.profile
    today = services.runner_today(profile)
    measured = tracking.progress_for(goals, profile, today)
    history = services.history_for(profile, today)
    cards = []
    for goal in goals:
        card = services.GoalCard(goal, progress=measured.get(goal.pk))
        proposed = services.proposed_steps(goal, history, today, profile.units)
        card.ladder = proposed_step_formset(goal, proposed)
        cards.append(card)
    context = {"round": round, "cards": cards, "today": today}
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
    return render_detail(request, goal, form=form)


def render_detail(
    request, goal, *, form=None, check_in_form=None, pause_form=None, ladder=None, status=200
):
    """The goal's page, with whichever of its forms was just sent back with its reasons."""
    profile = request.user.profile
    today = services.runner_today(profile)
    forms = {
        "form": form,
        "check_in_form": check_in_form,
        "pause_form": pause_form,
        "ladder": ladder,
    }
    template = "goals/goal_detail.html#body"

    def context():
        return detail_context(goal, profile, today, **forms)

    if any(f is not None and f.is_bound for f in forms.values()):  # what the runner just typed
        body = render_to_string(template, context(), request=request)
    else:
        body = pagecache.body(request, template, today, (), context)
    return render(request, "goals/goal_detail.html", {"goal": goal, "body": body}, status=status)


def detail_context(goal, profile, today, *, form, check_in_form, pause_form, ladder) -> dict:
    prefetch_related_objects([goal], "pauses", "steps")
    (card,), _ = services.goal_cards(
        [goal], goal.round, profile, with_progress=True, chart=True, ladder=True
    )
    check_ins = list(goal.check_ins.all()[: CHECK_INS_SHOWN + 1])
    return {
        "goal": goal,
        "card": card,
        "form": form or StepForm(),
        "steps": goal.steps.all(),
        "purpose_form": PurposeForm(prefix=f"goal{goal.pk}"),
        "pause_form": pause_form or PauseForm(prefix="pause"),
        "pause": goal.open_pause(),
        "check_in_form": check_in_form or CheckInForm(prefix="checkin", today=today),
        "check_ins": check_ins[:CHECK_INS_SHOWN],
        "more_check_ins": len(check_ins) > CHECK_INS_SHOWN,
        "pauses": goal.pauses.all(),
        "revisions": goal.revisions.all(),
        "ladder": ladder or proposed_step_formset(goal, card.proposed),
        "ladder_open": not goal.steps.all(),
    }


@login_required
@require_POST
def goal_ladder(request, pk):
    """Adds the suggested steps the runner kept, as they changed them."""
    goal = owned_goal(request, pk)
    ladder = proposed_step_formset(goal, data=request.POST)
    if not ladder.is_valid():
        return render_detail(request, goal, ladder=ladder)
    added = services.add_steps(goal=goal, steps=ladder.kept())
    count = "1 step" if len(added) == 1 else f"{len(added)} steps"
    messages.success(request, f"Added {count} to \u201c{goal.title}\u201d.")
    return redirect_next(request, goal)


@login_required
@require_POST
def goal_pause(request, pk):
    goal = owned_goal(request, pk)
    if goal.status != Status.ACTIVE:
        messages.info(request, "Only an active goal can be paused.")
        return redirect(goal)
    form = PauseForm(request.POST, prefix="pause")
    if not form.is_valid():
        return render_detail(request, goal, pause_form=form)
    services.pause_goal(goal=goal, **form.cleaned_data)
    messages.success(request, "Paused. Everything is kept; resume whenever you are ready.")
    return redirect(goal)


@login_required
@require_POST
def goal_resume(request, pk):
    goal = owned_goal(request, pk)
    if goal.status != Status.PAUSED:
        return redirect(goal)
    crowded = services.resume_goal(goal=goal)
    messages.success(request, f"Welcome back to \u201c{goal.title}\u201d.")
    if crowded:
        messages.info(
            request,
            "That makes more active goals than the few you usually keep. That's fine; if it "
            "feels like a lot, pause one for a while.",
        )
    return redirect(goal)


@login_required
@require_POST
def goal_check_in(request, pk):
    goal = owned_goal(request, pk)
    if goal.kind != Kind.EXPERIENTIAL or goal.status != Status.ACTIVE:
        messages.info(request, "Check-ins are for the experiences you are working on.")
        return redirect(goal)
    today = services.runner_today(request.user.profile)
    form = CheckInForm(request.POST, prefix="checkin", today=today)
    if not form.is_valid():
        return render_detail(request, goal, check_in_form=form)
    check_in = form.save(commit=False)
    check_in.goal = goal
    check_in.save()
    messages.success(request, "Thank you for checking in.")
    return redirect(f"{goal.get_absolute_url()}#check-ins-heading")


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
    today = services.runner_today(profile)
    body = pagecache.body(
        request, "goals/dashboard.html#body", today, (), lambda: dashboard_context(request, today)
    )
    return render(request, "goals/dashboard.html", {"body": body})


def dashboard_context(request, today) -> dict:
    profile = request.user.profile
    goals = list(
        Goal.objects.owned_by(request.user)
        .filter(status__in=[Status.ACTIVE, Status.SOMEDAY, Status.CHOSEN, Status.PAUSED])
        .select_related("round")
        .prefetch_related("steps", "pauses")
    )
    shown = [g for g in goals if g.status != Status.SOMEDAY]
    cards, overall = services.goal_cards(
        shown, latest_round(request.user), profile, with_progress=True
    )
    for card in cards:
        card.next_step = card.goal.next_step()
    rounds = list(Round.objects.owned_by(request.user))
    return {
        "cards": [c for c in cards if c.goal.status != Status.PAUSED],
        "paused": [c for c in cards if c.goal.status == Status.PAUSED],
        "overall": overall,
        "weekly": tracking.weekly_volume(profile, today),
        "nudges": open_nudges(request.user),
        "someday": [g for g in goals if g.status == Status.SOMEDAY],
        "open_round": next((r for r in rounds if r.stage != Stage.DONE), None),
        "past_rounds": [r for r in rounds if r.stage == Stage.DONE],
    }


def latest_round(user) -> Round | None:
    return Round.objects.owned_by(user).exclude(stage=Stage.BRAINSTORM).first()
