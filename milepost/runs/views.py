import calendar
import io
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import TooManyFilesSent
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from milepost import clock
from milepost.accounts import pagecache
from milepost.web import redirect_next

from . import services
from .forms import ActivityForm, ImportForm, ManualRunEditForm, ManualRunForm
from .glance import glance
from .models import Activity, ImportBatch, ItemStatus, Source, SourceFile

PER_PAGE = 25
# The batch page's table, in the order a runner wants to read it: what needs a look first.
GROUPS = [
    (ItemStatus.REJECTED, "Not imported", "These files could not be read; the reason says why."),
    (ItemStatus.SKIPPED, "Skipped", "Fine files, but not activities (routes, watch settings)."),
    (ItemStatus.DUPLICATE, "Already in your runs", "Nothing was added twice."),
    (ItemStatus.IMPORTED, "Imported", ""),
]


def owned_activity(request, pk) -> Activity:
    return get_object_or_404(Activity, pk=pk, owner=request.user)


@login_required
def activity_list(request):
    everything = request.GET.get("show") == "all"
    number = request.GET.get("page", "1")
    profile = request.user.profile

    def context():
        activities = Activity.objects.owned_by(request.user).defer("warnings", "feeling_note")
        if not everything:
            activities = activities.runs()
        page = Paginator(activities, PER_PAGE).get_page(number)
        return {"page": page, "everything": everything, "profile": profile}

    template = "runs/activity_list.html#body"
    if number.isdigit() and len(number) < 7:  # a page's list is cached until the runs change
        body = pagecache.body(request, template, profile.today(), (everything, number), context)
    else:  # a mistyped page number is shown the first page, and not cached under its name
        body = render_to_string(template, context(), request=request)
    batches = ImportBatch.objects.filter(owner=request.user)
    active = [b for b in batches[:5] if b.is_active and not b.interrupted]
    return render(request, "runs/activity_list.html", {"body": body, "active_batches": active})


WEEKDAYS = [(calendar.day_name[n], calendar.day_abbr[n][:2]) for n in range(7)]


@login_required
def running_glance(request):
    """Totals per week, month and year, and the days run over the last twelve months."""
    profile = request.user.profile
    context = glance(request.user, profile.today())
    context.update(units=profile.units, weekdays=WEEKDAYS)
    return render(request, "runs/glance.html", context)


@login_required
def activity_detail(request, pk):
    activity = owned_activity(request, pk)
    if activity.source == Source.MANUAL:
        return manual_run_detail(request, activity)
    form = ActivityForm(request.POST or None, instance=activity)
    if form.is_valid():
        services.save_activity(activity=form.instance, fields=form.changed_data)
        messages.success(request, "Saved.")
        return redirect(activity)
    usual = Activity.objects.usual_pace(request.user, activity.local_date)
    context = {"activity": activity, "form": form, "ask_race": activity.asks_if_race(usual)}
    return render(request, "runs/activity_detail.html", context)


