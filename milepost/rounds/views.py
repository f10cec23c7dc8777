"""A round's pages, in the order the runner meets them: reflect, themes, goals, rest, settle,
purpose, steps, and the summary of a finished round. Each page belongs to one stage; asked
for at another stage, it sends the runner to where they are."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.views.decorators.http import require_POST

from milepost.goals import services as goal_services
from milepost.goals import tracking
from milepost.goals.forms import PurposeForm, SettleForm, proposed_step_formset
from milepost.goals.models import Goal, Status
from milepost.reflection.forms import (
    AddThemeForm,
    NoteForm,
    RoundStartForm,
    ShareForm,
    ThemeDecisionForm,
)
from milepost.reflection.models import Note, Round, Share, Stage
from milepost.reflection.questions import QUESTIONS, QUESTIONS_BY_KEY
from milepost.reflection.services import (
    add_note,
    by_strength,
    delete_note,
    proposed_themes,
    share_note,
    share_themes,
    themes_quoting,
    what_goes_with_round,
)
from milepost.web import redirect_next

from . import services
from . import years as rounds_years
from .forms import EndRestForm, RestForm

STAGE_URLS = {
    Stage.BRAINSTORM: "rounds:brainstorm",
    Stage.THEMES: "rounds:themes",
    Stage.GOALS: "rounds:goals",
    Stage.RESTING: "rounds:rest",
    Stage.SETTLE: "rounds:settle",
    Stage.PURPOSE: "rounds:purpose",
    Stage.STEPS: "rounds:steps",
    Stage.DONE: "rounds:summary",
}


def owned_round(request, pk) -> Round:
    return Round.objects.owned_or_404(request.user, pk)


def at_stage(request, pk, stage: str) -> tuple[Round, HttpResponse | None]:
    """The runner's round, and where to send them instead when it is not at ``stage``."""
    round = owned_round(request, pk)
    if services.stage_of(round) != stage:
        return round, stage_redirect(round)
    return round, None


def stage_redirect(round: Round):
    return redirect(STAGE_URLS[services.stage_of(round)], round.pk)


@login_required
def round_new(request):
    form = RoundStartForm(request.POST or None, initial={"reason": request.GET.get("reason")})
    if form.is_valid():
        round = services.start_round(owner=request.user, **form.cleaned_data)
        return redirect("rounds:brainstorm", round.pk)
    open_rounds = list(Round.objects.owned_by(request.user).open())
    return render(request, "rounds/round_new.html", {"form": form, "open_rounds": open_rounds})


@login_required
@require_POST
def close(request, pk):
    """Closes an open round as it is (rounds.services.close_round says what is kept)."""
    round = owned_round(request, pk)
    if round.stage != Stage.DONE:
        services.close_round(round=round)
        messages.success(
            request,
            "That round is closed. Everything you wrote in it is kept under Past rounds, and "
            "goals you hadn't chosen yet are kept as someday ideas.",
        )
    back = reverse("rounds:round_new")
    return redirect(back if request.POST.get("next") == back else "dashboard")


@login_required
def round_detail(request, pk):
    return stage_redirect(owned_round(request, pk))


# Reflect ------------------------------------------------------------------------------------


@login_required
def brainstorm(request, pk):
    round, elsewhere = at_stage(request, pk, Stage.BRAINSTORM)
    return elsewhere or render_brainstorm(request, round)


def render_brainstorm(request, round: Round, invalid: NoteForm | None = None, status=200):
    """The eight questions with their notes, then the coach's own questions; an invalid note
    keeps what was typed. In a group round each note says who may read it."""
    notes = notes_by_question(round)
    last = rounds_years.last_time(round, answered=set(notes))
    context = {
        "round": round,
        "questions": [(q, n, last.get(q.key)) for q, n in questions_with_notes(round, notes)],
        "note_count": sum(map(len, notes.values())),
        "invalid": invalid,
        "invalid_question": invalid.data.get("question") if invalid else None,
        "in_group": in_group(round),
        "share_choices": Share.choices,
    }
    return render(request, "rounds/brainstorm.html", context, status=status)


def notes_by_question(round: Round) -> dict[str, list]:
    """{question key: [note, ...]}, the coach's own questions under their ``extra-<id>`` key."""
    notes = {}
    for note in round.notes.all():
        key = f"extra-{note.extra_question_id}" if note.extra_question_id else note.question
        notes.setdefault(key, []).append(note)
    return notes


