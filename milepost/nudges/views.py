from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from milepost import clock

from .calendar import runner_calendar
from .models import CalendarFeed


def calendar_feed(request, token):
    feed = get_object_or_404(CalendarFeed.objects.select_related("owner"), token=token)
    body = runner_calendar(feed.owner, settings.SITE_URL, clock.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="milepost.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@require_POST
def calendar_regenerate(request):
    feed, created = CalendarFeed.objects.get_or_create(owner=request.user)
    if not created:
        feed.regenerate()
    messages.success(
        request, "Your calendar has a new private address. The old one no longer works."
    )
    return redirect("accounts:profile")
