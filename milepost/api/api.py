"""The JSON API, version 1 (``/api/v1/``; the OpenAPI document at ``/api/v1/openapi.json``,
browsable at ``/api/v1/docs``).

One source of truth: each endpoint reads and writes through the same functions as the pages
(``goals.services.goal_cards`` for progress, ``runs.services.record_run`` and
``start_upload`` for runs, ``nudges.services.open_nudges``, ``coaching.roster`` and
``coaching.access`` for a coach), and the same privacy rule: anything not the caller's, or not
shared with them under a live grant's scope, is a 404.

Conventions: lists of activities are paged with ``?page=1&per_page=50`` (at most 200) and
answer ``{"items", "page", "per_page", "total"}``; date filters ``since`` and ``until`` are
the runner's local days, both included. Errors are ``{"detail": TEXT, "field": NAME or null}``.
"""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import File, NinjaAPI, Query, Router, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.files import UploadedFile
from ninja.openapi.docs import ABS_TPL_PATH, Swagger
from pydantic import Field

from milepost.coaching import access, roster
from milepost.goals import services as goal_services
from milepost.goals.models import Goal
from milepost.nudges.services import open_nudges
from milepost.reflection.models import Round
from milepost.runs import services as run_services
from milepost.runs.models import Activity, ImportBatch

from . import schemas
from .auth import AUTH, require_write


class LocalSwagger(Swagger):
    """Swagger UI from the files django-ninja ships, never a CDN. Ninja picks its local page only
    when it is in INSTALLED_APPS, which costs every command its import at start-up (settings
    lists its template and static folders instead), so its local page is named here."""

    template_cdn = str(ABS_TPL_PATH / "swagger.html")


api = NinjaAPI(
    title="Milepost API",
    version="1",
    description=__doc__,
    auth=AUTH,
    urls_namespace="api",
    docs_url="/docs",
    docs=LocalSwagger(),
)
MAX_PER_PAGE = 200


# Errors: one shape everywhere ----------------------------------------------------------------


def error(request, status: int, detail: str, field: str | None = None):
    return api.create_response(request, {"detail": detail, "field": field}, status=status)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    first = exc.errors[0] if exc.errors else {}
    where = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")]
    field = where[-1] if where else None
    message = first.get("msg", "Something in the request is not right.")
    return error(request, 422, f"{field}: {message}" if field else message, field)


@api.exception_handler(DjangoValidationError)
def refused(request, exc):
    if hasattr(exc, "message_dict"):
        field, messages = next(iter(exc.message_dict.items()))
        return error(request, 422, messages[0], None if field == "__all__" else field)
    return error(request, 422, exc.messages[0])


@api.exception_handler(Http404)
def not_found(request, exc):
    return error(request, 404, "Not found.")


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    return error(request, 401, "Send a token (Authorization: Bearer TOKEN) or log in first.")


@api.exception_handler(HttpError)
def http_error(request, exc):
    return error(request, exc.status_code, str(exc))


# Turning rows into answers (shared by the runner's and the coach's endpoints) ---------------


def round_answer(round: Round) -> dict:
    notes = [
        {
            "question": n.question,
            "question_text": n.extra_question.text if n.extra_question_id else None,
            "text": n.text,
            "created_at": n.created_at,
        }
        for n in round.notes.select_related("extra_question")
    ]
    themes = [
        {
            "key": t.key,
            "label": t.get_key_display(),
            "status": t.status,
            "most_important": t.most_important,
            "in_my_words": t.in_my_words,
        }
        for t in round.themes.all()
    ]
    return {
        **round_summary(round),
        "reason_note": round.reason_note,
        "notes": notes,
        "themes": themes,
    }


def round_summary(round: Round) -> dict:
    return {
        "id": round.pk,
        "started_at": round.started_at,
        "reason": round.reason,
        "stage": round.current_stage,
        "finished_at": round.finished_at,
    }


def goal_summary(goal: Goal) -> dict:
    return {
        "id": goal.pk,
        "title": goal.title,
        "status": goal.status,
        "size": goal.size,
        "horizon": goal.horizon,
        "target_date": goal.target_date,
        "kind": goal.kind,
        "metric": goal.metric,
        "round_id": goal.round_id,
        "reached_on": goal.reached_on,
    }


def goal_answer(goal: Goal, profile) -> dict:
    prefetch_related_objects([goal], "pauses", "steps")
    (card,), _ = goal_services.goal_cards([goal], None, profile, with_progress=True)
    measured = card.progress
    return {
        **goal_summary(goal),
        "why": goal.why,
        "themes": goal.themes,
        "progress": (
            {
                "percent": measured.percent,
                "summary": measured.summary,
                "on_track": measured.on_track,
            }
            if measured
            else None
        ),
        "steps": [
            {"id": s.pk, "title": s.title, "due": s.due, "done": s.done_at is not None}
            for s in goal.steps.all()
        ],
        "check_ins": list(goal.check_ins.values("day", "did_it", "feeling", "note")[:200]),
    }


class ActivityFilter(schemas.Schema):
    since: date | None = Field(None, description="From this local day (included).")
    until: date | None = Field(None, description="Up to this local day (included).")
    page: int = Field(1, ge=1)
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE)


