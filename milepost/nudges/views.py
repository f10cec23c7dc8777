import re
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from milepost import clock
from milepost.runmath.units import format_weekday
from milepost.web import site_url

from . import services
from .calendar import runner_calendar
from .forms import CycleStartForm, NudgeKeyForm
from .models import CalendarFeed, CycleStart, Nudge

# What a feed's token can be (secrets.token_urlsafe): anything else, a NUL byte that
# PostgreSQL refuses included, is not looked up at all.
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def calendar_feed(request, token):
    if not TOKEN.fullmatch(token):
        raise Http404
    feed = get_object_or_404(CalendarFeed.objects.select_related("owner"), token=token)
    body = runner_calendar(feed.owner, site_url(request), clock.now(), feed.uid_tag)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="milepost.ics"'
    # The feed is one runner's: never kept by a proxy or on disk (calendar apps poll anyway).
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
@require_POST
def calendar_regenerate(request):
    CalendarFeed.renew_for(request.user)
    messages.success(
        request, "Your calendar has a new private address. The old one no longer works."
    )
    return redirect("accounts:profile")


@login_required
@require_POST
def nudge_dismiss(request, pk):
    nudge = get_object_or_404(Nudge, pk=pk, owner=request.user)
    return dismiss(request, nudge)


@login_required
@require_POST
def nudge_snooze(request, pk):
    nudge = get_object_or_404(Nudge, pk=pk, owner=request.user)
    return snooze(request, nudge)


@login_required
@require_POST
def nudge_act(request):
    """Dismiss or snooze a nudge the dashboard showed before the worker stored it (it has no
    id yet): named by its kind, first day and goal."""
    form = NudgeKeyForm(request.POST)
    if not form.is_valid():
        raise Http404
    key = form.cleaned_data
    nudge = services.stored_nudge(
        request.user, kind=key["kind"], since=key["since"], goal_id=key["goal"]
    )
    if nudge is None:
        raise Http404
    return snooze(request, nudge) if key["action"] == "snooze" else dismiss(request, nudge)


def dismiss(request, nudge: Nudge):
    services.dismiss(nudge=nudge)
    messages.success(request, "Dismissed. That one won't come back.")
    return redirect("dashboard")


def snooze(request, nudge: Nudge):
    until = services.runner_today(request.user) + timedelta(days=services.SNOOZE_DAYS)
    services.snooze(nudge=nudge, until=until)
    messages.success(request, f"Snoozed. It will be back on {format_weekday(until)}.")
    return redirect("dashboard")


@login_required
def cycles(request):
    """The runner's cycle starts, and "I'm starting a new training cycle on …"."""
    today = services.runner_today(request.user)
    form = CycleStartForm(request.POST or None, today=today)
    if form.is_valid():
        cycle = services.add_cycle_start(owner=request.user, cycle=form.save(commit=False))
        messages.success(request, cycle_message(cycle.day, today))
        return redirect("dashboard")
    starts = CycleStart.objects.filter(owner=request.user, day__gte=today - timedelta(days=365))
    context = {"form": form, "starts": starts.order_by("-day", "-id"), "today": today}
    return render(request, "nudges/cycles.html", context, status=400 if form.errors else 200)


def cycle_message(day, today) -> str:
    if day > today:
        return (
            f"Noted. On {format_weekday(day)}, when your new cycle starts, Milepost will "
            "suggest a round."
        )
    return "Noted. A new cycle is a good moment for a round: choose goals that fit it."


@login_required
@require_POST
def cycle_delete(request, pk):
    cycle = get_object_or_404(CycleStart, pk=pk, owner=request.user)
    services.delete_cycle_start(cycle=cycle)
    messages.success(request, "Removed.")
    return redirect("nudges:cycles")
