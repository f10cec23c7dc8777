from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .forms import AddThemeForm, NoteForm, RoundStartForm, ThemeDecisionForm
from .models import Note, Round, RoundTheme, Stage, ThemeStatus
from .questions import QUESTIONS
from .services import propose_themes

STAGE_URLS = {
    Stage.BRAINSTORM: "reflection:brainstorm",
    Stage.THEMES: "reflection:themes",
    Stage.GOALS: "goals:round_goals",
    Stage.RESTING: "goals:rest",
    Stage.SETTLE: "goals:settle",
    Stage.PURPOSE: "goals:purpose",
    Stage.STEPS: "goals:steps",
    Stage.DONE: "reflection:summary",
}


def owned_round(request, pk) -> Round:
    return get_object_or_404(Round, pk=pk, owner=request.user)


def stage_redirect(round: Round):
    return redirect(STAGE_URLS[round.stage], round.pk)


@login_required
def round_new(request):
    form = RoundStartForm(request.POST or None, initial={"reason": request.GET.get("reason")})
    if form.is_valid():
        round = form.save(commit=False)
        round.owner = request.user
        round.save()
        return redirect("reflection:brainstorm", round.pk)
    return render(request, "reflection/round_new.html", {"form": form})


@login_required
def round_detail(request, pk):
    return stage_redirect(owned_round(request, pk))


@login_required
def brainstorm(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.BRAINSTORM:
        return stage_redirect(round)
    return render_brainstorm(request, round)


def render_brainstorm(request, round: Round, invalid: NoteForm | None = None, status=200):
    """The eight questions with their notes; an invalid note keeps what was typed."""
    notes = {}
    for note in round.notes.all():
        notes.setdefault(note.question, []).append(note)
    questions = [(q, notes.get(q.key, [])) for q in QUESTIONS]
    context = {
        "round": round,
        "questions": questions,
        "note_count": sum(map(len, notes.values())),
        "invalid": invalid,
        "invalid_question": invalid.data.get("question") if invalid else None,
    }
    return render(request, "reflection/brainstorm.html", context, status=status)


@login_required
@require_POST
def note_add(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.BRAINSTORM:
        message = "This brainstorm is closed; your earlier notes are all saved."
        return HttpResponse(message, status=409, content_type="text/plain; charset=utf-8")
    form = NoteForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            errors = " ".join(e for errors in form.errors.values() for e in errors)
            return HttpResponse(errors, status=422, content_type="text/plain; charset=utf-8")
        return render_brainstorm(request, round, invalid=form, status=422)
    note = save_note_once(round, form)
    if request.htmx:
        return render(request, "reflection/note.html", {"note": note})
    return redirect(reverse("reflection:brainstorm", args=[round.pk]) + f"#q-{note.question}")


def save_note_once(round: Round, form: NoteForm) -> Note:
    """A page that retries after a lost connection sends the same client_id again."""
    existing = round.notes.filter(client_id=form.cleaned_data["client_id"]).first()
    if existing:
        return existing
    note = form.save(commit=False)
    note.round = round
    try:
        with transaction.atomic():
            note.save()
    except IntegrityError:
        return round.notes.get(client_id=note.client_id)
    return note


@login_required
@require_POST
def brainstorm_close(request, pk):
    round = owned_round(request, pk)
    if round.stage == Stage.BRAINSTORM:
        if not round.notes.exists():
            messages.error(request, "Add at least one note before you close the brainstorm.")
            return redirect("reflection:brainstorm", round.pk)
        round.close_brainstorm()
    return stage_redirect(round)


@login_required
def themes(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.THEMES:
        return stage_redirect(round)
    proposed = propose_themes(round=round)
    form = ThemeDecisionForm(request.POST or None, themes=proposed)
    if form.is_valid():
        save_theme_decisions(round, form)
        round.advance_to(Stage.GOALS)
        messages.success(request, "Your themes are saved. Now, the goals.")
        return redirect("goals:round_goals", round.pk)
    add_form = AddThemeForm(taken={t.key for t in proposed})
    context = {"round": round, "form": form, "add_form": add_form, "themes": proposed}
    return render(request, "reflection/themes.html", context)


@transaction.atomic
def save_theme_decisions(round: Round, form: ThemeDecisionForm) -> None:
    most = form.cleaned_data.get("most_important")
    round.themes.update(most_important=False)
    for theme, status in form.decisions():
        theme.status = status
        theme.most_important = theme.key == most
        theme.save(update_fields=["status", "most_important"])


@login_required
@require_POST
def theme_add(request, pk):
    round = owned_round(request, pk)
    if round.stage != Stage.THEMES:
        return stage_redirect(round)
    form = AddThemeForm(request.POST, taken=set(round.themes.values_list("key", flat=True)))
    if form.is_valid():
        RoundTheme.objects.create(
            round=round,
            key=form.cleaned_data["key"],
            in_my_words=form.cleaned_data["in_my_words"],
            added_by_runner=True,
            status=ThemeStatus.CONFIRMED,
        )
        messages.success(request, "Added. Thank you for telling us.")
    else:
        messages.error(request, "Choose a theme from the list to add it.")
    return redirect("reflection:themes", round.pk)


@login_required
def summary(request, pk):
    round = owned_round(request, pk)
    notes = {}
    for note in round.notes.all():
        notes.setdefault(note.question, []).append(note)
    context = {
        "round": round,
        "questions": [(q, notes.get(q.key, [])) for q in QUESTIONS],
        "themes": round.themes.confirmed(),
        "goals": round.goals.prefetch_related("steps"),
    }
    return render(request, "reflection/summary.html", context)
