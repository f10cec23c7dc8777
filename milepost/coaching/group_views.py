"""Group pages and the coach's own questions.

The coach's side (``/coach/groups/``): the coach's groups, each with its join link, a group
round to start, each member's stage and what members shared. The member's side
(``/groups/``): joining by the link, the group's round, taking part, and what the others shared
with the group. Each group is fetched for its coach or one of its members, anyone else gets a
404; a member's words are read only as ``groups`` lets (what they shared)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from milepost.reflection.forms import ShareForm
from milepost.reflection.models import Round
from milepost.web import site_url

from . import access, groups
from .group_forms import GroupForm, GroupRoundForm, QuestionForm
from .models import Group, GroupRoundSeat, Scope
from .services import CoachingError

# The coach's side ---------------------------------------------------------------------------


@login_required
def group_list(request):
    form = GroupForm(request.POST or None)
    if form.is_valid():
        group = groups.create_group(coach=request.user, **form.cleaned_data)
        messages.success(
            request, f"\u201c{group.name}\u201d is ready. Send its link to your runners."
        )
        return redirect("coaching:group", group.pk)
    mine = Group.objects.filter(coach=request.user).prefetch_related("memberships")
    return render(request, "coaching/groups/group_list.html", {"groups": mine, "form": form})


@login_required
def group(request, pk):
    return render_group(request, groups.coached_group_or_404(request.user, pk), GroupRoundForm())


def render_group(request, group: Group, round_form: GroupRoundForm, status=200):
    group_round = groups.current_round(group)
    members = groups.coach_overview(group, group_round)
    sharing = [m for m in members if m.shares_anything]
    context = {
        "group": group,
        "group_round": group_round,
        "members": members,
        "sharing": sharing,
        "theme_counts": groups.theme_counts(sharing),
        "theme_sharers": sum(1 for m in sharing if m.themes),
        "join_url": site_url(request) + reverse("coaching:group_join", args=[group.join_token]),
        "round_form": round_form,
    }
    return render(request, "coaching/groups/group.html", context, status=status)


@login_required
@require_POST
def group_round_start(request, pk):
    group = groups.coached_group_or_404(request.user, pk)
    form = GroupRoundForm(request.POST)
    if not form.is_valid():
        return render_group(request, group, form, status=422)
    groups.start_group_round(group=group, **form.cleaned_data)
    messages.success(request, "The group round has started. Members can now start their own.")
    return redirect("coaching:group", group.pk)


@login_required
def client_round_question(request, runner, pk):
    """The coach adds a question of their own to a client's round (reflections shared)."""
    view = access.client_or_404(request.user, runner, Scope.REFLECTIONS)
    round = get_object_or_404(Round, pk=pk, owner=view.runner)
    form = QuestionForm(request.POST or None)
    if form.is_valid():
        try:
            groups.ask_question(coach=request.user, round=round, **form.cleaned_data)
        except CoachingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your question is added after the eight.")
            return redirect("coaching:client_round_question", runner, round.pk)
    context = {
        "client": view.runner,
        "round": round,
        "questions": round.extra_questions.all(),
        "form": form,
    }
    status = 422 if form.errors else 200
    return render(request, "coaching/groups/question.html", context, status=status)


# The member's side --------------------------------------------------------------------------


@login_required
def group_join(request, token):
    """The join link: shows the group and its coach; joining shares nothing."""
    group = get_object_or_404(Group.objects.select_related("coach__profile"), join_token=token)
    member = group.memberships.filter(runner=request.user).exists()
    error = ""
    if request.method == "POST" and not member:
        try:
            groups.join(group=group, runner=request.user)
        except CoachingError as e:
            error = str(e)
        else:
            messages.success(request, f"Welcome to {group.name}.")
            return redirect("coaching:member_group", group.pk)
    context = {"group": group, "member": member, "error": error}
    return render(request, "coaching/groups/join.html", context, status=409 if error else 200)


@login_required
def member_group(request, pk):
    group = groups.member_group_or_404(request.user, pk)
    group_round = groups.current_round(group)
    seat = None
    shared = []
    if group_round is not None:
        seat = (
            GroupRoundSeat.objects.filter(group_round=group_round, runner=request.user)
            .select_related("round")
            .first()
        )
        shared = groups.shared_with_group(group_round, request.user)
    context = {
        "group": group,
        "group_round": group_round,
        "seat": seat,
        "shared": shared,
        "share_form": ShareForm(initial={"shared_with": seat.round.themes_shared_with})
        if seat
        else None,
    }
    return render(request, "coaching/groups/member_group.html", context)


@login_required
@require_POST
def take_part(request, pk):
    group = groups.member_group_or_404(request.user, pk)
    group_round = groups.current_round(group)
    if group_round is None:
        messages.error(request, "Your coach hasn't started a round for this group yet.")
        return redirect("coaching:member_group", group.pk)
    round = groups.take_part(group_round=group_round, runner=request.user)
    return redirect("rounds:round", round.pk)
