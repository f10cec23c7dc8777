"""A runner's rounds across the years, as plain data: why each was started, the themes
confirmed (and the one that mattered most), the goals set and what became of them, the notes
per question, and what changed said in plain words. Read by the years page (the runner's and
their coach's), ``milepost rounds`` and the reflection PDF."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from milepost.goals.models import Goal, Status
from milepost.reflection.models import (
    STAGE_ORDER,
    Note,
    Round,
    RoundTheme,
    Stage,
    ThemeStatus,
)
from milepost.reflection.questions import QUESTIONS
from milepost.reflection.themes import THEME_LABELS

# What became of a goal, in the runner's words.
OUTCOMES = {
    Status.DONE: "reached",
    Status.PAUSED: "paused",
    Status.SOMEDAY: "let go for now",  # kept as a someday idea
    Status.ACTIVE: "under way",
    Status.CHOSEN: "chosen",
    Status.DRAFT: "a draft",
}


@dataclass
class YearsGoal:
    pk: int
    title: str
    status: str

    @property
    def outcome(self) -> str:
        return OUTCOMES.get(self.status, self.status)


@dataclass
class YearsRound:
    pk: int
    started: date
    reason: str
    reason_label: str
    reason_note: str
    finished: bool
    themes_decided: bool  # past the themes stage: its confirmed themes are the runner's answer
    themes: list[str]
    most_important: str | None
    goals: list[YearsGoal] | None  # None when goals are not shown (a coach without that scope)
    notes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def theme_labels(self) -> list[tuple[str, str, bool]]:
        """[(key, label, whether it mattered most)], most important first."""
        return [(k, THEME_LABELS.get(k, k), k == self.most_important) for k in self.themes]

    def as_json(self) -> dict:
        goals = [{"title": g.title, "status": g.status} for g in self.goals or []]
        return {
            "started": self.started.isoformat(),
            "reason": self.reason,
            "themes": self.themes,
            "most_important": self.most_important,
            "goals": goals,
        }


@dataclass
class Years:
    rounds: list[YearsRound]  # oldest first
    changes: list[str]
    questions: list[tuple[object, list[tuple[YearsRound, list[str]]]]]


def rounds_of(runner, *, with_goals: bool = True) -> list[YearsRound]:
    """The runner's rounds, oldest first, in a constant number of queries."""
    zone = runner.profile.zone
    themes = RoundTheme.objects.filter(status=ThemeStatus.CONFIRMED)
    prefetch = [Prefetch("themes", queryset=themes, to_attr="confirmed"), "notes"]
    if with_goals:
        prefetch.append(Prefetch("goals", queryset=Goal.objects.order_by("created_at", "id")))
    rounds = Round.objects.owned_by(runner).order_by("started_at", "id").prefetch_related(*prefetch)
    return [one_round(r, zone, with_goals) for r in rounds]


def one_round(round: Round, zone, with_goals: bool) -> YearsRound:
    confirmed = round.confirmed  # most important first (the model's ordering)
    most = next((t.key for t in confirmed if t.most_important), None)
    notes: dict[str, list[str]] = {}
    for note in round.notes.all():
        if note.question:
            notes.setdefault(note.question, []).append(note.text)
    goals = [YearsGoal(g.pk, g.title, g.status) for g in round.goals.all()] if with_goals else None
    return YearsRound(
        pk=round.pk,
        started=round.started_at.astimezone(zone).date(),
        reason=round.reason,
        reason_label=round.get_reason_display(),
        reason_note=round.reason_note,
        finished=round.stage == Stage.DONE,
        themes_decided=STAGE_ORDER.index(round.stage) > STAGE_ORDER.index(Stage.THEMES),
        themes=[t.key for t in confirmed],
        most_important=most,
        goals=goals,
        notes=notes,
    )


def years_of(runner, *, with_goals: bool = True) -> Years:
    rounds = rounds_of(runner, with_goals=with_goals)
    return Years(rounds=rounds, changes=what_changed(rounds), questions=notes_side_by_side(rounds))


def notes_side_by_side(rounds: list[YearsRound]):
    """[(question, [(round, its notes on it)])] for the questions written on in any round."""
    return [
        (q, [(r, r.notes.get(q.key, [])) for r in rounds])
        for q in QUESTIONS
        if any(r.notes.get(q.key) for r in rounds)
    ]


def what_changed(rounds: list[YearsRound]) -> list[str]:
    """What changed between the rounds whose themes were decided, in plain sentences: the
    themes that held, came up for the first time, came back or faded, and what mattered most.
    Only ever the runner's own rounds, compared with each other."""
    decided = [r for r in rounds if r.themes_decided]
    if len(decided) < 2:
        return []
    latest = decided[-1]
    order = [key for r in decided for key in r.themes]
    keys = sorted(set(order), key=order.index)
    held, new, back, faded = [], [], [], []
    for key in keys:
        present = [key in r.themes for r in decided]
        first = present.index(True)
        last = len(present) - 1 - present[::-1].index(True)
        label = THEME_LABELS.get(key, key)
        since = decided[first].started.year
        if present[-1] and all(present[first:]) and first < len(decided) - 1:
            held.append(f"{label} has been in every round since {since}.")
        elif present[-1] and first == len(decided) - 1:
            new.append(f"{label} came up for the first time in {latest.started.year}.")
        elif present[-1]:
            back.append(f"{label} came back in {latest.started.year}, after a round or more away.")
        else:
            faded.append(faded_sentence(key, label, decided[last].started.year))
    return held + new + back + faded + most_important_change(decided)


def faded_sentence(key: str, label: str, year: int) -> str:
    if key == "comeback":
        return f"Coming back was what {year} was about; it has not come up since."
    return f"{label} has not come back since {year}."


def most_important_change(decided: list[YearsRound]) -> list[str]:
    marked = [r for r in decided if r.most_important]
    if len(marked) < 2:
        return []
    first, last = marked[0], marked[-1]
    label = THEME_LABELS.get(last.most_important, last.most_important)
    if all(r.most_important == last.most_important for r in marked):
        return [f"{label} is what mattered most in every round where you chose one."]
    was = THEME_LABELS.get(first.most_important, first.most_important)
    if first.most_important == last.most_important:
        return [f"What mattered most in {last.started.year} was {label.lower()} again."]
    return [
        f"What mattered most was {was.lower()} in {first.started.year}; "
        f"in {last.started.year} it was {label.lower()}."
    ]


@dataclass
class LastTime:
    started: date
    notes: list[str]


def last_time(round: Round, *, answered: set[str]) -> dict[str, LastTime]:
    """{question key: what the runner wrote on it in their latest earlier round that has notes
    on it}, for the questions in ``answered`` only: offered once they have written their own
    first note on it in this round, so it never anchors them."""
    keys = answered & {q.key for q in QUESTIONS}
    if not keys:
        return {}
    notes = (
        Note.objects.filter(
            round__owner_id=round.owner_id,
            round__started_at__lt=round.started_at,
            question__in=keys,
        )
        .select_related("round")
        .order_by("-round__started_at", "-round_id", "created_at", "id")
    )
    zone = round.owner.profile.zone
    found: dict[str, LastTime] = {}
    from_round: dict[str, int] = {}
    for note in notes:
        if from_round.setdefault(note.question, note.round_id) != note.round_id:
            continue
        started = note.round.started_at.astimezone(zone).date()
        found.setdefault(note.question, LastTime(started, [])).notes.append(note.text)
    return found