@login_required
def activity_original(request, pk):
    """The file a run was imported from, as it was uploaded (a .gz stays a .gz). Read-only;
    another runner's id is a 404 whatever the method (the owner is checked first)."""
    activity = owned_activity(request, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    original = get_object_or_404(SourceFile, pk=activity.source_file_id, owner=request.user)
    name = PurePosixPath(original.name.replace("\\", "/")).name or f"run-{activity.pk}"
    return FileResponse(
        io.BytesIO(original.original()),
        as_attachment=True,
        filename=name,
        content_type="application/octet-stream",
    )


def manual_run_detail(request, activity: Activity):
    """A run entered by hand: everything typed can be corrected, the date and time too."""
    profile = request.user.profile
    form = ManualRunEditForm(
        request.POST or None, activity=activity, units=profile.units, today=profile.today()
    )
    if form.is_valid():
        services.correct_run(activity=activity, **form.corrections())
        messages.success(request, "Saved.")
        return redirect(activity)
    return render(request, "runs/activity_detail.html", {"activity": activity, "form": form})


@login_required
def activity_delete(request, pk):
    activity = owned_activity(request, pk)
    if request.method == "POST":
        title = activity.title
        services.delete_activity(activity=activity)
        messages.success(request, f"Deleted \u201c{title}\u201d.")
        return redirect("runs:list")
    return render(request, "runs/activity_confirm_delete.html", {"activity": activity})


@login_required
def activity_new(request):
    profile = request.user.profile
    today = clock.now().astimezone(profile.zone).date()
    form = ManualRunForm(request.POST or None, units=profile.units, today=today)
    if form.is_valid():
        data = form.cleaned_data
        activity = services.record_run(
            owner=request.user,
            on=data["on"],
            distance_m=data["distance"],
            duration_s=data["time"],
            start_time=data["start_time"],
            name=data["name"],
            feeling=data["feeling"],
            feeling_note=data["feeling_note"],
            is_race=data["is_race"],
            longest_continuous_m=data["longest_continuous_m"],
        )
        messages.success(request, "Run added.")
        return redirect(activity)
    if not form.is_bound:
        form.initial["on"] = today
    return render(request, "runs/activity_form.html", {"form": form})


# The upload's size is checked before anything reads the body, so CSRF is checked after it.
@csrf_exempt
@login_required
def import_upload(request):
    if request.method == "POST":
        limit = settings.MAX_UPLOAD_MB
        if int(request.META.get("CONTENT_LENGTH") or 0) > limit * 2**20:
            problem = f"That upload is over {limit} MB. Zip the files, or send them in parts."
            return upload_page(request, ImportForm(), problem, status=413)
        try:
            return checked_upload(request)
        except TooManyFilesSent:
            problem = (
                f"That is more than {settings.DATA_UPLOAD_MAX_NUMBER_FILES} files at once. "
                "Zip them into one archive and upload that."
            )
            return upload_page(request, ImportForm(), problem, status=400)
    return upload_page(request, ImportForm())


@csrf_protect
def checked_upload(request):
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return upload_page(request, form)
    batch = services.start_upload(owner=request.user, files=form.cleaned_data["files"])
    return redirect(batch)


def upload_page(request, form, problem="", status=200):
    batches = ImportBatch.objects.filter(owner=request.user)[:10]
    context = {"form": form, "problem": problem, "batches": batches}
    return render(request, "runs/import.html", context, status=status)


@login_required
def import_batch(request, pk):
    """The batch's progress, then what became of each file: per outcome its count and first
    rows, and each outcome's whole list a page at a time (``?show=imported&page=2``), so that
    a batch of 100,000 files is a page of a few hundred rows."""
    batch = get_object_or_404(ImportBatch, pk=pk, owner=request.user)
    context = {"batch": batch, "groups": [], "races": []}
    if not batch.is_active:
        context |= batch_outcomes(request, batch)
    template = "runs/batch.html"
    if request.htmx:
        template += "#batch-status"
    return render(request, template, context)


@login_required
@require_POST
def import_resume(request, pk):
    """Queues an interrupted import again (its page offers it)."""
    batch = get_object_or_404(ImportBatch, pk=pk, owner=request.user)
    if services.resume_batch(batch=batch):
        messages.success(request, "The import starts again. Runs already in are not added twice.")
    else:
        messages.error(request, "This import cannot be resumed now; its page says why.")
    return redirect(batch)


ROWS_SHOWN = 50  # per outcome on the batch page
ROWS_PER_PAGE = 500  # on one outcome's own pages
RACE_CANDIDATES = 1000  # the newest runs of a batch looked at for "Was this a race?"


def batch_outcomes(request, batch: ImportBatch) -> dict:
    counts = dict(batch.items.values_list("status").annotate(n=Count("pk")).order_by())
    shown = request.GET.get("show")
    groups, page = [], None
    for status, title, note in GROUPS:
        if not counts.get(status) or (shown in ItemStatus.values and shown != status):
            continue
        rows = batch.items.filter(status=status).select_related("activity")
        group = {"status": status, "title": title, "note": note, "count": counts[status]}
        if shown == status:
            page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
            group["rows"] = page.object_list
        else:
            group["rows"] = rows[:ROWS_SHOWN]
        groups.append(group)
    brought = Activity.objects.filter(pk__in=batch.items.exclude(activity=None).values("activity"))
    newest = list(brought.order_by("-start")[:RACE_CANDIDATES])
    imported_runs = Activity.objects.filter(
        pk__in=batch.items.filter(status=ItemStatus.IMPORTED).values("activity"), is_run=True
    )
    return {
        "groups": groups,
        "page": page,
        "shown": shown,
        "races": [] if shown else race_questions(request.user, newest),
        "imported_runs": None if shown else imported_runs,
    }


RACE_QUESTIONS_SHOWN = 20


def race_questions(owner, activities: list[Activity]) -> list[Activity]:
    """The imported runs to ask "Was this a race?" about, newest first: measured against the
    runner's usual pace over the last year (one query, however many runs came in)."""
    if not activities:
        return []
    latest = max(a.local_date for a in activities)
    usual = Activity.objects.usual_pace(owner, latest + timedelta(days=1), days=365)
    asked = [a for a in activities if a.asks_if_race(usual)]
    return sorted(asked, key=lambda a: a.start, reverse=True)[:RACE_QUESTIONS_SHOWN]


@login_required
@require_POST
def activity_race(request, pk):
    """The answer to "Was this a race?", yes or no."""
    activity = owned_activity(request, pk)
    answer = request.POST.get("was_race")
    if answer not in ("yes", "no"):
        messages.error(request, "Choose yes or no.")
        return redirect_next(request, activity)
    services.answer_race(activity=activity, was_race=answer == "yes")
    if answer == "yes":
        messages.success(request, f"Noted: \u201c{activity.title}\u201d was a race.")
    else:
        messages.success(request, "Noted: a good run, not a race.")
    return redirect_next(request, activity)