def questions_with_notes(round: Round, notes: dict[str, list]) -> list:
    """[(question, its notes)]: the eight, then the round's own questions (they have a
    ``key`` and a ``text`` but no title: the template says whose they are)."""
    extra = list(round.extra_questions.select_related("asked_by__profile"))
    return [(q, notes.get(q.key, [])) for q in [*QUESTIONS, *extra]]


def in_group(round: Round) -> bool:
    """Whether the round is taken as part of a group round (its notes can then be shared)."""
    return hasattr(round, "group_seat")


@login_required
@require_POST
def note_add(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.BRAINSTORM:
        message = "This brainstorm is closed; your earlier notes are all saved."
        return HttpResponse(message, status=409, content_type="text/plain; charset=utf-8")
    form = NoteForm(request.POST, round=round)
    if not form.is_valid():
        if request.htmx:
            errors = " ".join(e for errors in form.errors.values() for e in errors)
            return HttpResponse(errors, status=422, content_type="text/plain; charset=utf-8")
        return render_brainstorm(request, round, invalid=form, status=422)
    note = add_note(round=round, **form.cleaned_data)
    if request.htmx:
        context = {"note": note, "in_group": in_group(round), "share_choices": Share.choices}
        if note.question and not round.notes.filter(question=note.question)[1:2].exists():
            # The first note on it: what they wrote last time is offered now, not before.
            last = rounds_years.last_time(round, answered={note.question})
            context |= {"offer_last": last.get(note.question), "key": note.question}
        return render(request, "rounds/note.html", context)
    key = f"extra-{note.extra_question_id}" if note.extra_question_id else note.question
    return redirect(reverse("rounds:brainstorm", args=[round.pk]) + f"#q-{key}")


@login_required
@require_POST
def note_share(request, pk):
    """Who may read one of the runner's notes besides them: only them, their coach, or their
    coach and group. Changed at any time, at once."""
    note = get_object_or_404(Note.objects.select_related("round"), pk=pk, round__owner=request.user)
    form = ShareForm(request.POST)
    if form.is_valid():
        share_note(note=note, shared_with=form.cleaned_data["shared_with"])
        messages.success(request, f"Saved: {note.get_shared_with_display().lower()}.")
    back = reverse("rounds:brainstorm", args=[note.round_id]) + f"#note-{note.pk}"
    return redirect_next(request, back)


@login_required
@require_POST
def themes_share(request, pk):
    """Who may read the round's confirmed themes besides the runner."""
    round = owned_round(request, pk)
    form = ShareForm(request.POST)
    if form.is_valid():
        share_themes(round=round, shared_with=form.cleaned_data["shared_with"])
        messages.success(request, f"Your themes: {round.get_themes_shared_with_display().lower()}.")
    return redirect_next(request, reverse("rounds:round", args=[round.pk]))


@login_required
@require_POST
def brainstorm_close(request, pk):
    round = owned_round(request, pk)
    if round.stage == Stage.BRAINSTORM:
        if not round.notes.exists():
            messages.error(request, "Add at least one note before you close the brainstorm.")
            return redirect("rounds:brainstorm", round.pk)
        services.close_brainstorm(round=round)
    return stage_redirect(round)


# Deleting a note, once the brainstorm is closed, or a whole round ---------------------------


LOCKED = (
    "Your notes stay as you wrote them while you brainstorm: write everything down. Once you "
    "close the brainstorm, you can delete any of them."
)


@login_required
def note_delete(request, pk):
    """Asks first (a GET only shows what would go), deletes on the POST; while the round is
    brainstorming, its notes are append-only and the runner is sent back to it."""
    note = get_object_or_404(Note.objects.select_related("round"), pk=pk, round__owner=request.user)
    round = note.round
    if round.stage == Stage.BRAINSTORM:
        messages.info(request, LOCKED)
        return redirect(reverse("rounds:brainstorm", args=[round.pk]) + f"#note-{note.pk}")
    if request.method == "POST":
        delete_note(note=note)
        messages.success(request, "Deleted your note.")
        key = f"extra-{note.extra_question_id}" if note.extra_question_id else note.question
        return redirect(reverse("rounds:summary", args=[round.pk]) + f"#q-{key}")
    question = QUESTIONS_BY_KEY.get(note.question)
    context = {
        "note": note,
        "round": round,
        "question": question.title if question else note.extra_question.text,
        "themes": themes_quoting(note),
    }
    return render(request, "rounds/note_confirm_delete.html", context)


@login_required
def round_delete(request, pk):
    """Asks first (a GET only shows what would go and what stays), deletes on the POST. The
    goals written in the round stay (``services.delete_round``)."""
    round = owned_round(request, pk)
    if request.method == "POST":
        started = date_format(timezone.localtime(round.started_at), "j F Y")
        kept = round.goals.exists()
        services.delete_round(round=round)
        also = " Its goals are kept." if kept else ""
        messages.success(request, f"Deleted your round of {started}.{also}")
        return redirect("dashboard")
    goals = list(round.goals.all())
    seat = getattr(round, "group_seat", None)
    context = {
        "round": round,
        "goes": get_text_list(what_goes_with_round(round), "and"),
        "goals": goals,
        "drafts": [g for g in goals if g.status == Status.DRAFT],
        "group": seat.group_round.group if seat else None,
    }
    return render(request, "rounds/round_confirm_delete.html", context)


# Themes -------------------------------------------------------------------------------------


@login_required
def themes(request, pk):
    round, elsewhere = at_stage(request, pk, Stage.THEMES)
    if elsewhere:
        return elsewhere
    clear, less_clear = by_strength(proposed_themes(round))
    form = theme_form(request, clear, less_clear)
    if form.is_valid():
        most = form.cleaned_data.get("most_important") or None
        services.decide_themes(round=round, decisions=form.decisions(), most_important=most)
        messages.success(request, "Your themes are saved. Now, the goals.")
        return redirect("rounds:goals", round.pk)
    decided = any(
        form[f"theme_{t.key}"].errors or form[f"theme_{t.key}"].value() for t in less_clear
    )
    context = {
        "round": round,
        "form": form,
        "in_group": in_group(round),
        "share_form": ShareForm(initial={"shared_with": round.themes_shared_with}),
        "add_form": AddThemeForm(taken={t.key for t in clear + less_clear}),
        "themes": clear + less_clear,
        "clear": clear,
        "less_clear": less_clear,
        "less_clear_open": decided,
    }
    return render(request, "rounds/themes.html", context)


def theme_form(request, clear, less_clear, data=None) -> ThemeDecisionForm:
    """The runner's answers on the themes: the clear ones asked, the less clear optional."""
    data = data or (request.POST if request.method == "POST" else None)
    optional = {t.key for t in less_clear}
    return ThemeDecisionForm(data, themes=clear + less_clear, optional=optional)


@login_required
@require_POST
def theme_add(request, pk):
    """Adds a theme we missed, keeping the answers already given on the others (they come
    with it: the add is part of the same form)."""
    round, elsewhere = at_stage(request, pk, Stage.THEMES)
    if elsewhere:
        return elsewhere
    clear, less_clear = by_strength(proposed_themes(round))
    decisions, most = theme_form(request, clear, less_clear, request.POST).as_typed()
    form = AddThemeForm(request.POST, taken={t.key for t in clear + less_clear})
    if form.is_valid():
        services.add_theme(
            round=round, decisions=decisions, most_important=most, **form.cleaned_data
        )
        messages.success(request, "Added. Thank you for telling us. Your other answers are kept.")
    else:
        services.keep_theme_choices(round=round, decisions=decisions, most_important=most)
        messages.error(request, "Choose a theme from the list to add it.")
    return redirect("rounds:themes", round.pk)


# Goals, rest and settling -------------------------------------------------------------------


@login_required
def goals(request, pk):
    round, elsewhere = at_stage(request, pk, Stage.GOALS)
    if elsewhere:
        return elsewhere
    form = goal_services.goal_form(request.POST or None, round, request.user.profile)
    if form.is_valid():
        goal = goal_services.add_goal(owner=request.user, round=round, goal=form.save(commit=False))
        messages.success(request, f"Added \u201c{goal.title}\u201d.")
        return redirect("rounds:goals", round.pk)
    cards, overall = goal_services.goal_cards(
        list(round.goals.filter(status=Status.DRAFT)), round, request.user.profile
    )
    context = {
        "round": round,
        "form": form,
        "cards": cards,
        "overall": overall,
        "rest_form": RestForm(),
        "suggestions": goal_services.waiting_suggestions(request.user),
    }
    return render(request, "rounds/goals.html", context)


@login_required
@require_POST
def rest_start(request, pk):
    round, elsewhere = at_stage(request, pk, Stage.GOALS)
    if elsewhere:
        return elsewhere
    form = RestForm(request.POST)
    if not round.goals.filter(status=Status.DRAFT).exists():
        messages.error(request, "Write at least one goal before you put the list away.")
    elif form.is_valid():
        services.start_rest(round=round, days=form.cleaned_data["days"])
        return redirect("rounds:rest", round.pk)
    else:
        messages.error(request, "Choose between 1 and 30 days.")
    return redirect("rounds:goals", round.pk)


@login_required
def rest(request, pk):
    round = owned_round(request, pk)
    if round.rest_is_over:
        messages.success(request, "Welcome back. Read your list with fresh eyes.")
        return redirect("rounds:settle", round.pk)
    if round.stage != Stage.RESTING:
        return stage_redirect(round)
    form = EndRestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        services.end_rest(round=round)
        messages.success(request, "Welcome back. Read your list with fresh eyes.")
        return redirect("rounds:settle", round.pk)
    context = {
        "round": round,
        "form": form,
        "goal_count": round.goals.count(),
        "today": request.user.profile.today(),
    }
    return render(request, "rounds/rest.html", context)


@login_required
def settle(request, pk):
    round, elsewhere = at_stage(request, pk, Stage.SETTLE)
    if elsewhere:
        return elsewhere
    candidates = goal_services.settle_candidates(round)
    form = SettleForm(request.POST or None, goals=candidates)
    if form.is_valid():
        services.settle(round=round, chosen=form.cleaned_data["chosen"])
        return redirect("rounds:purpose", round.pk)
    cards, overall = goal_services.goal_cards(candidates, round, request.user.profile)
    context = {
        "round": round,
        "form": form,
        "cards": cards,
        "overall": overall,
        "chosen": {str(v) for v in form["chosen"].value() or []} if form.is_bound else None,
    }
    return render(request, "rounds/settle.html", context)


# Purpose and steps --------------------------------------------------------------------------


@login_required
def purpose(request, pk):
    round, elsewhere = at_stage(request, pk, Stage.PURPOSE)
    if elsewhere:
        return elsewhere
    goal = services.chosen_goals(round).first()
    form = PurposeForm(request.POST or None, prefix=f"goal{goal.pk}")
    if form.is_valid():
        services.check_purpose(round=round, goal=goal, answers=form.answers())
        if goal.needs_rethink:
            messages.info(request, f"\u201c{goal.title}\u201d is marked for a rethink. It stays.")
        return redirect("rounds:purpose", round.pk)
    remaining = services.chosen_goals(round).count()
    context = {"round": round, "goal": goal, "form": form, "remaining": remaining}
    return render(request, "rounds/purpose.html", context)


@login_required
def steps(request, pk):
    round, elsewhere = at_stage(request, pk, Stage.STEPS)
    if elsewhere:
        return elsewhere
    goals = list(Goal.objects.owned_by(request.user).active().prefetch_related("steps", "pauses"))
    profile = request.user.profile
    today = profile.today()
    measured = tracking.progress_for(goals, profile, today)
    history = goal_services.history_for(profile, today)
    cards = []
    for goal in goals:
        card = goal_services.GoalCard(goal, progress=measured.get(goal.pk))
        proposed = goal_services.proposed_steps(goal, history, today, profile.units)
        card.ladder = proposed_step_formset(goal, proposed)
        cards.append(card)
    context = {"round": round, "cards": cards, "today": today}
    return render(request, "rounds/steps.html", context)


@login_required
@require_POST
def finish(request, pk):
    round, elsewhere = at_stage(request, pk, Stage.STEPS)
    if elsewhere:
        return elsewhere
    services.finish(round=round)
    messages.success(request, "Your goals are set. Go and enjoy the journey.")
    return redirect("dashboard")


@login_required
def summary(request, pk):
    round = owned_round(request, pk)
    notes = notes_by_question(round)
    context = {
        "round": round,
        "questions": questions_with_notes(round, notes),
        "themes": round.themes.confirmed(),
        "goals": round.goals.prefetch_related("steps"),
        "notes_deletable": round.stage != Stage.BRAINSTORM,  # append-only while brainstorming
    }
    return render(request, "rounds/summary.html", context)


@login_required
def years(request):
    """The runner's rounds side by side, oldest first, with what changed between them."""
    return render(request, "rounds/years.html", years_context(request.user))


def years_context(runner, *, coach=None, with_goals: bool = True) -> dict:
    """What the years page shows of ``runner``: to them, or to their coach (``coach``), whose
    links go to the coach's own round pages."""
    gathered = rounds_years.years_of(runner, with_goals=with_goals)
    for r in gathered.rounds:
        args = [runner.pk, r.pk] if coach else [r.pk]
        r.url = reverse("coaching:client_round" if coach else "rounds:summary", args=args)
    return {"years": gathered, "client": runner if coach else None}
