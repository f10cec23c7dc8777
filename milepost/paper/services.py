"""From the runner's rounds and goals to the plain data pdf.py prints; shared by the web
views and ``milepost print``."""

import hashlib
from datetime import date
from functools import cache

from milepost import clock
from milepost.goals.forms import PurposeForm
from milepost.goals.models import Goal, Status
from milepost.goals.targets import format_target
from milepost.reflection.models import Round
from milepost.reflection.questions import QUESTIONS
from milepost.reflection.themes import THEME_LABELS
from milepost.rounds import years

from . import pdf

# Settled goals: chosen at the settle step, then active after the purpose check, then done.
SETTLED = (Status.CHOSEN, Status.ACTIVE, Status.DONE)
PURPOSE_QUESTIONS = tuple(str(field.label) for field in PurposeForm.base_fields.values())


@cache
def blank_worksheet(paper: str) -> tuple[bytes, str]:
    """The blank worksheet, the same for everyone, and its ETag: made once per process (a
    new release is a new process), since making it costs a good part of a second."""
    data = worksheet(paper=paper)
    return data, '"' + hashlib.blake2b(data, digest_size=12).hexdigest() + '"'


def worksheet(*, paper: str, runner=None) -> bytes:
    name = runner.profile.display_name if runner else ""
    return pdf.worksheet_pdf(
        QUESTIONS,
        paper=paper,
        runner=name,
        themes=tuple(THEME_LABELS.values()),
        purpose_questions=PURPOSE_QUESTIONS,
    )


def reflection(*, round: Round, paper: str, compare: bool = False) -> bytes:
    """A round's reflection; with ``compare``, followed by the rounds up to it side by side
    and what changed between them."""
    answers = round.answers()
    themes = round.themes.confirmed()
    data = pdf.Reflection(
        runner=round.owner.profile.display_name,
        heading=f"Round started {pdf.long_date(local_date(round.owner, round.started_at))}",
        reason=" ".join(filter(None, [round.get_reason_display() + ".", round.reason_note])),
        answers=tuple(
            pdf.Answer(q.title, q.intent, tuple(answers.get(q.key, ()))) for q in QUESTIONS
        )
        + tuple(pdf.Answer(q.title, q.intent, tuple(notes)) for q, notes in round.extra_answers()),
        themes=tuple(
            pdf.ThemeLine(t.get_key_display(), t.description, t.in_my_words, t.most_important)
            for t in themes
        ),
        printed_on=local_date(round.owner),
        **(across_the_years(round) if compare else {}),
    )
    return pdf.reflection_pdf(data, paper=paper)


def across_the_years(round: Round) -> dict:
    """The rounds up to this one, oldest first, and what changed between them."""
    rounds = years.rounds_of(round.owner)
    upto = rounds[: [r.pk for r in rounds].index(round.pk) + 1]
    lines = tuple(
        pdf.RoundLine(
            heading=f"{pdf.long_date(r.started)}: {r.reason_label}",
            themes=", ".join(
                label + (" (mattered most)" if most else "") for _, label, most in r.theme_labels
            )
            or "none confirmed",
            goals="; ".join(f"{g.title} ({g.outcome})" for g in r.goals) or "none",
        )
        for r in upto
    )
    return {"changes": tuple(years.what_changed(upto)), "rounds": lines}


def goal_sheet(*, owner, paper: str, round: Round | None = None) -> bytes:
    """The runner's active goals, or the goals settled in one of their rounds."""
    goals = Goal.objects.owned_by(owner).prefetch_related("steps", "round__themes")
    if round is None:
        goals = goals.filter(status__in=[Status.CHOSEN, Status.ACTIVE])
    else:
        goals = goals.filter(round=round, status__in=SETTLED)
    started = round.started_at if round else None
    sheet = pdf.GoalSheet(
        runner=owner.profile.display_name,
        goals=tuple(goal_line(goal, owner.profile.units) for goal in goals),
        purpose_questions=PURPOSE_QUESTIONS,
        printed_on=local_date(owner),
        heading=f"from the round started {pdf.long_date(local_date(owner, started))}"
        if started
        else "",
    )
    return pdf.goal_sheet_pdf(sheet, paper=paper)


def goal_line(goal: Goal, units: str) -> pdf.GoalLine:
    target = format_target(
        goal.metric,
        goal.period,
        goal.target_value,
        goal.target_unit,
        goal.race_distance_m,
        units,
    )
    if goal.target_date:
        horizon = f"By {pdf.long_date(goal.target_date)}"
    else:
        horizon = goal.get_horizon_display()
    return pdf.GoalLine(
        title=goal.title,
        size=goal.get_size_display(),
        horizon=horizon,
        feeling=goal.get_feeling_display(),
        target=target if goal.kind == "measurable" else "",
        why=tuple(why_in_words(goal)),
        in_my_words=goal.why,
        steps=tuple(pdf.StepLine(s.title, s.due, s.done_at is not None) for s in goal.steps.all()),
    )


def why_in_words(goal: Goal) -> list[str]:
    """Each theme the goal serves, with what the runner called it when they said."""
    themes = goal.round.themes.all() if goal.round_id else ()
    words = {theme.key: theme.in_my_words for theme in themes if theme.in_my_words}
    out = []
    for key, label in zip(goal.themes, goal.theme_labels, strict=True):
        out.append(f"{label} (\u201c{words[key]}\u201d)" if key in words else label)
    return out


def local_date(user, moment=None) -> date:
    """Today, or the moment given, as a date in the runner's time zone."""
    return (moment or clock.now()).astimezone(user.profile.zone).date()
