"""The coach's side of a goal's thread and of suggested goals, and everyone's coaching e-mail
choices. Every read of a runner's data asks ``access.client_or_404`` first (the goals scope);
the writes are the goals app's own services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from milepost.goals import services as goal_services
from milepost.goals.forms import CommentForm, SuggestionForm
from milepost.goals.models import Goal, GoalComment, GoalSuggestion
from milepost.web import redirect_next

from . import emails
from .access import client_or_404


@login_required
@require_POST
def goal_comment(request, runner, pk):
    """The coach writes in a client's goal thread: needs the goals scope, and their goal."""
    view = client_or_404(request.user, runner, "goals")
    goal = get_object_or_404(Goal, pk=pk, owner=view.runner)
    form = CommentForm(request.POST, prefix="comment")
    if form.is_valid():
        comment = goal_services.add_comment(
            goal=goal, author=request.user, text=form.cleaned_data["text"]
        )
        emails.send_comment_emails(GoalComment.objects.filter(pk=comment.pk))
        messages.success(request, f"Sent. {view.runner.profile.display_name} will see it.")
    else:
        messages.error(request, " ".join(form.errors.get("text", [])))
    return redirect_next(request, emails.client_goal_path(view.runner.pk, goal.pk))


@login_required
def suggest(request, runner):
    """The coach suggests a goal to a client, and sees how earlier ones were answered."""
    view = client_or_404(request.user, runner, "goals")
    client = view.runner
    form = SuggestionForm(
        request.POST or None, units=request.user.profile.units, today=client.profile.today()
    )
    if form.is_valid():
        made = goal_services.suggest_goal(
            coach=request.user, runner=client, suggestion=form.save(commit=False)
        )
        name = client.profile.display_name
        messages.success(request, f"Suggested \u201c{made.title}\u201d. {name} will decide.")
        return redirect("coaching:suggest", client.pk)
    made = GoalSuggestion.objects.filter(coach=request.user, runner=client)
    context = {"client": client, "form": form, "suggestions": made}
    return render(request, "coaching/suggest.html", context)


@login_required
def email_settings(request):
    """Coaching e-mail choices now live with all the others, on the profile page."""
    return redirect(reverse("accounts:profile") + "#emails")