def activity_page(owner, filters: ActivityFilter) -> dict:
    found = Activity.objects.filter(owner=owner).order_by("-start", "-id")
    if filters.since:
        found = found.filter(local_date__gte=filters.since)
    if filters.until:
        found = found.filter(local_date__lte=filters.until)
    first = (filters.page - 1) * filters.per_page
    return {
        "items": list(found[first : first + filters.per_page]),
        "page": filters.page,
        "per_page": filters.per_page,
        "total": found.count(),
    }


def batch_answer(batch: ImportBatch) -> dict:
    files = [
        {"path": i.path, "status": i.status, "reason": i.reason, "activity_id": i.activity_id}
        for i in batch.items.order_by("position")[:5000]
    ]
    return {
        **{f: getattr(batch, f) for f in schemas.ImportBatch.model_fields if f != "files"},
        "id": batch.pk,
        "files": files,
    }


# The runner's own data -----------------------------------------------------------------------

me = Router(tags=["Your data"])


@me.get("/profile", response=schemas.Profile)
def profile(request):
    p = request.auth.profile
    return {
        "username": request.auth.get_username(),
        "name": p.name,
        "units": p.units,
        "time_zone": p.time_zone,
        "today": p.today(),
        "weekly_minutes": p.weekly_minutes,
    }


@me.get("/rounds", response=list[schemas.RoundSummary])
def rounds(request):
    return [round_summary(r) for r in Round.objects.owned_by(request.auth)]


@me.get("/rounds/{int:pk}", response=schemas.Round, url_name="round")
def round_detail(request, pk: int):
    return round_answer(get_object_or_404(Round, pk=pk, owner=request.auth))


@me.get("/goals", response=list[schemas.GoalSummary])
def goals(request):
    return [goal_summary(g) for g in Goal.objects.owned_by(request.auth)]


@me.get("/goals/{int:pk}", response=schemas.Goal, url_name="goal")
def goal_detail(request, pk: int):
    goal = get_object_or_404(Goal, pk=pk, owner=request.auth)
    return goal_answer(goal, request.auth.profile)


@me.get("/activities", response=schemas.ActivityPage)
def activities(request, filters: Query[ActivityFilter]):
    return activity_page(request.auth, filters)


@me.get("/activities/{int:pk}", response=schemas.ActivityDetail, url_name="activity")
def activity_detail(request, pk: int):
    return get_object_or_404(Activity, pk=pk, owner=request.auth)


@me.post("/activities", response={201: schemas.ActivityDetail})
def activity_create(request, run: schemas.NewRun):
    """A run entered by hand, as on the "Add a run" page."""
    require_write(request)
    made = run_services.record_run(
        owner=request.auth,
        on=run.on,
        distance_m=run.distance_m,
        duration_s=run.duration_s,
        name=run.name,
        feeling=run.feeling,
        is_race=run.is_race,
    )
    return Status(201, made)


@me.post("/imports", response={202: schemas.ImportBatch})
def import_create(request, files: File[list[UploadedFile]]):
    """Activity files or export archives (field ``files``, one or more): imported in the
    background as on the import page; poll ``/imports/{id}`` for its progress and per-file
    results."""
    require_write(request)
    batch = run_services.start_upload(owner=request.auth, files=files)
    return Status(202, batch_answer(batch))


@me.get("/imports/{int:pk}", response=schemas.ImportBatch, url_name="import_batch")
def import_detail(request, pk: int):
    return batch_answer(get_object_or_404(ImportBatch, pk=pk, owner=request.auth))


@me.get("/nudges", response=list[schemas.Nudge])
def nudges(request):
    return [
        {"kind": n.kind, "since": n.since, "reason": n.reason, "goal_id": n.goal_id}
        for n in open_nudges(request.auth)
    ]


# A coach's clients, through the grant's scopes ------------------------------------------------

coach = Router(tags=["Coaching"])


@coach.get("/roster", response=list[schemas.Client])
def coach_roster(request):
    return [
        {**c.as_json(), "runner_id": c.runner.pk, "name": c.name}
        for c in roster.roster(request.auth)
    ]


@coach.get("/clients/{int:runner}/goals", response=list[schemas.GoalSummary])
def client_goals(request, runner: int):
    view = access.client_or_404(request.auth, runner, "goals")
    return [goal_summary(g) for g in Goal.objects.filter(owner=view.runner)]


@coach.get("/clients/{int:runner}/goals/{int:pk}", response=schemas.Goal, url_name="client_goal")
def client_goal(request, runner: int, pk: int):
    view = access.client_or_404(request.auth, runner, "goals")
    goal = get_object_or_404(Goal, pk=pk, owner=view.runner)
    return goal_answer(goal, view.runner.profile)


@coach.get("/clients/{int:runner}/rounds", response=list[schemas.RoundSummary])
def client_rounds(request, runner: int):
    view = access.client_or_404(request.auth, runner, "reflections")
    return [round_summary(r) for r in Round.objects.filter(owner=view.runner)]


@coach.get("/clients/{int:runner}/rounds/{int:pk}", response=schemas.Round, url_name="client_round")
def client_round(request, runner: int, pk: int):
    view = access.client_or_404(request.auth, runner, "reflections")
    return round_answer(get_object_or_404(Round, pk=pk, owner=view.runner))


@coach.get("/clients/{int:runner}/activities", response=schemas.ActivityPage)
def client_activities(request, runner: int, filters: Query[ActivityFilter]):
    view = access.client_or_404(request.auth, runner, "runs")
    return activity_page(view.runner, filters)


api.add_router("/", me)
api.add_router("/coach", coach)
