import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.text import get_text_list
from django.views.decorators.http import require_POST

from milepost.accounts import pagecache
from milepost.reflection.models import Round, Stage
from milepost.web import redirect_next, safe_next

from . import services
from .forms import (
    CheckInForm,
    CommentForm,
    DeclineForm,
    PauseForm,
    PurposeForm,
    StepForm,
    proposed_step_formset,
)
from .models import Goal, GoalSuggestion, Kind, Status, Step

CHECK_INS_SHOWN = 50
# Going past the usual number of active goals is never refused: the runner is told, kindly.
CROWDED = (
    "That makes more active goals than the few you usually keep. That's fine; if it feels like "
    "a lot, pause one for a while."
)


def owned_goal(request, pk) -> Goal:
    return get_object_or_404(Goal.objects.select_related("round"), pk=pk, owner=request.user)


def resting(round: Round | None) -> bool:
    return round is not None and round.is_resting


@login_required
def goal_edit(request, pk):
    goal = owned_goal(request, pk)
    if resting(goal.round):
        messages.info(request, "Your list is resting. You can look again when the rest is over.")
        return redirect("rounds:rest", goal.round.pk)
    before = copy.copy(goal)  # the form changes ``goal`` as it validates
    form = services.goal_form(request.POST or None, goal.round, request.user.profile, instance=goal)
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
def goal_detail(request, pk):
    goal = owned_goal(request, pk)
    if resting(goal.round):
        return redirect("rounds:rest", goal.round.pk)
    form = StepForm(request.POST or None, today=services.runner_today(request.user.profile))
    if form.is_valid():
        step = services.add_step(goal=goal, step=form.save(commit=False))
        messages.success(request, f"Step added: {step.title}.")
        return redirect_next(request, goal)
    return render_detail(request, goal, form=form)


def render_detail(
    request,
    goal,
    *,
    form=None,
    check_in_form=None,
    pause_form=None,
    ladder=None,
    comment_form=None,
    status=200,
):
    """The goal's page, with whichever of its forms was just sent back with its reasons."""
    profile = request.user.profile
    today = services.runner_today(profile)
    forms = {
        "form": form,
        "check_in_form": check_in_form,
        "pause_form": pause_form,
        "ladder": ladder,
        "comment_form": comment_form,
    }
    template = "goals/goal_detail.html#body"

    def context():
        return detail_context(goal, profile, today, **forms)

    if any(f is not None and f.is_bound for f in forms.values()):  # what the runner just typed
        body = render_to_string(template, context(), request=request)
    else:
        body = pagecache.body(request, template, today, (), context)
    return render(request, "goals/goal_detail.html", {"goal": goal, "body": body}, status=status)


def detail_context(
    goal, profile, today, *, form, check_in_form, pause_form, ladder, comment_form
) -> dict:
    prefetch_related_objects([goal], "pauses", "steps")
    (card,), _ = services.goal_cards(
        [goal], goal.round, profile, with_progress=True, chart=True, ladder=True
    )
    check_ins = list(goal.check_ins.all()[: CHECK_INS_SHOWN + 1])
    shown_reached = goal.status == Status.DONE or services.reached_by_runs(goal, card.progress)
    return {
        "reached": shown_reached,
        "proud": services.proud_notes(goal) if shown_reached else [],
        "goal": goal,
        "card": card,
        "form": form or StepForm(today=today),
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
        "comments": goal.comments.select_related("author__profile"),
        "comment_form": comment_form or CommentForm(prefix="comment"),
    }


@login_required
@require_POST
def goal_ladder(request, pk):
    """Adds the suggested steps the runner kept, as they changed them."""
    goal = owned_goal(request, pk)
    today = services.runner_today(request.user.profile)
    ladder = proposed_step_formset(goal, data=request.POST, today=today)
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
        messages.info(request, CROWDED)
    return redirect(goal)


@login_required
@require_POST
def goal_activate(request, pk):
    """A someday idea made active, without a new round."""
    goal = owned_goal(request, pk)
    if goal.status != Status.SOMEDAY:
        return redirect(goal)
    crowded = services.make_active(goal=goal)
    messages.success(request, f"\u201c{goal.title}\u201d is one of your active goals now.")
    if crowded:
        messages.info(request, CROWDED)
    return redirect(goal)


@login_required
@require_POST
def goal_reached(request, pk):
    """ "I did it": the runner marks the goal reached on their today."""
    goal = owned_goal(request, pk)
    if goal.status in services.REACHABLE:
        services.mark_reached(goal=goal, on=services.runner_today(request.user.profile))
        messages.success(request, f"You did it: \u201c{goal.title}\u201d. Well done!")
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
    services.add_check_in(goal=goal, check_in=form.save(commit=False))
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
    services.toggle_step(step=step)
    return redirect_next(request, step.goal)


@login_required
@require_POST
def goal_comment(request, pk):
    """The runner's answer in the goal's thread with their coach."""
    goal = owned_goal(request, pk)
    form = CommentForm(request.POST, prefix="comment")
    if not form.is_valid():
        return render_detail(request, goal, comment_form=form)
    services.add_comment(goal=goal, author=request.user, text=form.cleaned_data["text"])
    messages.success(request, "Sent. Your coach will see it on this goal.")
    return redirect(f"{goal.get_absolute_url()}#comments-heading")


@login_required
def goal_delete(request, pk):
    """Asks first (a GET only shows what would go), deletes on the POST."""
    goal = owned_goal(request, pk)
    if request.method == "POST":
        title, round = goal.title, goal.round
        services.delete_goal(goal=goal)
        messages.success(request, f"Deleted the goal \u201c{title}\u201d. Your runs are all kept.")
        if round is not None and round.stage != Stage.DONE:
            return redirect(round)  # back to where that round is
        return redirect("dashboard")
    context = {
        "goal": goal,
        "goes": get_text_list(services.what_goes_with(goal), "and"),
        "from_suggestion": goal.suggestions.exists(),
    }
    return render(request, "goals/goal_confirm_delete.html", context)


def owned_suggestion(request, pk) -> GoalSuggestion:
    return get_object_or_404(
        GoalSuggestion.objects.select_related("coach__profile"), pk=pk, runner=request.user
    )


@login_required
@require_POST
def suggestion_accept(request, pk):
    suggestion = owned_suggestion(request, pk)
    if not suggestion.is_waiting:
        return redirect_next(request, "dashboard")
    goal = services.accept_suggestion(suggestion=suggestion)
    where = "in your round's list" if goal.round else "with your someday ideas"
    messages.success(
        request, f"\u201c{goal.title}\u201d is {where} now. It's yours: change it as you like."
    )
    return redirect_next(request, goal)


@login_required
@require_POST
def suggestion_decline(request, pk):
    suggestion = owned_suggestion(request, pk)
    form = DeclineForm(request.POST, instance=suggestion, prefix=f"decline{pk}")
    if suggestion.is_waiting and form.is_valid():
        services.decline_suggestion(suggestion=suggestion, word=form.cleaned_data["word"])
        messages.success(request, "Declined, kindly. Your coach will see your answer.")
    elif suggestion.is_waiting:
        messages.error(request, " ".join(form.errors.get("word", [])))
    return redirect_next(request, "dashboard")
